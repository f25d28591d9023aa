package io.hookwire.server.operator;

import io.hookwire.server.PostgresForClass;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The operator API's stores on a real PostgreSQL server, started for this class. */
class OperatorStoresOnPostgresTest extends OperatorStoresTest {

  @RegisterExtension static final PostgresForClass POSTGRES = new PostgresForClass();

  @Override
  protected DataSource dataSource() {
    return POSTGRES.dataSource();
  }
}
