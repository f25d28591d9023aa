package io.hookwire.server.autoscale;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookwire.server.platform.Tokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Auto Scale API's rate limits over real HTTP, with small limits: 5 requests a minute for each
 * tenant, 3 capability executions a second for each capability URL and 6 for each client address.
 * Each test uses tenants and client addresses of its own (the server trusts {@code
 * X-Forwarded-For}, as behind a proxy), so that the tests share the server but no budget. The
 * buckets refill one token every period/N, so a test that needs a bucket to stay empty sends its
 * requests back to back (the tenants' 12 seconds a token are far more than that takes; the
 * execution tests allow for the refill while they run).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "hookwire.autoscale.rate-limit.tenant-per-minute=5",
      "hookwire.autoscale.rate-limit.execute-per-second=3",
      "hookwire.autoscale.rate-limit.execute-per-second-per-client=6",
      "server.forward-headers-strategy=framework",
      "hookwire.demo.enabled=false",
      "spring.datasource.url=jdbc:h2:mem:ratelimit;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
      "management.server.port=0"
    })
class RateLimitHttpTest {

  private static final int TENANT_PER_MINUTE = 5;
  private static final int EXECUTE_PER_SECOND = 3;
  private static final int EXECUTE_PER_SECOND_PER_CLIENT = 6;
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;

  @BeforeAll
  static void tenants(@Autowired JdbcClient jdbc) {
    for (String tenant : List.of("800001", "800004")) {
      jdbc.sql("INSERT INTO tenants VALUES (:id, :now)")
          .param("id", tenant)
          .param("now", OffsetDateTime.now())
          .update();
      token(jdbc, "tok-" + tenant + "-a", tenant, "admin", "admin-of-" + tenant);
    }
    token(jdbc, "tok-800001-o", "800001", "observer", "observer-of-800001");
  }

  private static void token(JdbcClient jdbc, String id, String tenant, String role, String secret) {
    jdbc.sql("INSERT INTO tenant_tokens VALUES (:id, :tenant, :role, :hash, :now)")
        .param("id", id)
        .param("tenant", tenant)
        .param("role", role)
        .param("hash", Tokens.hash(secret))
        .param("now", OffsetDateTime.now())
        .update();
  }

  @Test
  void aTenantsRequestOverItsLimitWithinTheMinuteIs413WithRetryAfter() {
    // The limit is the tenant's, over all its tokens.
    for (int i = 0; i < TENANT_PER_MINUTE; i++) {
      String token = i % 2 == 0 ? "admin-of-800001" : "observer-of-800001";
      assertThat(get(webhooksOf("800001"), token).statusCode()).isNotEqualTo(413);
    }

    HttpResponse<String> limited = get(webhooksOf("800001"), "observer-of-800001");

    assertThat(rateLimitError(limited).get("message").asString())
        .isEqualTo("The user has surpassed their rate limit.");
    // A greedy refill gives a token back every 60 / 5 = 12 seconds, not at the minute's turn.
    assertThat(retryAfter(limited)).isBetween(1L, 12L);
  }

  @Test
  void requestsRefusedByAuthenticationSpendNoBudget() {
    for (int i = 0; i < 2 * TENANT_PER_MINUTE; i++) {
      assertThat(get(webhooksOf("800004"), null).statusCode()).isEqualTo(401);
      assertThat(get(webhooksOf("800004"), "unknown-token").statusCode()).isEqualTo(401);
      // The tenant's own token on another tenant's path.
      assertThat(get(webhooksOf("800001"), "admin-of-800004").statusCode()).isEqualTo(403);
    }

    for (int i = 0; i < TENANT_PER_MINUTE; i++) {
      assertThat(get(webhooksOf("800004"), "admin-of-800004").statusCode()).isNotEqualTo(413);
    }
    rateLimitError(get(webhooksOf("800004"), "admin-of-800004"));
  }

  @Test
  void aBurstOnOneCapabilityUrlIsLimitedThereAndNotOnAnother() {
    String client = "203.0.113.1";
    String burst = randomHash();
    Limited limited = untilLimited(() -> execute(client, burst));

    assertThat(limited.allowed())
        .isBetween(EXECUTE_PER_SECOND, EXECUTE_PER_SECOND + refilled(limited, EXECUTE_PER_SECOND));
    rateLimitError(limited.response());
    assertThat(retryAfter(limited.response())).isEqualTo(1);
    assertThat(execute(client, randomHash()).statusCode()).isEqualTo(202);
  }

  @Test
  void oneClientOverItsLimitDoesNotHoldUpAnother() {
    // A client guessing hashes: each one new, so only the client's own bucket stops it.
    Limited limited = untilLimited(() -> execute("203.0.113.2", randomHash()));

    assertThat(limited.allowed())
        .isBetween(
            EXECUTE_PER_SECOND_PER_CLIENT,
            EXECUTE_PER_SECOND_PER_CLIENT + refilled(limited, EXECUTE_PER_SECOND_PER_CLIENT));
    rateLimitError(limited.response());
    assertThat(execute("203.0.113.3", randomHash()).statusCode()).isEqualTo(202);
  }

  /** Executions back to back until one is refused, and how many were accepted before it. */
  private record Limited(int allowed, HttpResponse<String> response, long elapsedNanos) {}

  private static Limited untilLimited(Supplier<HttpResponse<String>> execute) {
    int allowed = 0;
    long start = System.nanoTime();
    while (allowed < 50) {
      HttpResponse<String> response = execute.get();
      if (response.statusCode() == 413) {
        return new Limited(allowed, response, System.nanoTime() - start);
      }
      assertThat(response.statusCode()).isEqualTo(202);
      allowed++;
    }
    throw new AssertionError("no execution refused in " + allowed);
  }

  /** The tokens a bucket of N a second gets back while the executions ran. */
  private static int refilled(Limited limited, int perSecond) {
    return (int) (limited.elapsedNanos() * perSecond / 1_000_000_000L) + 1;
  }

  private static String randomHash() {
    return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
  }

  private static String webhooksOf(String tenant) {
    return "/v1.0/"
        + tenant
        + "/groups/"
        + UUID.randomUUID()
        + "/policies/"
        + UUID.randomUUID()
        + "/webhooks";
  }

  private HttpResponse<String> get(String path, String token) {
    HttpRequest.Builder request = request(path).GET();
    if (token != null) {
      request.header("X-Auth-Token", token);
    }
    return send(request);
  }

  private HttpResponse<String> execute(String client, String hash) {
    return send(
        request("/v1.0/execute/1/" + hash)
            .header("X-Forwarded-For", client)
            .POST(BodyPublishers.noBody()));
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(request.build(), BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  private static long retryAfter(HttpResponse<String> response) {
    return Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
  }

  private static JsonNode rateLimitError(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(UUID.fromString(response.headers().firstValue("X-Response-Id").orElseThrow()))
        .isNotNull();
    assertThat(retryAfter(response)).isGreaterThanOrEqualTo(1);
    JsonNode error = JSON.readTree(response.body()).get("error");
    assertThat(error.get("type").asString()).isEqualTo("RateLimitError");
    assertThat(error.get("code").asInt()).isEqualTo(413);
    assertThat(error.get("details").asString()).isEmpty();
    return error;
  }
}
