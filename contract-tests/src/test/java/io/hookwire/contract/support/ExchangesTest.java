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
  private static final String EXECUTE = "/v1.0/execute/1/" + "0a".repeat(32);
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

  @Test
  void passesABodyToAnOperationWhoseSpecSaysItIsIgnored() {
    assertThatCode(() -> exchange("POST", EXECUTE, Map.of(), "{\"scale\": \"up\"}", 202))
        .doesNotThrowAnyException();
  }

  @Test
  void failsABodyAcceptedByAnOperationThatTakesNone() {
    assertThatThrownBy(() -> exchange("DELETE", TENANTS + "/123", AUTH, "{}", 204))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("request: [validation.request.body.unexpected]");
  }

  @Test
  void passesAnAutoscaleSuccessWhateverTheAccept() {
    assertThatCode(() -> exchange("POST", EXECUTE, Map.of("Accept", List.of("text/html")), "", 202))
        .doesNotThrowAnyException();
  }

  @Test
  void failsASuccessToAnAcceptTheSpecCannotServeElsewhere() {
    Map<String, List<String>> html =
        Map.of("Authorization", List.of("Bearer t"), "Accept", List.of("text/html"));
    assertThatThrownBy(() -> exchange("DELETE", TENANTS + "/123", html, "", 204))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("request: [validation.request.accept");
  }

  /** An exchange whose answer has no body (202 or 204, with the headers the specs require). */
  private static void exchange(
      String method, String path, Map<String, List<String>> headers, String body, int status) {
    Exchanges.check(
        new Exchanges.Exchange(
            method,
            URI.create("http://localhost" + path),
            headers,
            body,
            status,
            Map.of("X-Response-Id", List.of("8f0c8c8e-0a4b-4b8e-9a8e-0c8c8e0a4b4b")),
            ""));
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
