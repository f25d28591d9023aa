package io.hookwire.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.hookwire.client.HookwireEndpoints.EndpointQuery;
import io.hookwire.client.StubServer.Response;
import io.hookwire.client.endpoints.model.Endpoint;
import io.hookwire.client.endpoints.model.EndpointCreate;
import io.hookwire.client.endpoints.model.EndpointCreateAttributes;
import io.hookwire.client.endpoints.model.EndpointCreateDocument;
import io.hookwire.client.endpoints.model.EndpointType;
import io.hookwire.client.endpoints.model.EndpointUpdate;
import io.hookwire.client.endpoints.model.EndpointUpdateAttributes;
import io.hookwire.client.endpoints.model.EndpointUpdateDocument;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HookwireEndpointsTest {

  private static final String JSON_API = "application/vnd.api+json";
  private static final String ENDPOINT =
      """
      {"data": {"type": "endpoints", "id": "ep-1",
        "attributes": {"name": "orders", "url": "https://example.com/hook"}}}""";

  @RegisterExtension final StubServer server = new StubServer();
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private final HookwireEndpoints hookwire =
      HookwireEndpoints.connect(server.baseUrl(), "secret-token", sleeper.options());

  private static Response ok(String body) {
    return Response.json(200, JSON_API, body);
  }

  private static EndpointsApiException failureOf(ThrowingCallable call) {
    return catchThrowableOfType(EndpointsApiException.class, call);
  }

  @Test
  void sendsBearerTokenMediaTypeAndPreviewProfile() {
    server.enqueue(ok(ENDPOINT));

    assertThat(hookwire.endpoints().getEndpoint("ep-1", null).getData().getId()).isEqualTo("ep-1");

    StubServer.Request request = server.lastRequest();
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.uri().getPath()).isEqualTo("/api/iacp/v3/endpoints/ep-1");
    assertThat(request.header("Authorization")).isEqualTo("Bearer secret-token");
    assertThat(request.header("Accept")).isEqualTo(JSON_API);
    assertThat(request.headers().get("Prefer")).containsExactly("profile=preview");
  }

  @Test
  void patchBodyIsJsonApiAndLeavesUnsetFieldsOut() {
    server.enqueue(ok(ENDPOINT));

    hookwire
        .endpoints()
        .updateEndpoint(
            "ep-1",
            new EndpointUpdateDocument()
                .data(
                    new EndpointUpdate()
                        .type(EndpointType.ENDPOINTS)
                        .attributes(new EndpointUpdateAttributes().name("renamed"))),
            null);

    StubServer.Request request = server.lastRequest();
    assertThat(request.method()).isEqualTo("PATCH");
    assertThat(request.header("Content-Type")).startsWith(JSON_API);
    assertThat(request.header("Accept")).isEqualTo(JSON_API);
    assertThat(request.headers().get("Prefer")).containsExactly("profile=preview");
    assertThat(request.body().replace(" ", ""))
        .isEqualTo("{\"data\":{\"type\":\"endpoints\",\"attributes\":{\"name\":\"renamed\"}}}");
  }

  @Test
  void errorAnswerBecomesEndpointsApiExceptionWithTheErrorDocument() {
    server.enqueue(
        Response.json(
            404,
            JSON_API,
            """
            {"errors": [{"status": "404", "title": "Not Found",
              "detail": "No endpoint ep-9."}]}"""));

    EndpointsApiException e = failureOf(() -> hookwire.endpoints().getEndpoint("ep-9", null));

    assertThat(e.status()).isEqualTo(404);
    assertThat(e.hasParsedBody()).isTrue();
    assertThat(e.errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.getStatus()).isEqualTo("404");
              assertThat(error.getTitle()).isEqualTo("Not Found");
              assertThat(error.getDetail()).isEqualTo("No endpoint ep-9.");
            });
    assertThat(e.getMessage()).contains("404", "Not Found", "(No endpoint ep-9.)");
  }

  @Test
  void unparsableErrorBodyKeepsStatusAndRawBody() {
    server.enqueue(new Response(502, Map.of("Content-Type", "text/html"), "<h1>Bad gateway</h1>"));

    EndpointsApiException e = failureOf(() -> hookwire.endpoints().getEndpoint("ep-1", null));

    assertThat(e.status()).isEqualTo(502);
    assertThat(e.hasParsedBody()).isFalse();
    assertThat(e.errorDocument()).isEmpty();
    assertThat(e.errors()).isEmpty();
    assertThat(e.getResponseBodyAsString()).isEqualTo("<h1>Bad gateway</h1>");
  }

  private static String page(int number, Integer next, String... ids) {
    String data =
        List.of(ids).stream()
            .map(id -> "{\"type\":\"endpoints\",\"id\":\"" + id + "\",\"attributes\":{}}")
            .collect(Collectors.joining(","));
    return """
        {"data": [%s],
         "links": {"self": "/p%d", "first": "/p1", "last": "/p3"},
         "meta": {"pagination": {"current-page": %d, "page-size": 2, "next-page": %s,
                                 "total-pages": 3, "total-count": 5}}}"""
        .formatted(data, number, number, next == null ? "null" : next.toString());
  }

  @Test
  void iteratesEveryPageLazily() {
    server.enqueue(ok(page(1, 2, "a", "b")), ok(page(2, 3, "c", "d")), ok(page(3, null, "e")));

    Iterator<Endpoint> endpoints =
        hookwire
            .allEndpoints(
                EndpointQuery.all().withAccount("acc-1").withSort("-name").withPageSize(2))
            .iterator();
    assertThat(server.requests()).isEmpty();

    assertThat(endpoints.next().getId()).isEqualTo("a");
    assertThat(server.requests()).hasSize(1);
    assertThat(endpoints.next().getId()).isEqualTo("b");
    assertThat(server.requests()).hasSize(1);
    assertThat(endpoints.next().getId()).isEqualTo("c");
    assertThat(server.requests()).hasSize(2);
    assertThat(endpoints.next().getId()).isEqualTo("d");
    assertThat(endpoints.next().getId()).isEqualTo("e");
    assertThat(server.requests()).hasSize(3);
    assertThat(endpoints.hasNext()).isFalse();
    assertThat(server.requests()).hasSize(3);

    List<String> queries =
        server.requests().stream().map(r -> r.uri().getQuery()).collect(Collectors.toList());
    assertThat(queries.get(0))
        .contains("filter[account]=acc-1", "sort=-name", "page[number]=1", "page[size]=2");
    assertThat(queries.get(1)).contains("page[number]=2");
    assertThat(queries.get(2)).contains("page[number]=3");
  }

  @Test
  void streamStopsFetchingWhenEnoughItemsWereTaken() {
    server.enqueue(ok(page(1, 2, "a", "b")), ok(page(2, 3, "c", "d")), ok(page(3, null, "e")));

    assertThat(hookwire.streamEndpoints(EndpointQuery.all()).limit(3).map(Endpoint::getId))
        .containsExactly("a", "b", "c");
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void retriesGetOn503HonouringRetryAfter() {
    server.enqueue(
        new Response(503, Map.of("Retry-After", "2"), ""),
        new Response(503, Map.of(), ""),
        ok(ENDPOINT));

    assertThat(hookwire.endpoints().getEndpoint("ep-1", null).getData().getId()).isEqualTo("ep-1");

    assertThat(server.requests()).hasSize(3);
    assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofMillis(1000));
  }

  @Test
  void givesUpAfterMaxAttempts() {
    server.otherwise(
        request ->
            Response.json(
                503, JSON_API, "{\"errors\":[{\"status\":\"503\",\"title\":\"Unavailable\"}]}"));

    assertThatThrownBy(() -> hookwire.endpoints().deleteEndpoint("ep-1"))
        .isInstanceOfSatisfying(
            EndpointsApiException.class,
            e -> assertThat(e.errors().get(0).getTitle()).isEqualTo("Unavailable"));
    assertThat(server.requests()).hasSize(3).allMatch(r -> r.method().equals("DELETE"));
    assertThat(sleeper.sleeps).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
  }

  @Test
  void doesNotRetryPost() {
    server.enqueue(new Response(503, Map.of("Retry-After", "1"), ""), ok(ENDPOINT));

    EndpointCreateDocument create =
        new EndpointCreateDocument()
            .data(
                new EndpointCreate()
                    .type(EndpointType.ENDPOINTS)
                    .attributes(
                        new EndpointCreateAttributes()
                            .name("orders")
                            .url("https://example.com/hook")
                            .secretKey("0123456789abcdef0123456789abcdef")));

    assertThatThrownBy(() -> hookwire.endpoints().createEndpoint(create, null))
        .isInstanceOfSatisfying(
            EndpointsApiException.class, e -> assertThat(e.status()).isEqualTo(503));
    assertThat(server.requests()).hasSize(1);
    assertThat(sleeper.sleeps).isEmpty();
  }
}
