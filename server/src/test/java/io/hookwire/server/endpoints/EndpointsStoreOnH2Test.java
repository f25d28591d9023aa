package io.hookwire.server.endpoints;

import io.hookwire.server.TestDatabases;
import javax.sql.DataSource;

/** The Endpoints API's store on H2 in PostgreSQL mode, the server's embedded database. */
class EndpointsStoreOnH2Test extends EndpointsStoreTest {

  private static final DataSource DATABASE = TestDatabases.h2();

  @Override
  protected DataSource dataSource() {
    return DATABASE;
  }
}
