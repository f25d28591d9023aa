package io.hookwire.server.endpoints;

import io.hookwire.server.TestDatabases;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;

/** The Endpoints API's store on H2 in PostgreSQL mode, the server's embedded database. */
class EndpointsStoreOnH2Test extends EndpointsStoreTest {

  private static DataSource database;

  @BeforeAll
  static void createDatabase() {
    database = TestDatabases.h2();
  }

  @Override
  DataSource dataSource() {
    return database;
  }
}
