package io.hookwire.server.autoscale;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Without a trusted proxy ({@code server.forward-headers-strategy} unset, the default) the client
 * address of the execute limit is the connection's: a client cannot escape its limit by naming
 * another address in {@code X-Forwarded-For}.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "hookwire.autoscale.rate-limit.execute-per-second=1000",
      "hookwire.autoscale.rate-limit.execute-per-second-per-client=3",
      "hookwire.demo.enabled=false",
      "spring.datasource.url=jdbc:h2:mem:forwardedfor;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
      "management.server.port=0"
    })
class ForwardedForUntrustedHttpTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;

  @Test
  void aForwardedForHeaderDoesNotMakeANewClient() throws IOException, InterruptedException {
    int accepted = 0;
    int status = 202;
    for (int i = 0; i < 50 && status == 202; i++) {
      HttpRequest execute =
          HttpRequest.newBuilder(
                  URI.create("http://localhost:" + port + "/v1.0/execute/1/" + UUID.randomUUID()))
              .header("X-Forwarded-For", "198.51.100." + i)
              .POST(BodyPublishers.noBody())
              .build();
      status = HTTP.send(execute, BodyHandlers.discarding()).statusCode();
      if (status == 202) {
        accepted++;
      }
    }

    assertThat(status).isEqualTo(413);
    // 3 a second, and what refilled while the requests ran (well under a second).
    assertThat(accepted).isBetween(3, 6);
  }
}
