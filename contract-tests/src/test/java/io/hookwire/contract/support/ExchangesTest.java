package io.hookwire.contract.support;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checker itself: what it lets through and what it fails, without a server. */
class ExchangesTest {

  private static final String TENANTS = "/operator/v1/tenants";
  private static final Map<String, List<String>> AUTH =
      Map.of("Authorization", List.of("Bearer t"), "Content-Type", List.of("application/json"));
  private static final Map<String, List<String>> JSON =
      Map.of("Content-Type", List.of("application/json"));
  private static final Map<String, List<String>> PROBLEM =
      Map.of("Content-Type", List.of("application/problem+json"));
  private static final String TENANT = "{\"id\":\"123\",\"created_at\":\"2026-01-01T00:00:00Z\"}";
  private static final String PROBLEM_BODY =
      "{\"type\":\"about:blank\",\"title\":\"Unprocessable\",\"status\":422,\"detail\":\"d\"}";

  @Test
  void passesAnExchangeThatKeepsTheSpec() {
    assertThatCode(() -> check("{\"id\":\"123\"}", 201, JSON, TENANT)).doesNotThrowAnyException();
  }

  @Test
  void failsAResponseThatBreaksTheSpec() {
    assertThatThrownBy(() -> check("{\"id\":\"123\"}", 201, JSON, "{\"id\":123}"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("response");
  }

  @Test
  void failsAnUndocumentedStatus() {
    assertThatThrownBy(() -> check("{\"id\":\"123\"}", 418, JSON, TENANT))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void failsAnInvalidRequestTheServerAccepted() {
    assertThatThrownBy(() -> check("{\"id\":\"123\",\"extra\":1}", 201, JSON, TENANT))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("request");
  }

  @Test
  void passesAnInvalidRequestTheServerRefused() {
    assertThatCode(() -> check("{\"id\":\"123\",\"extra\":1}", 422, PROBLEM, PROBLEM_BODY))
        .doesNotThrowAnyException();
  }

  private static void check(
      String requestBody, int status, Map<String, List<String>> headers, String body) {
    Exchanges.check(
        new Exchanges.Exchange(
            "POST",
            URI.create("http://localhost" + TENANTS),
            AUTH,
            requestBody,
            status,
            headers,
            body));
  }
}
