package io.hookwire.server.operator;

import io.hookwire.server.TestDatabases;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;

/** The operator API's stores on H2 in PostgreSQL mode, the server's embedded database. */
class OperatorStoresOnH2Test extends OperatorStoresTest {

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
