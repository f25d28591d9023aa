package io.hookwire.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookwire.server.platform.Tokens;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every API does before any of its operations runs, over real HTTP: authentication and roles,
 * and each API's error format for failures of transport and parsing.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "hookwire.operator-token=test-operator-token",
      "hookwire.demo.enabled=false",
      "spring.datasource.url=jdbc:h2:mem:platform;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
      "management.server.port=0",
      "hookwire.public-base-url=https://hooks.example.test"
    })
class PlatformHttpTest {

  private static final String ENDPOINTS = "/api/iacp/v3/endpoints";
  private static final String TENANT = "676873";
  private static final String WEBHOOKS =
      "/v1.0/676873/groups/605e13f6-1452-4588-b5da-ac6bb468c5bf/policies/eb0fe1bf-3428-4f34-afd9-a5ac36f60511/webhooks";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;

  @BeforeAll
  static void callers(@Autowired JdbcClient jdbc) {
    OffsetDateTime now = OffsetDateTime.now();
    jdbc.sql("INSERT INTO accounts VALUES ('acc-test', 'Test', :now)").param("now", now).update();
    jdbc.sql("INSERT INTO users VALUES ('usr-test', 'acc-test', 'Tester', 'admin', TRUE, :now)")
        .param("now", now)
        .update();
    token(
        jdbc, "INSERT INTO user_tokens VALUES ('tok-user', 'usr-test', :hash, :now)", "user-token");
    jdbc.sql("INSERT INTO tenants VALUES (:id, :now)")
        .param("id", TENANT)
        .param("now", now)
        .update();
    jdbc.sql("INSERT INTO tenants VALUES ('700001', :now)").param("now", now).update();
    token(
        jdbc,
        "INSERT INTO tenant_tokens VALUES ('tok-a', '676873', 'admin', :hash, :now)",
        "as-admin");
    token(
        jdbc,
        "INSERT INTO tenant_tokens VALUES ('tok-o', '676873', 'observer', :hash, :now)",
        "as-observer");
    token(
        jdbc,
        "INSERT INTO tenant_tokens VALUES ('tok-x', '700001', 'admin', :hash, :now)",
        "as-other");
  }

  private static void token(JdbcClient jdbc, String insert, String secret) {
    jdbc.sql(insert).param("hash", Tokens.hash(secret)).param("now", OffsetDateTime.now()).update();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      nullValues = "none",
      value = {"none", "Basic dXNlcjpwYXNz", "Bearer", "Bearer unknown-token"})
  void endpointsApiRefusesAMissingMalformedOrUnknownBearerToken(String authorization) {
    HttpResponse<String> response = send("GET", ENDPOINTS, authorization, null, null);

    JsonNode error = jsonApiError(response, 401);
    assertThat(error.get("title").asString()).isEqualTo("Unauthorized");
  }

  @Test
  void autoscaleApiRefusesAMissingOrUnknownToken() {
    for (String token : new String[] {null, "unknown"}) {
      HttpResponse<String> response = autoscale("GET", WEBHOOKS, token, null, null);

      assertThat(autoscaleError(response, 401).get("type").asString())
          .isEqualTo("InvalidCredentials");
    }
  }

  @Test
  void autoscaleApiForbidsATokenOfAnotherTenant() {
    HttpResponse<String> response = autoscale("GET", WEBHOOKS, "as-other", null, null);

    assertThat(autoscaleError(response, 403).get("type").asString()).isEqualTo("Forbidden");
  }

  @Test
  void autoscaleObserversMayReadButNotWrite() {
    HttpResponse<String> write =
        autoscale("POST", WEBHOOKS, "as-observer", "application/json", "[]");
    HttpResponse<String> read = autoscale("GET", "/v1.0/676873/other", "as-observer", null, null);

    assertThat(autoscaleError(write, 403).get("type").asString()).isEqualTo("Forbidden");
    assertThat(autoscaleError(read, 404).get("type").asString())
        .isEqualTo("NoSuchScalingGroupError");
  }

  @Test
  void everyAutoscaleResponseCarriesAFreshResponseId() {
    HttpResponse<String> first = autoscale("GET", WEBHOOKS, null, null, null);
    HttpResponse<String> second = autoscale("GET", "/v1.0/676873/other", "as-admin", null, null);

    String id = first.headers().firstValue("X-Response-Id").orElseThrow();
    assertThat(UUID.fromString(id)).isNotNull();
    assertThat(second.headers().firstValue("X-Response-Id")).isPresent().get().isNotEqualTo(id);
  }

