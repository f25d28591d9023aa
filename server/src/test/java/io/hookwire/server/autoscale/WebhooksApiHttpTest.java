package io.hookwire.server.autoscale;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Black-box HTTP tests of the Auto Scale webhooks API ({@code
 * /v1.0/{tenantId}/groups/{groupId}/policies/{policyId}/webhooks}), written from {@code
 * openapi/autoscale.yaml}, the seed and {@code API-NOTES.md} only: the shared callers, requests and
 * assertions. Each subclass runs the real server on a random port with its own in-memory database;
 * every test makes the tenants, groups, policies and tokens it needs through the operator API, so
 * that tests do not depend on each other or on their order.
 *
 * <p>Every response of the API under test is checked as it arrives: it carries an {@code
 * X-Response-Id} that is a UUID never seen before, and a response with a body is {@code
 * application/json}.
 */
abstract class WebhooksApiHttpTest {

  static final String OPERATOR_TOKEN = "test-operator-token";
  static final String TENANTS = "/operator/v1/tenants";
  static final String JSON_TYPE = "application/json";
  static final String HASH = "[0-9a-f]{64}";
  static final String UUID_FORMAT = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
  static final JsonMapper JSON = JsonMapper.builder().build();

  /** The seed's create request, exactly as the reference document has it (trailing comma fixed). */
  static final String SEED_CREATE =
      """
      [
         {
            "metadata":{
               "notes":"PagerDuty will fire this webhook"
            },
            "name":"PagerDuty"
         },
         {
            "name":"Nagios"
         }
      ]
      """;

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final AtomicInteger NUMBER = new AtomicInteger();
  private static final Set<String> RESPONSE_IDS = Collections.synchronizedSet(new HashSet<>());
  private static final Map<HttpResponse<String>, String> SENT_BODIES =
      Collections.synchronizedMap(new WeakHashMap<>());

  @LocalServerPort int port;

  // Callers and what they act on, made through the operator API

  /** A tenant with an admin and an observer token. */
  record Tenant(String id, String admin, String observer) {}

  /** A policy of a group of a tenant. */
  record Policy(Tenant tenant, String group, String id) {

    String admin() {
      return tenant.admin();
    }

    /** The webhooks collection path, without a trailing slash. */
    String webhooks() {
      return "/v1.0/" + tenant.id() + "/groups/" + group + "/policies/" + id + "/webhooks";
    }

    String webhook(String webhookId) {
      return webhooks() + "/" + webhookId;
    }

    /** The policy as the operator API shows it. */
    String operatorPath() {
      return TENANTS + "/" + tenant.id() + "/groups/" + group + "/policies/" + id;
    }
  }

  Tenant tenant() {
    String id =
        "t-" + NUMBER.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
    operator("POST", TENANTS, "{\"id\":\"" + id + "\"}", 201);
    return new Tenant(id, tenantToken(id, "admin"), tenantToken(id, "observer"));
  }

  String tenantToken(String tenant, String role) {
    return operator("POST", TENANTS + "/" + tenant + "/tokens", "{\"role\":\"" + role + "\"}", 201)
        .get("token")
        .asString();
  }

  String group(Tenant tenant) {
    return operator(
            "POST",
            TENANTS + "/" + tenant.id() + "/groups",
            "{\"name\":\"" + unique("Group") + "\"}",
            201)
        .get("id")
        .asString();
  }

  Policy policy(Tenant tenant, String group) {
    String id =
        operator(
                "POST",
                TENANTS + "/" + tenant.id() + "/groups/" + group + "/policies",
                "{\"name\":\"" + unique("Policy") + "\"}",
                201)
            .get("id")
            .asString();
    return new Policy(tenant, group, id);
  }

  /** A fresh policy of a fresh group of a fresh tenant. */
  Policy policy() {
    Tenant tenant = tenant();
    return policy(tenant, group(tenant));
  }

