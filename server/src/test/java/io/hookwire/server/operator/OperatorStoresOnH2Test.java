package io.hookwire.server.operator;

import io.hookwire.server.TestDatabases;
import javax.sql.DataSource;

/** The operator API's stores on H2 in PostgreSQL mode, the server's embedded database. */
class OperatorStoresOnH2Test extends OperatorStoresTest {

  private static final DataSource DATABASE = TestDatabases.h2();

  @Override
  protected DataSource dataSource() {
    return DATABASE;
  }
}
