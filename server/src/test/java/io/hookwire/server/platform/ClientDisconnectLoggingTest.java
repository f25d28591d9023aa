package io.hookwire.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.hookwire.server.HookwireApplication;
import io.hookwire.server.TestHttp;
import io.hookwire.server.platform.errors.ApiErrors;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A client that goes away while its response is being written is no fault of the server: it is
 * logged at DEBUG, never as an error with a stack trace.
 */
class ClientDisconnectLoggingTest {

  private static final String ACCOUNT = "acc-t2fcrq6h1v3nf0g";
  private static final String TOKEN = "demo-admin-token";

  @TempDir Path data;

  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  private final Logger errors = (Logger) LoggerFactory.getLogger(ApiErrors.class);
  private Level errorsLevel;

  /** After the server started: Boot configures logging anew on start. */
  private void captureLogs() {
    logged.start();
    root.addAppender(logged);
    errorsLevel = errors.getLevel();
    errors.setLevel(Level.DEBUG);
  }

  @AfterEach
  void releaseLogs() {
    root.detachAppender(logged);
    errors.setLevel(errorsLevel);
  }

  @Test
  void aClientGoneMidResponseIsLoggedAtDebug() throws Exception {
    try (ConfigurableApplicationContext server =
        new SpringApplicationBuilder(HookwireApplication.class)
            .run("--server.port=0", "--management.server.port=0", "--hookwire.data-dir=" + data)) {
      TestHttp http = TestHttp.of(server);
      // A page of 100 endpoints with long URLs is far more than the sockets buffer.
      for (int i = 0; i < 100; i++) {
        String body =
            """
            {"data": {"type": "endpoints",
              "attributes": {"name": "%s", "url": "https://example.com/%s"},
              "relationships": {"account": {"data": {"type": "accounts", "id": "%s"}}}}}"""
                .formatted("n".repeat(255), "p".repeat(2000), ACCOUNT);
        assertThat(http.endpoints("POST", "/api/iacp/v3/endpoints", TOKEN, body).statusCode())
            .isEqualTo(201);
      }
      int port = Integer.parseInt(server.getEnvironment().getProperty("local.server.port"));
      captureLogs();

      Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
      while (wentAway().isEmpty() && Instant.now().isBefore(deadline)) {
        readTheFirstBytesThenReset(port);
        Thread.sleep(200);
      }

      assertThat(wentAway()).isNotEmpty();
      assertThat(logged.list).noneMatch(event -> event.getLevel() == Level.ERROR);
    }
  }

  private java.util.List<ILoggingEvent> wentAway() {
    return logged.list.stream()
        .filter(event -> event.getLevel() == Level.DEBUG)
        .filter(event -> event.getFormattedMessage().contains("went away"))
        .toList();
  }

  /** Asks for the page, reads the start of the answer, then resets the connection. */
  private static void readTheFirstBytesThenReset(int port) throws IOException {
    try (Socket socket = new Socket()) {
      socket.setReceiveBufferSize(1024);
      socket.connect(new InetSocketAddress("localhost", port));
      socket
          .getOutputStream()
          .write(
              ("GET /api/iacp/v3/endpoints?page[size]=100 HTTP/1.1\r\nHost: localhost\r\n"
                      + "Authorization: Bearer "
                      + TOKEN
                      + "\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      assertThat(in.read()).isNotNegative();
      socket.setSoLinger(true, 0);
    }
  }
}