  /** The policy as the operator API shows it, with its {@code executions}. */
  JsonNode operatorPolicy(Policy policy) {
    return operator("GET", policy.operatorPath(), null, 200);
  }

  long executions(Policy policy) {
    JsonNode executions = operatorPolicy(policy).get("executions");
    assertThat(executions.isIntegralNumber()).as(executions.toString()).isTrue();
    return executions.asLong();
  }

  JsonNode operator(String method, String path, String body, int status) {
    HttpResponse<String> response =
        send(
            method,
            path,
            null,
            body == null ? null : JSON_TYPE,
            body,
            "Authorization",
            "Bearer " + OPERATOR_TOKEN);
    assertThat(response.statusCode()).as(describe(response)).isEqualTo(status);
    return response.body().isEmpty() ? null : JSON.readTree(response.body());
  }

  static String unique(String prefix) {
    return prefix + " " + NUMBER.incrementAndGet();
  }

  // Requests

  String base() {
    return "http://localhost:" + port;
  }

  /**
   * A request; {@code headers} are name and value pairs. Null token: no {@code X-Auth-Token}; null
   * content type: none.
   */
  HttpResponse<String> send(
      String method,
      String target,
      String token,
      String contentType,
      String body,
      String... headers) {
    return sendPublisher(
        method,
        target,
        token,
        contentType,
        body == null ? null : BodyPublishers.ofString(body),
        body,
        headers);
  }

  /** A request with this body publisher; {@code sent} describes the body in failure messages. */
  HttpResponse<String> sendPublisher(
      String method,
      String target,
      String token,
      String contentType,
      BodyPublisher publisher,
      String sent,
      String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(target.startsWith("http") ? target : base() + target))
            .method(method, publisher == null ? BodyPublishers.noBody() : publisher);
    if (token != null) {
      request.header("X-Auth-Token", token);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    HttpResponse<String> response;
    try {
      response = HTTP.send(request.build(), BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(method + " " + target + " failed", e);
    }
    if (sent != null) {
      SENT_BODIES.put(
          response,
          sent.length() > 300 ? sent.substring(0, 300) + "...(" + sent.length() + ")" : sent);
    }
    if (response.uri().getPath().startsWith("/v1.0/")) {
      checkTransport(response);
    }
    return response;
  }

  /** Every response of the API: a fresh UUID {@code X-Response-Id}; JSON when it has a body. */
  private static void checkTransport(HttpResponse<String> response) {
    List<String> ids = response.headers().allValues("X-Response-Id");
    assertThat(ids).as("one X-Response-Id: " + describe(response)).hasSize(1);
    String id = ids.get(0);
    assertThat(id).as("X-Response-Id is a UUID: " + describe(response)).matches(UUID_FORMAT);
    assertThat(RESPONSE_IDS.add(id)).as("X-Response-Id is fresh: " + describe(response)).isTrue();
    if (!response.body().isEmpty()) {
      assertThat(response.headers().firstValue("Content-Type"))
          .as(describe(response))
          .hasValue(JSON_TYPE);
    }
  }

  HttpResponse<String> list(Policy policy, String query) {
    return send("GET", policy.webhooks() + query, policy.admin(), null, null);
  }

  HttpResponse<String> create(Policy policy, String body) {
    return send("POST", policy.webhooks(), policy.admin(), JSON_TYPE, body);
  }

  HttpResponse<String> get(Policy policy, String webhookId) {
    return send("GET", policy.webhook(webhookId), policy.admin(), null, null);
  }

  HttpResponse<String> replace(Policy policy, String webhookId, String body) {
    return send("PUT", policy.webhook(webhookId), policy.admin(), JSON_TYPE, body);
  }

  HttpResponse<String> delete(Policy policy, String webhookId) {
    return send("DELETE", policy.webhook(webhookId), policy.admin(), null, null);
  }

  /** An anonymous POST to a capability path or URL. */
  HttpResponse<String> execute(String target) {
    return send("POST", target, null, null, null);
  }

  /** Creates these webhooks and returns them as the create response has them, in order. */
  List<JsonNode> newWebhooks(Policy policy, String body) {
    List<JsonNode> webhooks = new ArrayList<>();
    created(create(policy, body)).get("webhooks").forEach(webhooks::add);
    return webhooks;
  }

  /** Creates one webhook with a unique name and returns it as the create response has it. */
  JsonNode newWebhook(Policy policy) {
    return newWebhooks(policy, "[{\"name\":\"" + unique("Webhook") + "\"}]").get(0);
  }

  /** Creates {@code count} webhooks, 100 a request at most; returns their ids, sorted. */
  List<String> newWebhookIds(Policy policy, int count) {
    List<String> ids = new ArrayList<>();
    for (int done = 0; done < count; done += 100) {
      for (JsonNode webhook : newWebhooks(policy, namedWebhooks(Math.min(100, count - done)))) {
        ids.add(webhook.get("id").asString());
      }
    }
    Collections.sort(ids);
    return ids;
  }

  // Bodies

  /** A create body of {@code count} webhooks named "Webhook 1", "Webhook 2", ... */
  static String namedWebhooks(int count) {
    List<Map<String, Object>> webhooks = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      webhooks.add(Map.of("name", "Webhook " + i));
    }
    return JSON.writeValueAsString(webhooks);
  }

