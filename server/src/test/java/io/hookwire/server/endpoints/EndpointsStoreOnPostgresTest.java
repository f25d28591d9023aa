package io.hookwire.server.endpoints;

import io.hookwire.server.PostgresForClass;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Endpoints API's store on a real PostgreSQL server, started for this class. */
class EndpointsStoreOnPostgresTest extends EndpointsStoreTest {

  @RegisterExtension static final PostgresForClass POSTGRES = new PostgresForClass();

  @Override
  protected DataSource dataSource() {
    return POSTGRES.dataSource();
  }
}
