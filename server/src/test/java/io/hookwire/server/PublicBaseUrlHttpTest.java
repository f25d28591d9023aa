package io.hookwire.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookwire.server.platform.Tokens;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A server configured with a public base URL, which only an embedded server can be given here:
 * absolute links start with it, whatever the request's host, so an empty {@code Host} is served.
 * (What every API does before its operations run is tested once, against any server, in the
 * contract suite: TransportContractTest, RequestEdgesContractTest, HostileRequestsContractTest.)
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "hookwire.operator-token=test-operator-token",
      "hookwire.demo.enabled=false",
      "spring.datasource.url=jdbc:h2:mem:public-base-url;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
      "management.server.port=0",
      "hookwire.public-base-url=https://hooks.example.test"
    })
class PublicBaseUrlHttpTest {

  private static final String ENDPOINTS = "/api/iacp/v3/endpoints";

  @LocalServerPort int port;

  @BeforeAll
  static void user(@Autowired JdbcClient jdbc) {
    OffsetDateTime now = OffsetDateTime.now();
    jdbc.sql("INSERT INTO accounts VALUES ('acc-test', 'Test', :now)").param("now", now).update();
    jdbc.sql("INSERT INTO users VALUES ('usr-test', 'acc-test', 'Tester', 'admin', TRUE, :now)")
        .param("now", now)
        .update();
    jdbc.sql("INSERT INTO user_tokens VALUES ('tok-user', 'usr-test', :hash, :now)")
        .param("hash", Tokens.hash("user-token"))
        .param("now", now)
        .update();
  }

  @Test
  void absoluteLinksUseThePublicBaseUrl() {
    HttpResponse<String> created =
        new TestHttp("http://localhost:" + port, "test-operator-token")
            .operator("POST", "/operator/v1/accounts", "{\"name\":\"Linked\"}");

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location").orElseThrow())
        .startsWith("https://hooks.example.test/operator/v1/accounts/acc-");
  }

  /** Links never depend on the request's host here, so an empty {@code Host} is served. */
  @Test
  void anEmptyHostIsServedWhenAPublicBaseUrlIsConfigured() throws IOException {
    String request =
        "GET "
            + ENDPOINTS
            + " HTTP/1.1\r\nHost:\r\nConnection: close\r\nAuthorization: Bearer user-token\r\n\r\n";
    String answer;
    try (Socket socket = new Socket("localhost", port)) {
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    assertThat(answer)
        .startsWith("HTTP/1.1 200")
        .contains("\"self\":\"https://hooks.example.test" + ENDPOINTS);
  }
}
