package io.hookwire.contract.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hookwire.contract.support.Api;
import io.hookwire.contract.support.ContractServer;
import io.hookwire.contract.support.RawHttp;
import io.hookwire.contract.support.SpecOperation;
import io.hookwire.contract.support.Specs;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * While its database is down, every operation of every API answers 503 in its API's error format,
 * and the server recovers by itself when the database is back. The suite needs a server whose
 * database it can stop, so it starts its own on a PostgreSQL it owns; against a deployment given by
 * {@code -Dcontract.baseUrl} it is skipped.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseOutageContractTest {

  private static final String OPERATOR_TOKEN = "outage-operator-token";

  @TempDir static Path data;

  private static int port;
  private static EmbeddedPostgres database;
  private static ConfigurableApplicationContext server;
  private static URI baseUrl;

  @BeforeAll
  static void startServerThenStopItsDatabase() throws IOException {
    assumeTrue(ContractServer.get().embedded(), "needs a server whose database it can stop");
    port = freePort();
    database = postgres();
    server =
        ContractServer.startEmbedded(
            data.resolve("server"),
            OPERATOR_TOKEN,
            "--spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=",
            "--hookwire.demo.enabled=false",
            // Waiting for a connection is what makes the answer 503: keep each wait short.
            "--spring.datasource.hikari.connection-timeout=250");
    baseUrl =
        URI.create("http://localhost:" + server.getEnvironment().getProperty("local.server.port"));
    database.close();
  }

  @AfterAll
  static void stop() throws IOException {
    if (server != null) {
      server.close();
    }
    if (database != null) {
      database.close();
    }
  }

  static Stream<SpecOperation> operations() {
    return Specs.operations().stream();
  }

  @Order(1)
  @ParameterizedTest
  @MethodSource("operations")
  void answers503WhileTheDatabaseIsDown(SpecOperation operation) {
    RawHttp request =
        RawHttp.request(operation.method(), operation.path(operation.pathExamples())).to(baseUrl);
    if (operation.api() == Api.OPERATOR) {
      request.bearer(OPERATOR_TOKEN);
    } else {
      LiveResources.withToken(operation.api(), "hw_any", request);
    }
    operation
        .requestExample()
        .ifPresent(
            body ->
                request.body(
                    operation.api() == Api.ENDPOINTS
                        ? "application/vnd.api+json"
                        : "application/json",
                    body));

    var answer = request.send();

    assertThat(answer.status()).isEqualTo(503);
  }

  @Order(2)
  @Test
  void recoversByItselfWhenTheDatabaseIsBack() throws IOException {
    database = postgres();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    int status = 0;
    while (status != 200 && Instant.now().isBefore(deadline)) {
      status =
          RawHttp.request("GET", "/operator/v1/accounts")
              .to(baseUrl)
              .bearer(OPERATOR_TOKEN)
              .send()
              .status();
    }
    assertThat(status).isEqualTo(200);
  }

  /** A PostgreSQL server on the same port and data directory each time it starts. */
  private static EmbeddedPostgres postgres() throws IOException {
    return EmbeddedPostgres.builder()
        .setPort(port)
        .setDataDirectory(data.resolve("postgres"))
        .setCleanDataDirectory(false)
        .start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
