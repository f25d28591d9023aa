package io.hookwire.server;

import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Storage tests on a real database, emptied before each test: an abstract subclass holds the tests
 * of some stores, and its concrete subclasses run them on H2 and on PostgreSQL.
 */
public abstract class DatabaseTest {

  /** Microseconds are the precision both databases keep. */
  protected static final Instant T0 = Instant.parse("2025-01-06T09:00:00.123456Z");

  protected JdbcClient jdbc;

  /** The migrated database of the subclass, the same for all its tests. */
  protected abstract DataSource dataSource();

  @BeforeEach
  protected void emptyTheDatabase() {
    TestDatabases.reset(dataSource());
    jdbc = JdbcClient.create(dataSource());
  }
}
