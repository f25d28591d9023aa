package io.hookwire.contract.autoscale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.hookwire.client.AutoscaleApiException;
import io.hookwire.client.autoscale.api.WebhooksApi;
import io.hookwire.client.autoscale.model.ErrorDetail;
import io.hookwire.client.autoscale.model.ErrorType;
import io.hookwire.client.autoscale.model.Link;
import io.hookwire.client.autoscale.model.Webhook;
import io.hookwire.client.autoscale.model.WebhookCreate;
import io.hookwire.contract.support.Exchanges;
import io.hookwire.contract.support.Fixtures;
import io.hookwire.contract.support.Fixtures.Tenant;
import io.hookwire.contract.support.RawHttp;
import io.hookwire.contract.support.RawHttp.Answer;
import io.hookwire.contract.support.RawSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import tools.jackson.databind.JsonNode;

/** What the Auto Scale contract tests share: paths, provisioning, and how errors must look. */
final class AutoscaleContract {

  /** The quota of webhooks per policy the server under test is configured with. */
  static final int QUOTA = Integer.getInteger("contract.autoscale.webhooksPerPolicy", 25);

  /** A capability hash as the server issues it: 256 bits as 64 lowercase hex digits. */
  static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

  /** More requests than any sane per-tenant or execute limit lets through before a 413. */
  static final int RATE_LIMIT_PROBES = 3000;

  /** Statuses that send a client elsewhere; no path of this API may answer one. */
  static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

  /** Threads that send requests together while a limit is exhausted. */
  private static final int FLOOD_THREADS = 6;

  /** Larger than the 1 MiB a request body may have. */
  static final int OVERSIZED = 1024 * 1024 + 1024;

  private static final SecureRandom RANDOM = new SecureRandom();

  private AutoscaleContract() {}

  /** The webhook operations, each sent raw with a body that passes validation. */
  enum Operation {
    LIST("GET", null),
    CREATE("POST", "[{\"name\": \"x\"}]"),
    GET("GET", null),
    REPLACE("PUT", "{\"name\": \"x\", \"metadata\": {}}"),
    DELETE("DELETE", null);

    private final String method;
    private final String body;

    Operation(String method, String body) {
      this.method = method;
      this.body = body;
    }

    /** Whether the operation is on one webhook rather than on the collection. */
    boolean onOneWebhook() {
      return this == GET || this == REPLACE || this == DELETE;
    }

    /** This operation on the collection, or on that webhook of it, without credentials. */
    RawHttp on(String collection, Object webhookId) {
      RawHttp request =
          RawHttp.request(method, onOneWebhook() ? collection + "/" + webhookId : collection);
      return body == null ? request : request.json(body);
    }
  }

  /** The tenant's policy's webhooks collection. */
  static String collection(Tenant tenant) {
    return collection(tenant.id(), tenant.groupId(), tenant.policyId());
  }

  static String collection(String tenantId, String groupId, String policyId) {
    return "/v1.0/" + tenantId + "/groups/" + groupId + "/policies/" + policyId + "/webhooks";
  }

  /** One webhook of the tenant's policy. */
  static String webhookPath(Tenant tenant, Object webhookId) {
    return collection(tenant) + "/" + webhookId;
  }

  /** The capability execution path of a hash this server issued, version 1. */
  static String executePath(String hash) {
    return "/v1.0/execute/1/" + hash + "/";
  }

  /** The webhooks API as the tenant's admin. */
  static WebhooksApi admin(Tenant tenant) {
    return Fixtures.autoscale(tenant.adminToken()).webhooks();
  }

  /** A new webhook with a name and no metadata. */
  static WebhookCreate named(String name) {
    return new WebhookCreate().name(name);
  }

  /** Creates webhooks with these names on the tenant's policy, as its admin. */
  static List<Webhook> create(Tenant tenant, String... names) {
    return admin(tenant)
        .createWebhooks(
            tenant.id(),
            tenant.groupId(),
            tenant.policyId(),
            Arrays.stream(names).map(AutoscaleContract::named).toList())
        .getWebhooks();
  }

  /** Creates {@code count} webhooks named {@code prefix-i} on the tenant's policy. */
  static List<Webhook> createNumbered(Tenant tenant, String prefix, int count) {
    return create(
        tenant, IntStream.range(0, count).mapToObj(i -> prefix + "-" + i).toArray(String[]::new));
  }

