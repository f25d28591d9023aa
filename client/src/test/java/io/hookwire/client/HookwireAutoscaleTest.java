package io.hookwire.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookwire.client.StubServer.Response;
import io.hookwire.client.autoscale.model.ErrorType;
import io.hookwire.client.autoscale.model.Webhook;
import io.hookwire.client.autoscale.model.WebhookCreate;
import io.hookwire.client.autoscale.model.WebhookReplace;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HookwireAutoscaleTest {

  private static final String TENANT = "676873";
  private static final String GROUP = "605e13f6-1452-4588-b5da-ac6bb468c5bf";
  private static final String POLICY = "eb0fe1bf-3428-4f34-afd9-a5ac36f60511";
  private static final String RATE_LIMITED =
      """
      {"error": {"type": "RateLimitError", "code": 413,
        "message": "Rate limit exceeded.", "details": ""}}""";

  @RegisterExtension final StubServer server = new StubServer();
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private final HookwireAutoscale autoscale =
      HookwireAutoscale.connect(server.baseUrl(), "tenant-token", sleeper.options());

  private static Response json(int status, String body) {
    return Response.json(status, "application/json", body);
  }

  private static UUID id(int n) {
    return UUID.fromString("00000000-0000-0000-0000-%012d".formatted(n));
  }

  private String page(int first, int count, UUID nextMarker) {
    String webhooks =
        java.util.stream.IntStream.range(first, first + count)
            .mapToObj(
                n ->
                    "{\"id\":\"%s\",\"name\":\"w%d\",\"metadata\":{},\"links\":[]}"
                        .formatted(id(n), n))
            .collect(Collectors.joining(","));
    String links =
        nextMarker == null
            ? ""
            : "{\"href\":\"%s/v1.0/%s/groups/%s/policies/%s/webhooks/?limit=2&marker=%s\",\"rel\":\"next\"}"
                .formatted(server.baseUrl(), TENANT, GROUP, POLICY, nextMarker);
    return "{\"webhooks\":[" + webhooks + "],\"webhooks_links\":[" + links + "]}";
  }

  @Test
  void sendsTheAuthToken() {
    server.enqueue(json(200, page(1, 1, null)));

    autoscale.webhooks().listWebhooks(TENANT, GROUP, POLICY, null, null);

    StubServer.Request request = server.lastRequest();
    assertThat(request.header("X-Auth-Token")).isEqualTo("tenant-token");
    assertThat(request.header("Authorization")).isNull();
    assertThat(request.header("Accept")).contains("application/json");
  }

  @Test
  void errorAnswerBecomesAutoscaleApiExceptionWithTheEnvelope() {
    server.enqueue(
        json(
            404,
            """
            {"error": {"type": "NoSuchWebhookError", "code": 404,
              "message": "Webhook not found.", "details": ""}}"""));

    assertThatThrownBy(
            () -> autoscale.webhooks().getWebhook(TENANT, GROUP, POLICY, id(9).toString()))
        .isInstanceOfSatisfying(
            AutoscaleApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.type()).contains(ErrorType.NO_SUCH_WEBHOOK_ERROR);
              assertThat(e.error().orElseThrow().getCode()).isEqualTo(404);
              assertThat(e.error().orElseThrow().getMessage()).isEqualTo("Webhook not found.");
            });
  }

  @Test
  void retriesGetOnRateLimitHonouringRetryAfter() {
    server.enqueue(
        new Response(
            413, Map.of("Content-Type", "application/json", "Retry-After", "7"), RATE_LIMITED),
        json(200, page(1, 1, null)));

    assertThat(autoscale.webhooks().listWebhooks(TENANT, GROUP, POLICY, null, null).getWebhooks())
        .hasSize(1);
    assertThat(server.requests()).hasSize(2);
    assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void interceptorsSeeEveryAttempt() {
    List<Integer> seen = new java.util.ArrayList<>();
    HookwireAutoscale metered =
        HookwireAutoscale.connect(
            server.baseUrl(),
            "tenant-token",
            sleeper
                .options()
                .withInterceptor(
                    (request, body, execution) -> {
                      var response = execution.execute(request, body);
                      seen.add(response.getStatusCode().value());
                      return response;
                    }));
    server.enqueue(
        new Response(
            413, Map.of("Content-Type", "application/json", "Retry-After", "1"), RATE_LIMITED),
        json(200, page(1, 1, null)));

    metered.webhooks().listWebhooks(TENANT, GROUP, POLICY, null, null);

    assertThat(seen).containsExactly(413, 200);
  }

  @Test
  void retriesPutAndRaisesTheRateLimitWhenAttemptsRunOut() {
    server.otherwise(
        request ->
            new Response(
                413, Map.of("Content-Type", "application/json", "Retry-After", "1"), RATE_LIMITED));

    assertThatThrownBy(
            () ->
                autoscale
                    .webhooks()
                    .replaceWebhook(
                        TENANT, GROUP, POLICY, id(1).toString(), new WebhookReplace().name("x")))
        .isInstanceOfSatisfying(
            AutoscaleApiException.class,
            e -> assertThat(e.type()).contains(ErrorType.RATE_LIMIT_ERROR));
    assertThat(server.requests()).hasSize(3).allMatch(r -> r.method().equals("PUT"));
    assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
  }

  @Test
  void doesNotRetryPost() {
    server.enqueue(
        new Response(
            413, Map.of("Content-Type", "application/json", "Retry-After", "1"), RATE_LIMITED),
        json(201, "{\"webhooks\":[]}"));

    assertThatThrownBy(
            () ->
                autoscale
                    .webhooks()
                    .createWebhooks(TENANT, GROUP, POLICY, List.of(new WebhookCreate().name("a"))))
        .isInstanceOf(AutoscaleApiException.class);
    assertThat(server.requests()).hasSize(1);
    assertThat(sleeper.sleeps).isEmpty();
  }

  @Test
  void doesNotRetryA413WithoutRetryAfter() {
    server.enqueue(
        json(
            413,
            """
            {"error": {"type": "ValidationError", "code": 413,
              "message": "Too large.", "details": ""}}"""),
        json(200, page(1, 1, null)));

    assertThatThrownBy(() -> autoscale.webhooks().listWebhooks(TENANT, GROUP, POLICY, null, null))
        .isInstanceOf(AutoscaleApiException.class);
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void iteratesEveryPageLazilyFollowingTheNextMarker() {
    server.enqueue(
        json(200, page(1, 2, id(2))), json(200, page(3, 2, id(4))), json(200, page(5, 1, null)));

    Iterator<Webhook> webhooks = autoscale.allWebhooks(TENANT, GROUP, POLICY, 2).iterator();
    assertThat(server.requests()).isEmpty();

    assertThat(webhooks.next().getId()).isEqualTo(id(1));
    assertThat(webhooks.next().getId()).isEqualTo(id(2));
    assertThat(server.requests()).hasSize(1);
    assertThat(webhooks.next().getId()).isEqualTo(id(3));
    assertThat(server.requests()).hasSize(2);
    assertThat(webhooks.next().getId()).isEqualTo(id(4));
    assertThat(webhooks.next().getId()).isEqualTo(id(5));
    assertThat(server.requests()).hasSize(3);
    assertThat(webhooks.hasNext()).isFalse();
    assertThat(server.requests()).hasSize(3);

    List<String> queries =
        server.requests().stream().map(r -> r.uri().getQuery()).collect(Collectors.toList());
    assertThat(queries.get(0)).isEqualTo("limit=2");
    assertThat(queries.get(1)).isEqualTo("limit=2&marker=" + id(2));
    assertThat(queries.get(2)).isEqualTo("limit=2&marker=" + id(4));
  }

  @Test
  void streamsWebhooks() {
    server.enqueue(json(200, page(1, 2, id(2))), json(200, page(3, 1, null)));

    assertThat(autoscale.streamWebhooks(TENANT, GROUP, POLICY, null).map(Webhook::getName))
        .containsExactly("w1", "w2", "w3");
  }
}