  /** JSON written with single quotes for readability. */
  static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  static String jsonOf(Object value) {
    return JSON.writeValueAsString(value);
  }

  // Responses

  static String describe(HttpResponse<String> response) {
    String sent = SENT_BODIES.get(response);
    String body = response.body();
    return response.request().method()
        + " "
        + response.request().uri()
        + (sent == null ? "" : " with " + sent)
        + " -> "
        + response.statusCode()
        + " "
        + response.headers().map()
        + " "
        + (body.length() > 2000 ? body.substring(0, 2000) + "..." : body);
  }

  static JsonNode created(HttpResponse<String> response) {
    return document(response, 201);
  }

  static JsonNode ok(HttpResponse<String> response) {
    return document(response, 200);
  }

  static JsonNode document(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(describe(response)).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .as(describe(response))
        .hasValue(JSON_TYPE);
    return JSON.readTree(response.body());
  }

  /** A response of this status with an empty body (204, 202). */
  static void empty(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(describe(response)).isEqualTo(status);
    assertThat(response.body()).as(describe(response)).isEmpty();
  }

  /**
   * The API's error envelope, exactly: {@code {"error":{"type","code","message","details":""}}},
   * with this status and type; returns the inner error.
   */
  static JsonNode error(HttpResponse<String> response, int status, String type) {
    JsonNode document = document(response, status);
    assertThat(document.propertyNames()).as(describe(response)).containsExactly("error");
    JsonNode error = document.get("error");
    assertThat(error.propertyNames())
        .as(describe(response))
        .containsExactlyInAnyOrder("type", "code", "message", "details");
    assertThat(error.get("type").asString()).as(describe(response)).isEqualTo(type);
    assertThat(error.get("code").isIntegralNumber()).as(describe(response)).isTrue();
    assertThat(error.get("code").asInt()).as(describe(response)).isEqualTo(status);
    assertThat(error.get("message").isString()).as(describe(response)).isTrue();
    assertThat(error.get("message").asString()).as(describe(response)).isNotBlank();
    assertThat(error.get("details").isString()).as(describe(response)).isTrue();
    assertThat(error.get("details").asString()).as(describe(response)).isEmpty();
    return error;
  }

  /**
   * A 405 {@code InvalidMethod} whose {@code Allow} lists exactly these methods (HEAD and OPTIONS
   * aside).
   */
  static void invalidMethod(HttpResponse<String> response, String... allowed) {
    error(response, 405, "InvalidMethod");
    String allow = response.headers().firstValue("Allow").orElse(null);
    assertThat(allow).as(describe(response)).isNotNull();
    List<String> methods = new ArrayList<>();
    for (String method : allow.split(",")) {
      methods.add(method.trim());
    }
    methods.removeAll(List.of("HEAD", "OPTIONS"));
    assertThat(methods).as(describe(response)).containsExactlyInAnyOrder(allowed);
  }