  /** The first page (up to 100) of the tenant's policy's webhooks. */
  static List<Webhook> list(Tenant tenant) {
    return admin(tenant)
        .listWebhooks(tenant.id(), tenant.groupId(), tenant.policyId(), null, null)
        .getWebhooks();
  }

  /** The webhook's link of that relation. */
  static URI link(Webhook webhook, Link.RelEnum rel) {
    return webhook.getLinks().stream()
        .filter(link -> link.getRel() == rel)
        .map(Link::getHref)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + rel + " link: " + webhook));
  }

  /** The 64 hex digits of the webhook's capability URL. */
  static String capabilityHash(Webhook webhook) {
    String[] segments = link(webhook, Link.RelEnum.CAPABILITY).getPath().split("/");
    return segments[segments.length - 1];
  }

  /** How many executions the operator API counts on the policy. */
  static long executions(Tenant tenant, String policyId) {
    return Fixtures.operator()
        .tenants()
        .getScalingPolicy(tenant.id(), UUID.fromString(tenant.groupId()), UUID.fromString(policyId))
        .getExecutions();
  }

  /** Sends a raw request; every answer of this API carries a fresh X-Response-Id. */
  static Answer send(RawHttp request) {
    return withResponseId(request.send());
  }

  /**
   * Sends what {@link RawHttp} cannot frame (a chunked body, a body without {@code Content-Type}),
   * checked against the spec like any other exchange.
   */
  static Answer send(RawSocket request) {
    Exchanges.Exchange exchange = request.send().exchange();
    Exchanges.check(exchange);
    return withResponseId(
        new Answer(exchange.status(), exchange.responseHeaders(), exchange.responseBody()));
  }

  private static Answer withResponseId(Answer answer) {
    assertThat(answer.header("X-Response-Id"))
        .as("X-Response-Id of a %d answer", answer.status())
        .hasValueSatisfying(AutoscaleContract::assertUuid);
    return answer;
  }

  /** A request with this body sent in one chunk, as a client does that does not know its length. */
  static RawSocket chunked(String method, String path, String token, String json) {
    return RawSocket.request(method, path)
        .header("X-Auth-Token", token)
        .header("Content-Type", "application/json")
        .header("Transfer-Encoding", "chunked")
        .body(Integer.toHexString(utf8Length(json)) + "\r\n" + json + "\r\n0\r\n\r\n");
  }

  /** A request with this body and no {@code Content-Type} at all. */
  static RawSocket untyped(String method, String path, String token, String body) {
    return RawSocket.request(method, path)
        .header("X-Auth-Token", token)
        .header("Content-Length", String.valueOf(utf8Length(body)))
        .body(body);
  }

  private static int utf8Length(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  /** Bodies that are not JSON, then JSON of the wrong shape, each with the error type it is. */
  static Stream<Arguments> refusedBodies(List<String> notJson, List<String> wrongShape) {
    return Stream.concat(
        notJson.stream().map(body -> Arguments.of(body, "InvalidJsonError")),
        wrongShape.stream().map(body -> Arguments.of(body, "ValidationError")));
  }

  /** Asserts a raw answer has that status and no body (204, 202). */
  static Answer assertEmpty(Answer answer, int status) {
    assertThat(answer.status()).as("status of %s", answer.body()).isEqualTo(status);
    assertThat(answer.body()).isEmpty();
    return answer;
  }

  /** Asserts a raw answer is the API's error envelope with that status and type. */
  static JsonNode assertError(Answer answer, int status, String type) {
    assertThat(answer.status()).as("status of %s", answer.body()).isEqualTo(status);
    assertThat(answer.header("Content-Type"))
        .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/json"));
    JsonNode error = answer.json().path("error");
    assertThat(error.path("type").asString()).isEqualTo(type);
    assertThat(error.path("code").asInt()).isEqualTo(status);
    assertThat(error.path("message").asString()).isNotBlank();
    assertThat(error.path("details").isString()).isTrue();
    assertThat(error.path("details").asString()).isEmpty();
    return error;
  }

  /** Runs a client call that must be refused with that status and error type. */
  static AutoscaleApiException refused(int status, ErrorType type, Runnable call) {
    try {
      call.run();
    } catch (AutoscaleApiException e) {
      assertThat(e.status()).as(e.getMessage()).isEqualTo(status);
      ErrorDetail error = e.error().orElseThrow(() -> new AssertionError("no envelope: " + e));
      assertThat(error.getType()).isEqualTo(type);
      assertThat(error.getCode()).isEqualTo(status);
      assertThat(error.getMessage()).isNotBlank();
      assertThat(error.getDetails()).isEmpty();
      assertThat(e.getResponseHeaders()).isNotNull();
      assertUuid(e.getResponseHeaders().getFirst("X-Response-Id"));
      return e;
    }
    return fail("expected %d %s, but the call succeeded", status, type);
  }

  /**
   * Repeats a call, from several threads so that requests come faster than a limit refills, until
   * the server answers 413, and returns that answer. Other refusals met on the way (404, 422) take
   * from the budget all the same.
   */
  static AutoscaleApiException untilRateLimited(Runnable call) {
    AtomicInteger sent = new AtomicInteger();
    AtomicReference<AutoscaleApiException> limited = new AtomicReference<>();
    AtomicReference<Throwable> unexpected = new AtomicReference<>();
    Runnable worker =
        () -> {
          while (limited.get() == null
              && unexpected.get() == null
              && sent.incrementAndGet() <= RATE_LIMIT_PROBES) {
            try {
              call.run();
            } catch (AutoscaleApiException e) {
              if (e.status() == 413) {
                limited.compareAndSet(null, e);
              } else if (e.status() != 404 && e.status() != 422) {
                unexpected.compareAndSet(null, e);
              }
            } catch (Throwable e) {
              unexpected.compareAndSet(null, e);
            }
          }
        };
    ExecutorService pool = Executors.newFixedThreadPool(FLOOD_THREADS);
    try {
      for (int i = 0; i < FLOOD_THREADS; i++) {
        pool.execute(worker);
      }
      pool.shutdown();
      assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } finally {
      pool.shutdownNow();
    }
    if (unexpected.get() != null) {
      throw new AssertionError("unexpected answer while exhausting a limit", unexpected.get());
    }
    if (limited.get() == null) {
      return fail("no 413 after %d requests", RATE_LIMIT_PROBES);
    }
    return limited.get();
  }

  /** Asserts a 413 is a RateLimitError with a Retry-After of whole seconds, and returns those. */
  static Duration assertRateLimited(AutoscaleApiException e) {
    assertThat(e.status()).isEqualTo(413);
    assertThat(e.type()).contains(ErrorType.RATE_LIMIT_ERROR);
    String retryAfter = e.getResponseHeaders().getFirst("Retry-After");
    assertThat(retryAfter).as("Retry-After").matches("[1-9][0-9]*");
    return Duration.ofSeconds(Long.parseLong(retryAfter));
  }

  /**
   * Executes a capability without a token and expects 202; see {@link #executeAccepted(RawHttp)}.
   */
  static Answer executeAccepted(String path) {
    return executeAccepted(RawHttp.request("POST", path));
  }

  /**
   * Sends a capability execution and expects 202 with an empty body. Every execution of this suite
   * comes from one client address, which has one rate limit, so a 413 caused by other executions is
   * waited out and the request sent again, never taken as the answer.
   */
  static Answer executeAccepted(RawHttp execution) {
    for (int attempt = 0; attempt < 5; attempt++) {
      Answer answer = send(execution);
      if (answer.status() != 413) {
        return assertEmpty(answer, 202);
      }
      sleep(Duration.ofSeconds(Long.parseLong(answer.header("Retry-After").orElse("1"))));
    }
    return fail("capability execution stayed rate limited");
  }

  /** A hash in the form the server issues, that no webhook has (256 random bits). */
  static String randomHash() {
    byte[] bits = new byte[32];
    RANDOM.nextBytes(bits);
    return HexFormat.of().formatHex(bits);
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static void assertUuid(String text) {
    assertThat(text).isNotNull().matches("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");
  }

  /** The ids in the order the API lists them: by id, as the database orders UUIDs (as text). */
  static List<String> byId(List<Webhook> webhooks) {
    return webhooks.stream().map(webhook -> webhook.getId().toString()).sorted().toList();
  }

  static List<String> ids(List<Webhook> webhooks) {
    return webhooks.stream().map(webhook -> webhook.getId().toString()).toList();
  }
}
