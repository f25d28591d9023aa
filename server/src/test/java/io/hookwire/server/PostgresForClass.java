package io.hookwire.server;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real PostgreSQL server of a test class's own, migrated, started before its tests and stopped
 * after them: {@code @RegisterExtension static final PostgresForClass POSTGRES = new
 * PostgresForClass();}.
 */
public final class PostgresForClass implements BeforeAllCallback, AfterAllCallback {

  private EmbeddedPostgres server;
  private DataSource database;

  @Override
  public void beforeAll(ExtensionContext context) {
    server = TestDatabases.startPostgres();
    database = TestDatabases.postgres(server);
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (server != null) {
      server.close();
    }
  }

  /**
   * @return its migrated {@code postgres} database
   */
  public DataSource dataSource() {
    return database;
  }
}