  @Test
  void operatorApiRefusesAnyOtherToken() {
    HttpResponse<String> response =
        send("GET", "/operator/v1/accounts", "Bearer wrong", null, null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  void absoluteLinksUseThePublicBaseUrl() {
    HttpResponse<String> created =
        send(
            "POST",
            "/operator/v1/accounts",
            "Bearer test-operator-token",
            "application/json",
            BodyPublishers.ofString("{\"name\":\"Linked\"}"));

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location").orElseThrow())
        .startsWith("https://hooks.example.test/operator/v1/accounts/acc-");
  }

  /** Links never depend on the request's host here, so an empty {@code Host} is served. */
  @Test
  void anEmptyHostIsServedWhenAPublicBaseUrlIsConfigured() throws IOException {
    String answer =
        raw("GET " + ENDPOINTS + " HTTP/1.1", "Host:", "Authorization: Bearer user-token");

    assertThat(answer)
        .startsWith("HTTP/1.1 200")
        .contains("\"self\":\"https://hooks.example.test" + ENDPOINTS);
  }

  @Test
  void whatTomcatRefusesUnparsedIsAnsweredInTheApisFormat() throws IOException {
    String endpoints = raw("GET /api/iacp/v3/endpoints/%zz HTTP/1.1");
    String autoscale = raw("GET /v1.0/676873/%zz HTTP/1.1");

    assertThat(endpoints)
        .startsWith("HTTP/1.1 400")
        .contains("application/vnd.api+json")
        .contains("\"status\":\"400\"");
    assertThat(autoscale)
        .startsWith("HTTP/1.1 400")
        .containsIgnoringCase("X-Response-Id: ")
        .contains("\"type\":\"ValidationError\"");
  }

  @Test
  void aHeaderTomcatRefusesIsA400InTheApisFormatNotA500() throws IOException {
    String operator = raw("GET /operator/v1/accounts HTTP/1.1", "X-Probe: a\u0000b");

    assertThat(operator)
        .startsWith("HTTP/1.1 400")
        .contains("application/problem+json")
        .contains("\"status\":400");
  }

  /** A request Java's HTTP client would refuse to send, written to the socket as it is. */
  /** The request line and headers as given, with {@code Host: localhost} unless they name one. */
  private String raw(String requestLine, String... headers) throws IOException {
    try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
      boolean hostGiven =
          java.util.Arrays.stream(headers).anyMatch(h -> h.regionMatches(true, 0, "Host:", 0, 5));
      String head =
          requestLine + "\r\n" + (hostGiven ? "" : "Host: localhost\r\n") + "Connection: close\r\n";
      for (String header : headers) {
        head += header + "\r\n";
      }
      socket.getOutputStream().write((head + "\r\n").getBytes());
      return new String(socket.getInputStream().readAllBytes());
    }
  }

  @Test
  void malformedJsonIsABadRequest() {
    HttpResponse<String> endpoints = endpoints("POST", "application/vnd.api+json", "{\"data\": ");
    HttpResponse<String> webhooks =
        autoscale("POST", WEBHOOKS, "as-admin", "application/json", "[{");

    assertThat(jsonApiError(endpoints, 400).get("title").asString()).isEqualTo("Malformed JSON");
    assertThat(autoscaleError(webhooks, 400).get("type").asString()).isEqualTo("InvalidJsonError");
  }

  @Test
  void aWrongJsonTypeIsReportedWithAPointer() {
    String body =
        "{\"data\":{\"type\":\"endpoints\",\"attributes\":{\"name\":\"n\",\"url\":\"https://h\",\"timeout\":\"15\"}}}";

    JsonNode error = jsonApiError(endpoints("POST", "application/json", body), 422);

    assertThat(error.get("title").asString()).isEqualTo("Invalid Attribute");
    assertThat(error.at("/source/pointer").asString()).isEqualTo("/data/attributes/timeout");
  }

  @Test
  void aNumberTooLargeForItsFieldIsAnInvalidValue() {
    String body =
        "{\"data\":{\"type\":\"endpoints\",\"attributes\":{\"name\":\"n\",\"url\":\"https://h\","
            + "\"timeout\":99999999999999}}}";

    JsonNode error = jsonApiError(endpoints("POST", "application/json", body), 422);

    assertThat(error.at("/source/pointer").asString()).isEqualTo("/data/attributes/timeout");
  }

  @Test
  void anUnknownMemberIsRefused() {
    String body = "[{\"name\": \"n\", \"url\": \"https://h\"}]";

    HttpResponse<String> response =
        autoscale("POST", WEBHOOKS, "as-admin", "application/json", body);

    assertThat(autoscaleError(response, 400).get("type").asString()).isEqualTo("ValidationError");
  }

  @Test
  void anUnsupportedMediaTypeIs415() {
    HttpResponse<String> endpoints = endpoints("POST", "text/plain", "x");
    HttpResponse<String> webhooks = autoscale("POST", WEBHOOKS, "as-admin", "text/plain", "x");

    assertThat(jsonApiError(endpoints, 415).get("title").asString())
        .isEqualTo("Unsupported Media Type");
    assertThat(autoscaleError(webhooks, 415).get("type").asString())
        .isEqualTo("UnsupportedMediaType");
  }

  @Test
  void anUnsupportedMethodIs405WithAllow() {
    HttpResponse<String> endpoints = endpoints("PUT", "application/json", "{}");
    HttpResponse<String> webhooks = autoscale("DELETE", WEBHOOKS, "as-admin", null, null);

    jsonApiError(endpoints, 405);
    assertThat(endpoints.headers().firstValue("Allow").orElseThrow()).contains("GET", "POST");
    assertThat(autoscaleError(webhooks, 405).get("type").asString()).isEqualTo("InvalidMethod");
    assertThat(webhooks.headers().firstValue("Allow").orElseThrow()).contains("GET", "POST");
  }

  @Test
  void aBodyOverOneMebibyteIsRefusedUnread() {
    String big = "{\"data\":\"" + "x".repeat(1024 * 1024) + "\"}";

    HttpResponse<String> endpoints = endpoints("POST", "application/json", big);
    HttpResponse<String> chunked =
        send("POST", ENDPOINTS, "Bearer user-token", "application/json", streamOf(big));
    HttpResponse<String> webhooks =
        autoscale("POST", WEBHOOKS, "as-admin", "application/json", big);

    assertThat(jsonApiError(endpoints, 413).get("title").asString()).isEqualTo("Payload Too Large");
    jsonApiError(chunked, 413);
    assertThat(autoscaleError(webhooks, 400).get("type").asString()).isEqualTo("ValidationError");
  }

  @Test
  void anUnknownPathIsANotFoundOfItsApi() {
    jsonApiError(send("GET", "/api/iacp/v3/nothing", "Bearer user-token", null, null), 404);
    autoscaleError(autoscale("GET", "/v1.0/676873/nothing", "as-admin", null, null), 404);
    HttpResponse<String> elsewhere = send("GET", "/nothing", null, null, null);
    assertThat(elsewhere.statusCode()).isEqualTo(404);
    assertThat(elsewhere.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  private HttpResponse<String> endpoints(String method, String contentType, String body) {
    return send(method, ENDPOINTS, "Bearer user-token", contentType, BodyPublishers.ofString(body));
  }

  private HttpResponse<String> autoscale(
      String method, String path, String token, String contentType, String body) {
    HttpRequest.Builder request =
        request(method, path, contentType, body == null ? null : BodyPublishers.ofString(body));
    if (token != null) {
      request.header("X-Auth-Token", token);
    }
    return send(request);
  }

  private HttpResponse<String> send(
      String method, String path, String authorization, String contentType, BodyPublisher body) {
    HttpRequest.Builder request = request(method, path, contentType, body);
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return send(request);
  }

  private HttpRequest.Builder request(
      String method, String path, String contentType, BodyPublisher body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .method(method, body == null ? BodyPublishers.noBody() : body);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return request;
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(request.build(), BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  /** A body of unknown length, sent chunked. */
  private static BodyPublisher streamOf(String body) {
    return BodyPublishers.ofInputStream(
        () -> (InputStream) new java.io.ByteArrayInputStream(body.getBytes()));
  }

  private static JsonNode jsonApiError(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/vnd.api+json");
    JsonNode error = JSON.readTree(response.body()).at("/errors/0");
    assertThat(error.get("status").asString()).isEqualTo(String.valueOf(status));
    return error;
  }

  private static JsonNode autoscaleError(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.headers().firstValue("X-Response-Id")).isPresent();
    JsonNode error = JSON.readTree(response.body()).get("error");
    assertThat(error.get("code").asInt()).isEqualTo(status);
    return error;
  }
}