  /** A webhook's self URL, as the API's links have it: absolute, with a trailing slash. */
  String selfUrl(Policy policy, String webhookId) {
    return base() + policy.webhook(webhookId) + "/";
  }

  /**
   * A webhook exactly as the API shows it: a UUID id, this name and metadata, and links {@code
   * self} then {@code capability}; returns its capability URL.
   */
  String assertWebhook(JsonNode webhook, Policy policy, String name, Map<String, String> metadata) {
    assertThat(webhook.propertyNames())
        .as(webhook.toString())
        .containsExactlyInAnyOrder("id", "name", "metadata", "links");
    String id = webhook.get("id").asString();
    assertThat(id).as(webhook.toString()).matches(UUID_FORMAT);
    assertThat(webhook.get("name").asString()).as(webhook.toString()).isEqualTo(name);
    assertThat(webhook.get("metadata").isObject()).as(webhook.toString()).isTrue();
    assertThat(metadata(webhook)).as(webhook.toString()).isEqualTo(metadata);
    JsonNode links = webhook.get("links");
    assertThat(links.isArray()).as(webhook.toString()).isTrue();
    assertThat(links.size()).as(webhook.toString()).isEqualTo(2);
    for (JsonNode link : links) {
      assertThat(link.propertyNames())
          .as(webhook.toString())
          .containsExactlyInAnyOrder("href", "rel");
    }
    assertThat(links.get(0).get("rel").asString()).as(webhook.toString()).isEqualTo("self");
    assertThat(links.get(0).get("href").asString())
        .as(webhook.toString())
        .isEqualTo(selfUrl(policy, id));
    assertThat(links.get(1).get("rel").asString()).as(webhook.toString()).isEqualTo("capability");
    String capability = links.get(1).get("href").asString();
    assertThat(capability)
        .as(webhook.toString())
        .matches(Pattern.quote(base() + "/v1.0/execute/1/") + HASH + "/");
    return capability;
  }

  static Map<String, String> metadata(JsonNode webhook) {
    Map<String, String> metadata = new LinkedHashMap<>();
    for (String key : webhook.get("metadata").propertyNames()) {
      JsonNode value = webhook.get("metadata").get(key);
      assertThat(value.isString()).as(webhook.toString()).isTrue();
      metadata.put(key, value.asString());
    }
    return metadata;
  }

  static String capability(JsonNode webhook) {
    return webhook.get("links").get(1).get("href").asString();
  }

  static String hashOf(String capabilityUrl) {
    String[] segments = URI.create(capabilityUrl).getPath().split("/");
    return segments[segments.length - 1];
  }

  /** The path of an absolute URL of this server, with its query. */
  static String pathOf(String url) {
    URI uri = URI.create(url);
    return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }

  static List<String> ids(JsonNode document, String member) {
    List<String> ids = new ArrayList<>();
    document.get(member).forEach(webhook -> ids.add(webhook.get("id").asString()));
    return ids;
  }

  /** The ids of a list page. */
  static List<String> ids(JsonNode page) {
    return ids(page, "webhooks");
  }

  static List<String> sorted(List<String> ids) {
    List<String> sorted = new ArrayList<>(ids);
    Collections.sort(sorted);
    return sorted;
  }

  static OffsetDateTime time(JsonNode value) {
    assertThat(value.isString()).as(String.valueOf(value)).isTrue();
    return OffsetDateTime.parse(value.asString());
  }

  /** A body of unknown length, sent chunked. */
  static BodyPublisher streamOf(String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return BodyPublishers.ofInputStream(() -> (InputStream) new ByteArrayInputStream(bytes));
  }
}
