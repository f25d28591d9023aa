package io.hookwire.server;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The two databases the server runs on, for storage tests without a Spring context: an in-memory H2
 * in PostgreSQL mode (the server's default) and a real PostgreSQL. Each is migrated with the
 * server's own Flyway migrations; {@link #reset} empties every table between tests.
 */
public final class TestDatabases {

  /** The options the server's H2 URL uses, so that H2 behaves as it does in the server. */
  public static final String H2_OPTIONS =
      ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

  private TestDatabases() {}

  /** The URL of a new, private in-memory H2 database that lives until the JVM ends. */
  public static String h2Url() {
    return "jdbc:h2:mem:" + UUID.randomUUID() + H2_OPTIONS + ";DB_CLOSE_DELAY=-1";
  }

  /**
   * A new, private, migrated in-memory H2 database. Its migrating connection is closed before any
   * test runs, as a server's pooled connections are, so schema quirks that depend on the creating
   * session show up here.
   */
  public static DataSource h2() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(h2Url());
    dataSource.setUser("sa");
    dataSource.setPassword("");
    return migrate(dataSource);
  }

  /** Starts a PostgreSQL server of its own; close it when done. */
  public static EmbeddedPostgres startPostgres() {
    try {
      return EmbeddedPostgres.builder().start();
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL did not start", e);
    }
  }

  /**
   * The migrated {@code postgres} database of a PostgreSQL server started by {@link
   * #startPostgres}.
   */
  public static DataSource postgres(EmbeddedPostgres server) {
    return migrate(server.getPostgresDatabase());
  }

  /** Applies the server's migrations: the shared ones and those of this database alone. */
  public static DataSource migrate(DataSource dataSource) {
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration", "classpath:db/vendor/" + vendor(dataSource))
        .load()
        .migrate();
    return dataSource;
  }

  /** The name Spring Boot gives the database in {@code spring.flyway.locations}. */
  private static String vendor(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return connection.getMetaData().getDatabaseProductName().equals("H2") ? "h2" : "postgresql";
    } catch (SQLException e) {
      throw new IllegalStateException("cannot tell which database this is", e);
    }
  }

  /** Deletes every row of every table but Flyway's history, whatever the foreign keys. */
  public static void reset(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      List<String> tables = tables(connection);
      if (tables.isEmpty()) {
        return;
      }
      if (connection.getMetaData().getDatabaseProductName().toLowerCase().contains("h2")) {
        statement.execute("SET REFERENTIAL_INTEGRITY FALSE");
        try {
          for (String table : tables) {
            statement.execute("TRUNCATE TABLE " + table);
          }
        } finally {
          statement.execute("SET REFERENTIAL_INTEGRITY TRUE");
        }
      } else {
        statement.execute("TRUNCATE TABLE " + String.join(", ", tables) + " CASCADE");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not empty the test database", e);
    }
  }

  private static List<String> tables(Connection connection) throws SQLException {
    DatabaseMetaData metadata = connection.getMetaData();
    List<String> tables = new ArrayList<>();
    try (ResultSet rows =
        metadata.getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
      while (rows.next()) {
        String table = rows.getString("TABLE_NAME");
        if (!table.equalsIgnoreCase("flyway_schema_history")) {
          tables.add(table);
        }
      }
    }
    return tables;
  }
}
