package io.hookwire.server.autoscale;

import io.hookwire.server.TestDatabases;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;

/** The webhooks store on H2 in PostgreSQL mode, the server's embedded database. */
class WebhooksStoreOnH2Test extends WebhooksStoreTest {

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
