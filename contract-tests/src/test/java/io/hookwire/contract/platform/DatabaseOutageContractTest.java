package io.hookwire.contract.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hookwire.contract.support.ContractServer;
import io.hookwire.contract.support.SpecOperation;
import io.hookwire.contract.support.Specs;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
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

/**
 * While its database is down, every operation of every API answers 503 in its API's error format,
 * and the server recovers by itself when the database is back. The suite needs a server whose
 * database it can stop, so it starts its own on a PostgreSQL it owns; against a deployment given by
 * {@code -Dcontract.baseUrl} it is skipped.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseOutageContractTest {

  private static final String OPERATOR_TOKEN = "outage-operator-token";

  /** Far longer than any answer takes: only a server that hangs reaches it. */
  private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);

  @TempDir static Path data;

  private static OwnPostgresServer server;

  @BeforeAll
  static void startServerThenStopItsDatabase() throws IOException {
    assumeTrue(ContractServer.get().embedded(), "needs a server whose database it can stop");
    server =
        OwnPostgresServer.start(
            data,
            OPERATOR_TOKEN,
            // Waiting for a connection is what makes the answer 503: keep each wait short.
            "--spring.datasource.hikari.connection-timeout=250");
    server.stopDatabase();
  }

  @AfterAll
  static void stop() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  static Stream<SpecOperation> operations() {
    return Specs.operations().stream();
  }

  @Order(1)
  @ParameterizedTest
  @MethodSource("operations")
  void answers503WhileTheDatabaseIsDown(SpecOperation operation) throws Exception {
    var answer = server.send(operation, CLIENT_TIMEOUT);

    assertThat(answer.status()).isEqualTo(503);
  }

  @Order(2)
  @Test
  void recoversByItselfWhenTheDatabaseIsBack() throws Exception {
    server.startDatabase();

    assertThat(server.statusOnceServing(Duration.ofSeconds(30))).isEqualTo(200);
  }
}
