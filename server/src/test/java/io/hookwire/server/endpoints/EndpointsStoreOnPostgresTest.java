package io.hookwire.server.endpoints;

import io.hookwire.server.TestDatabases;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The Endpoints API's store on a real PostgreSQL server, started for this class. */
class EndpointsStoreOnPostgresTest extends EndpointsStoreTest {

  private static EmbeddedPostgres server;
  private static DataSource database;

  @BeforeAll
  static void startDatabase() {
    server = TestDatabases.startPostgres();
    database = TestDatabases.postgres(server);
  }

  @AfterAll
  static void stopDatabase() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  @Override
  DataSource dataSource() {
    return database;
  }
}
