package io.hookwire.server.autoscale;

import io.hookwire.server.TestDatabases;
import javax.sql.DataSource;

/** The webhooks store on H2 in PostgreSQL mode, the server's embedded database. */
class WebhooksStoreOnH2Test extends WebhooksStoreTest {

  private static final DataSource DATABASE = TestDatabases.h2();

  @Override
  protected DataSource dataSource() {
    return DATABASE;
  }
}
