package io.hookwire.contract.platform;

import io.hookwire.contract.support.Api;
import io.hookwire.contract.support.ContractServer;
import io.hookwire.contract.support.RawHttp;
import io.hookwire.contract.support.SpecOperation;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A server a test starts on a PostgreSQL the test owns, so that the test may stop or freeze the
 * database under the running server; and the one request each operation gets in such a test. Every
 * request has a client-side timeout, so that a server that never answers fails a test instead of
 * hanging it. Closing it stops the server, then the database.
 */
final class OwnPostgresServer implements AutoCloseable {

  private final Path directory;
  private final String operatorToken;
  private final int port;
  private EmbeddedPostgres database;
  private ConfigurableApplicationContext server;
  private URI baseUrl;

  private OwnPostgresServer(Path directory, String operatorToken) throws IOException {
    this.directory = directory;
    this.operatorToken = operatorToken;
    try (ServerSocket socket = new ServerSocket(0)) {
      this.port = socket.getLocalPort();
    }
  }

  /**
   * Starts a PostgreSQL server, then the server application on it, without the demo data set.
   *
   * @param directory where both keep their files
   * @param operatorToken the server's operator token
   * @param more further {@code --name=value} arguments of the server
   * @return both, running
   */
  static OwnPostgresServer start(Path directory, String operatorToken, String... more)
      throws IOException {
    OwnPostgresServer started = new OwnPostgresServer(directory, operatorToken);
    started.startDatabase();
    try {
      started.server =
          ContractServer.startEmbedded(
              directory.resolve("server"),
              operatorToken,
              Stream.concat(
                      Stream.of(
                          "--spring.datasource.url="
                              + started.database.getJdbcUrl("postgres", "postgres"),
                          "--spring.datasource.username=postgres",
                          "--spring.datasource.password=",
                          "--hookwire.demo.enabled=false"),
                      Stream.of(more))
                  .toArray(String[]::new));
    } catch (RuntimeException e) {
      started.close();
      throw e;
    }
    started.baseUrl =
        URI.create(
            "http://localhost:" + started.server.getEnvironment().getProperty("local.server.port"));
    return started;
  }

  /**
   * @return the server's base URL
   */
  URI baseUrl() {
    return baseUrl;
  }

  /**
   * @return the PostgreSQL data directory, which holds {@code postmaster.pid} while it runs
   */
  Path databaseDirectory() {
    return directory.resolve("postgres");
  }

  /** Starts PostgreSQL, on the same port and data directory each time. */
  void startDatabase() throws IOException {
    database =
        EmbeddedPostgres.builder()
            .setPort(port)
            .setDataDirectory(databaseDirectory())
            .setCleanDataDirectory(false)
            .start();
  }

  /** Stops PostgreSQL. */
  void stopDatabase() throws IOException {
    database.close();
  }

  /**
   * Sends an operation the request it gets in these tests: its path with the spec's example values,
   * its request example as the body, the operator token on the operator API and an unknown token of
   * the API's kind elsewhere.
   *
   * @param operation an operation
   * @param timeout how long to wait for the answer
   * @return the answer, checked against the operation's spec
   */
  RawHttp.Answer send(SpecOperation operation, Duration timeout) {
    RawHttp request =
        RawHttp.request(operation.method(), operation.path(operation.pathExamples()))
            .to(baseUrl)
            .timeout(timeout);
    LiveResources.withToken(
        operation.api(), operation.api() == Api.OPERATOR ? operatorToken : "hw_any", request);
    operation
        .requestExample()
        .ifPresent(
            body ->
                request.body(
                    operation.api() == Api.ENDPOINTS
                        ? "application/vnd.api+json"
                        : "application/json",
                    body));
    return request.send();
  }

  /**
   * @param api the API the path belongs to
   * @param path a path
   * @param token a token of that API
   * @param timeout how long to wait for the answer
   * @return the answer to {@code GET} of the path, checked against the spec
   */
  RawHttp.Answer get(Api api, String path, String token, Duration timeout) {
    return LiveResources.withToken(
            api, token, RawHttp.request("GET", path).to(baseUrl).timeout(timeout))
        .send();
  }

  /**
   * Asks {@code GET /operator/v1/accounts} until it is answered 200, for at most {@code bound}.
   *
   * @param bound how long to keep asking
   * @return the last status, 0 when the last request had no answer
   */
  int statusOnceServing(Duration bound) throws InterruptedException {
    Instant deadline = Instant.now().plus(bound);
    int status = 0;
    while (status != 200 && Instant.now().isBefore(deadline)) {
      Duration left = Duration.between(Instant.now(), deadline);
      try {
        status =
            get(Api.OPERATOR, "/operator/v1/accounts", operatorToken, left.plusMillis(1)).status();
      } catch (AssertionError noAnswer) {
        status = 0;
      }
      if (status != 200) {
        Thread.sleep(100);
      }
    }
    return status;
  }

  @Override
  public void close() throws IOException {
    try {
      if (server != null) {
        server.close();
      }
    } finally {
      if (database != null) {
        database.close();
      }
    }
  }
}
