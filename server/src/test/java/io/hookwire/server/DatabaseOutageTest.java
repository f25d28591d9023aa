package io.hookwire.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * With PostgreSQL down, every API answers 503 in its own format; when the database is back the
 * server serves again by itself, without a restart.
 */
class DatabaseOutageTest {

  @TempDir Path data;

  @Test
  void answers503WhileTheDatabaseIsDownAndRecoversByItself() throws Exception {
    int port = freePort();
    EmbeddedPostgres database = postgres(port);
    try (ConfigurableApplicationContext server =
        new SpringApplicationBuilder(HookwireApplication.class)
            .run(
                "--server.port=0",
                "--management.server.port=0",
                "--spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--hookwire.operator-token=test-operator-token")) {
      TestHttp http = TestHttp.of(server);
      assertThat(http.operator("GET", "/operator/v1/accounts", null).statusCode()).isEqualTo(200);

      database.close();
      var operator = http.operator("GET", "/operator/v1/accounts", null);
      var autoscale = http.autoscale("GET", "/v1.0/676873/groups", "any-token", null);
      var endpoints = http.endpoints("GET", "/api/iacp/v3/endpoints", "any-token", null);

      assertThat(operator.statusCode()).isEqualTo(503);
      assertThat(operator.body()).contains("\"status\":503");
      assertThat(autoscale.statusCode()).isEqualTo(503);
      assertThat(autoscale.body()).contains("\"type\":\"ServiceUnavailable\"");
      assertThat(endpoints.statusCode()).isEqualTo(503);
      assertThat(endpoints.body()).contains("\"title\":\"Service Unavailable\"");

      database = postgres(port);
      Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
      int status = 0;
      while (status != 200 && Instant.now().isBefore(deadline)) {
        status = http.operator("GET", "/operator/v1/accounts", null).statusCode();
      }
      assertThat(status).isEqualTo(200);
    } finally {
      database.close();
    }
  }

  /** A PostgreSQL server on this port that keeps its data directory across restarts. */
  private EmbeddedPostgres postgres(int port) throws IOException {
    return EmbeddedPostgres.builder()
        .setPort(port)
        .setDataDirectory(data)
        .setCleanDataDirectory(false)
        .start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
