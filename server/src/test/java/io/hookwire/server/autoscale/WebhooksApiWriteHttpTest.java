package io.hookwire.server.autoscale;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * The Auto Scale webhooks API's writes over real HTTP: create with its quota and validation,
 * replace and delete, and capability execution, with the default quota of 25 webhooks a policy.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "hookwire.operator-token=test-operator-token",
      "hookwire.demo.enabled=false",
      "hookwire.autoscale.rate-limit.tenant-per-minute=100000",
      "hookwire.autoscale.rate-limit.execute-per-second=100000",
      "hookwire.autoscale.rate-limit.execute-per-second-per-client=100000",
      "spring.datasource.url=jdbc:h2:mem:webhooks-api-write;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
      "management.server.port=0"
    })
class WebhooksApiWriteHttpTest extends WebhooksApiHttpTest {

  private static final String LONG = "x".repeat(257);
  private static final String LONGEST = "x".repeat(256);

  // Create

  @Test
  void createsTheSeedsWebhooksInRequestOrder() {
    Policy p = policy();

    HttpResponse<String> response = create(p, SEED_CREATE);

    JsonNode document = created(response);
    assertThat(document.propertyNames()).containsExactly("webhooks");
    JsonNode webhooks = document.get("webhooks");
    assertThat(webhooks.size()).isEqualTo(2);
    String pagerDuty =
        assertWebhook(
            webhooks.get(0), p, "PagerDuty", Map.of("notes", "PagerDuty will fire this webhook"));
    String nagios = assertWebhook(webhooks.get(1), p, "Nagios", Map.of());
    assertThat(pagerDuty).isNotEqualTo(nagios);
    assertThat(response.headers().firstValue("Location")).hasValue(base() + p.webhooks() + "/");

    // What create returned is what the API shows afterwards.
    for (JsonNode webhook : webhooks) {
      JsonNode shown = ok(get(p, webhook.get("id").asString()));
      assertThat(shown.propertyNames()).containsExactly("webhook");
      assertThat(shown.get("webhook")).isEqualTo(webhook);
    }
    JsonNode listed = ok(list(p, ""));
    assertThat(ids(listed)).containsExactlyElementsOf(sorted(ids(document, "webhooks")));
    for (JsonNode webhook : listed.get("webhooks")) {
      assertThat(webhooks).contains(webhook);
    }
  }

  @Test
  void createsManyInRequestOrderWithEveryCharacterOfNameAndMetadataKept() {
    Policy p = policy();
    List<Map<String, Object>> body = new ArrayList<>();
    Map<String, String> longest = new LinkedHashMap<>();
    longest.put(LONGEST, LONGEST);
    longest.put("", "");
    longest.put("ünïcødé ✓", "line\nbreak \"quoted\"");
    body.add(Map.of("name", LONGEST, "metadata", longest));
    body.add(Map.of("name", "  spaced name  "));
    body.add(Map.of("name", "Same"));
    body.add(Map.of("name", "Same", "metadata", Map.of()));
    body.add(Map.of("name", "x"));

    List<JsonNode> webhooks = newWebhooks(p, jsonOf(body));

    assertThat(webhooks).hasSize(5);
    assertWebhook(webhooks.get(0), p, LONGEST, longest);
    assertWebhook(webhooks.get(1), p, "  spaced name  ", Map.of());
    assertWebhook(webhooks.get(2), p, "Same", Map.of());
    assertWebhook(webhooks.get(3), p, "Same", Map.of());
    assertWebhook(webhooks.get(4), p, "x", Map.of());
    assertThat(ok(get(p, webhooks.get(0).get("id").asString())).get("webhook"))
        .isEqualTo(webhooks.get(0));
  }

  @Test
  void acceptsJsonWithACharset() {
    Policy p = policy();

    HttpResponse<String> response =
        send(
            "POST",
            p.webhooks(),
            p.admin(),
            "application/json; charset=utf-8",
            "[{\"name\":\"Charset\"}]");

    assertWebhook(created(response).get("webhooks").get(0), p, "Charset", Map.of());
  }

  @Test
  void anEmptyListIsAValidationError() {
    Policy p = policy();

    error(create(p, "[]"), 400, "ValidationError");

    assertThat(ids(ok(list(p, "")))).isEmpty();
  }

  @Test
  void moreThanOneHundredWebhooksInARequestIsAValidationError() {
    Policy p = policy();

    error(create(p, namedWebhooks(101)), 400, "ValidationError");

    assertThat(ids(ok(list(p, "")))).isEmpty();
  }

  @Test
  void oneHundredWebhooksAreAValidRequestButOverTheQuota() {
    Policy p = policy();

    error(create(p, namedWebhooks(100)), 422, "WebhookOverLimitsError");

    assertThat(ids(ok(list(p, "")))).isEmpty();
  }

  @Test
  void exactlyTheQuotaOfTwentyFiveIsCreatedInOneRequest() {
    Policy p = policy();

    assertThat(newWebhooks(p, namedWebhooks(25))).hasSize(25);

    assertThat(ids(ok(list(p, "")))).hasSize(25);
    error(create(p, namedWebhooks(1)), 422, "WebhookOverLimitsError");
  }

  @Test
  void aCreateThatWouldExceedTheQuotaCreatesNothing() {
    Policy p = policy();
    List<String> first = newWebhookIds(p, 20);

    JsonNode error = error(create(p, namedWebhooks(6)), 422, "WebhookOverLimitsError");

    assertThat(error.get("message").asString()).contains("25");
    assertThat(ids(ok(list(p, "")))).containsExactlyElementsOf(first);
    // The five that fit are still allowed, and then nothing more.
    assertThat(newWebhooks(p, namedWebhooks(5))).hasSize(5);
    assertThat(ids(ok(list(p, "")))).hasSize(25);
    error(create(p, namedWebhooks(1)), 422, "WebhookOverLimitsError");
    assertThat(ids(ok(list(p, "")))).hasSize(25);
  }

  @Test
  void theQuotaHoldsUnderConcurrentCreates() throws Exception {
    Policy p = policy();
    int requests = 12;
    ExecutorService pool = Executors.newFixedThreadPool(requests);
    List<Future<HttpResponse<String>>> responses = new ArrayList<>();
    try {
      CountDownLatch start = new CountDownLatch(1);
      for (int i = 0; i < requests; i++) {
        responses.add(
            pool.submit(
                () -> {
                  start.await();
                  return create(p, namedWebhooks(5));
                }));
      }
      start.countDown();

      int created = 0;
      for (Future<HttpResponse<String>> future : responses) {
        HttpResponse<String> response = future.get(60, TimeUnit.SECONDS);
        if (response.statusCode() == 201) {
          assertThat(created(response).get("webhooks").size()).isEqualTo(5);
          created++;
        } else {
          error(response, 422, "WebhookOverLimitsError");
        }
      }

      assertThat(created).isEqualTo(5);
      assertThat(ids(ok(list(p, "")))).hasSize(25);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theQuotaIsPerPolicyAndDeletingMakesRoom() {
    Tenant t = tenant();
    String group = group(t);
    Policy full = policy(t, group);
    Policy other = policy(t, group);
    List<String> ids = newWebhookIds(full, 25);

    assertThat(newWebhooks(other, namedWebhooks(25))).hasSize(25);
    empty(delete(full, ids.get(0)), 204);
    assertThat(newWebhooks(full, namedWebhooks(1))).hasSize(1);
    error(create(full, namedWebhooks(1)), 422, "WebhookOverLimitsError");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "",
        " ",
        "\n",
        "[{",
        "not json",
        "[{\"name\":\"x\"},]",
        "{\"name\":",
        "[{'name':'x'}]",
        "{'name':'x','metadata':{}}"
      })
  void aCreateBodyThatIsNotJsonIsAnInvalidJsonError(String body) {
    Policy p = policy();

    error(create(p, body), 400, "InvalidJsonError");

    assertThat(ids(ok(list(p, "")))).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "",
        " ",
        "\n",
        "{",
        "[{",
        "not json",
        "{\"name\":\"x\",\"metadata\":{},}",
        "{\"name\":",
        "[{\"name\":\"x\"},]",
        "{'name':'x','metadata':{}}",
        "[{'name':'x'}]"
      })
  void aReplaceBodyThatIsNotJsonIsAnInvalidJsonError(String body) {
    Policy p = policy();
    JsonNode webhook = newWebhook(p);

    error(replace(p, webhook.get("id").asString(), body), 400, "InvalidJsonError");

    assertThat(ok(get(p, webhook.get("id").asString())).get("webhook")).isEqualTo(webhook);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "{'name':'x'}",
        "'x'",
        "1",
        "null",
        "[null]",
        "['x']",
        "[[]]",
        "[{}]",
        "[{'metadata':{}}]",
        "[{'name':null}]",
        "[{'name':''}]",
        "[{'name':'   '}]",
        "[{'name':'\\t\\n'}]",
        "[{'name':5}]",
        "[{'name':true}]",
        "[{'name':['x']}]",
        "[{'name':{'x':'y'}}]",
        "[{'name':'NAME257'}]",
        "[{'name':'x','url':'https://h'}]",
        "[{'name':'x','id':'152054a3-e0ab-445b-941d-9f8e360c9eed'}]",
        "[{'name':'x','links':[]}]",
        "[{'name':'x','metadata':null}]",
        "[{'name':'x','metadata':'notes'}]",
        "[{'name':'x','metadata':['notes']}]",
        "[{'name':'x','metadata':{'k':'VALUE257'}}]",
        "[{'name':'x','metadata':{'KEY257':'v'}}]",
        "[{'name':'x','metadata':{'k':1}}]",
        "[{'name':'x','metadata':{'k':true}}]",
        "[{'name':'x','metadata':{'k':null}}]",
        "[{'name':'x','metadata':{'k':{'a':'b'}}}]",
        "[{'name':'x','metadata':{'k':['v']}}]",
        "[{'name':'ok'},{'name':''}]",
        "[{'name':'ok'},{'name':'x','metadata':{'k':'VALUE257'}}]"
      })
  void aCreateOfTheWrongShapeIsAValidationErrorAndCreatesNothing(String template) {
    Policy p = policy();

    error(create(p, body(template)), 400, "ValidationError");

    assertThat(ids(ok(list(p, "")))).isEmpty();
  }

  @Test
  void theBodyIsValidatedBeforeTheGroupAndPolicyAreLookedUp() {
    Policy p = policy();
    String webhook = newWebhook(p).get("id").asString();
    String unknown = UUID.randomUUID().toString();

    for (String path : missingPolicyPaths(p)) {
      for (String body :
          List.of(
              "{\"name\":\"x\"}",
              "[{\"name\":\"x\",\"url\":\"https://h\"}]",
              "[{\"name\":5}]",
              body("[{'name':'x','metadata':{'k':'VALUE257'}}]"),
              body("[{'name':'x','metadata':{'KEY257':'v'}}]"))) {
        error(send("POST", path, p.admin(), JSON_TYPE, body), 400, "ValidationError");
      }
      error(send("POST", path, p.admin(), JSON_TYPE, "[{"), 400, "InvalidJsonError");
      for (String body :
          List.of(
              "{\"name\":\"x\"}",
              "{\"metadata\":{}}",
              "{\"name\":\"\",\"metadata\":{}}",
              "{\"name\":\"x\",\"metadata\":{},\"url\":\"https://h\"}",
              body("{'name':'x','metadata':{'k':'VALUE257'}}"))) {
        error(
            send("PUT", path + "/" + unknown, p.admin(), JSON_TYPE, body), 400, "ValidationError");
      }
      error(
          send("PUT", path + "/" + unknown, p.admin(), JSON_TYPE, "{\"name\":"),
          400,
          "InvalidJsonError");
    }
    // An unknown webhook of a known policy too.
    error(
        send("PUT", p.webhook(unknown), p.admin(), JSON_TYPE, "{\"name\":\"x\"}"),
        400,
        "ValidationError");
    // And the same requests with valid bodies are the 404s of the missing level.
    List<String> paths = missingPolicyPaths(p);
    error(
        send("POST", paths.get(0), p.admin(), JSON_TYPE, "[{\"name\":\"x\"}]"),
        404,
        "NoSuchScalingGroupError");
    error(
        send("POST", paths.get(1), p.admin(), JSON_TYPE, "[{\"name\":\"x\"}]"),
        404,
        "NoSuchPolicyError");
    assertThat(ids(ok(list(p, "")))).containsExactly(webhook);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {"[]", "[{}]", "[{'metadata':{}}]", "[{'name':''}]", "[{'name':'NAME257'}]"})
  void aCreateBreakingTheSchemasConstraintsIsAValidationErrorBeforeAnyLookup(String template) {
    Policy p = policy();

    for (String path : missingPolicyPaths(p)) {
      error(send("POST", path, p.admin(), JSON_TYPE, body(template)), 400, "ValidationError");
      error(send("POST", path, p.admin(), JSON_TYPE, namedWebhooks(101)), 400, "ValidationError");
    }
  }

  /** The webhooks collection of an unknown group, and of an unknown policy of a known group. */
  private static List<String> missingPolicyPaths(Policy p) {
    String unknown = UUID.randomUUID().toString();
    return List.of(
        "/v1.0/" + p.tenant().id() + "/groups/" + unknown + "/policies/" + unknown + "/webhooks",
        "/v1.0/" + p.tenant().id() + "/groups/" + p.group() + "/policies/" + unknown + "/webhooks");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"text/plain", "application/xml", "application/x-www-form-urlencoded"})
  void aBodyThatIsNotDeclaredJsonIsAnUnsupportedMediaType(String contentType) {
    Policy p = policy();
    String id = newWebhook(p).get("id").asString();

    error(
        send("POST", p.webhooks(), p.admin(), contentType, "[{\"name\":\"x\"}]"),
        415,
        "UnsupportedMediaType");
    error(
        send("PUT", p.webhook(id), p.admin(), contentType, "{\"name\":\"x\",\"metadata\":{}}"),
        415,
        "UnsupportedMediaType");

    assertThat(ids(ok(list(p, "")))).containsExactly(id);
  }

  @Test
  void aBodyWithoutContentTypeIsAnUnsupportedMediaType() {
    Policy p = policy();
    String id = newWebhook(p).get("id").asString();

    error(
        send("POST", p.webhooks(), p.admin(), null, "[{\"name\":\"x\"}]"),
        415,
        "UnsupportedMediaType");
    error(
        send("PUT", p.webhook(id), p.admin(), null, "{\"name\":\"x\",\"metadata\":{}}"),
        415,
        "UnsupportedMediaType");
  }

  @Test
  void aBodyOverOneMebibyteIsAValidationErrorNotA413() {
    Policy p = policy();
    String id = newWebhook(p).get("id").asString();
    String big = "[{\"name\":\"" + "x".repeat(1024 * 1024) + "\"}]";
    String bigReplace =
        "{\"name\":\"x\",\"metadata\":{\"notes\":\"" + "x".repeat(1024 * 1024) + "\"}}";

    error(create(p, big), 400, "ValidationError");
    error(
        sendPublisher("POST", p.webhooks(), p.admin(), JSON_TYPE, streamOf(big), "chunked"),
        400,
        "ValidationError");
    error(replace(p, id, bigReplace), 400, "ValidationError");
    error(
        sendPublisher("PUT", p.webhook(id), p.admin(), JSON_TYPE, streamOf(bigReplace), "chunked"),
        400,
        "ValidationError");

    assertThat(ids(ok(list(p, "")))).containsExactly(id);
    assertThat(ok(get(p, id)).at("/webhook/metadata").isEmpty()).isTrue();
  }

  // Replace

  @Test
  void replacesNameAndMetadataAndKeepsTheCapability() {
    Policy p = policy();
    List<JsonNode> webhooks = newWebhooks(p, SEED_CREATE);
    JsonNode nagios = webhooks.get(1);
    String id = nagios.get("id").asString();

    HttpResponse<String> response =
        replace(p, id, "{\"name\": \"alice\", \"metadata\": {\"notes\": \"this is for Alice\"}}");

    empty(response, 204);
    JsonNode shown = ok(get(p, id)).get("webhook");
    assertWebhook(shown, p, "alice", Map.of("notes", "this is for Alice"));
    assertThat(shown.get("id").asString()).isEqualTo(id);
    assertThat(shown.get("links")).isEqualTo(nagios.get("links"));
    // The other webhook is untouched.
    assertThat(ok(get(p, webhooks.get(0).get("id").asString())).get("webhook"))
        .isEqualTo(webhooks.get(0));
  }

  @Test
  void aReplaceWithEmptyMetadataClearsIt() {
    Policy p = policy();
    JsonNode pagerDuty = newWebhooks(p, SEED_CREATE).get(0);
    String id = pagerDuty.get("id").asString();

    empty(replace(p, id, "{\"name\":\"PagerDuty\",\"metadata\":{}}"), 204);

    JsonNode shown = ok(get(p, id)).get("webhook");
    assertWebhook(shown, p, "PagerDuty", Map.of());
    assertThat(shown.get("links")).isEqualTo(pagerDuty.get("links"));
  }

  @Test
  void aReplaceReplacesTheWholeMetadata() {
    Policy p = policy();
    String id =
        newWebhooks(p, "[{\"name\":\"n\",\"metadata\":{\"a\":\"1\",\"b\":\"2\"}}]")
            .get(0)
            .get("id")
            .asString();

    empty(replace(p, id, "{\"name\":\"n\",\"metadata\":{\"c\":\"3\"}}"), 204);

    assertWebhook(ok(get(p, id)).get("webhook"), p, "n", Map.of("c", "3"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "{'name':'alice'}",
        "{'metadata':{}}",
        "{}",
        "[{'name':'alice','metadata':{}}]",
        "'alice'",
        "null",
        "{'name':null,'metadata':{}}",
        "{'name':'','metadata':{}}",
        "{'name':'  ','metadata':{}}",
        "{'name':5,'metadata':{}}",
        "{'name':'NAME257','metadata':{}}",
        "{'name':'alice','metadata':null}",
        "{'name':'alice','metadata':'x'}",
        "{'name':'alice','metadata':{'k':'VALUE257'}}",
        "{'name':'alice','metadata':{'KEY257':'v'}}",
        "{'name':'alice','metadata':{'k':1}}",
        "{'name':'alice','metadata':{'k':null}}",
        "{'name':'alice','metadata':{'k':{}}}",
        "{'name':'alice','metadata':{},'url':'https://h'}",
        "{'name':'alice','metadata':{},'id':'152054a3-e0ab-445b-941d-9f8e360c9eed'}"
      })
  void aReplaceOfTheWrongShapeIsAValidationErrorAndChangesNothing(String template) {
    Policy p = policy();
    JsonNode pagerDuty = newWebhooks(p, SEED_CREATE).get(0);
    String id = pagerDuty.get("id").asString();

    error(replace(p, id, body(template)), 400, "ValidationError");

    assertThat(ok(get(p, id)).get("webhook")).isEqualTo(pagerDuty);
  }

  @Test
  void aReplaceAcceptsTheLongestNameAndMetadata() {
    Policy p = policy();
    String id = newWebhook(p).get("id").asString();
    Map<String, String> metadata = Map.of(LONGEST, LONGEST, "", "");

    empty(replace(p, id, jsonOf(Map.of("name", LONGEST, "metadata", metadata))), 204);

    assertWebhook(ok(get(p, id)).get("webhook"), p, LONGEST, metadata);
  }

  @Test
  void replacingAnUnknownWebhookIsNoSuchWebhook() {
    Policy p = policy();

    error(
        replace(p, UUID.randomUUID().toString(), "{\"name\":\"x\",\"metadata\":{}}"),
        404,
        "NoSuchWebhookError");

    assertThat(ids(ok(list(p, "")))).isEmpty();
  }

  // Delete

  @Test
  void deletesOneWebhook() {
    Policy p = policy();
    List<JsonNode> webhooks = newWebhooks(p, SEED_CREATE);
    String id = webhooks.get(0).get("id").asString();
    String kept = webhooks.get(1).get("id").asString();

    empty(delete(p, id), 204);

    error(get(p, id), 404, "NoSuchWebhookError");
    error(delete(p, id), 404, "NoSuchWebhookError");
    error(replace(p, id, "{\"name\":\"x\",\"metadata\":{}}"), 404, "NoSuchWebhookError");
    assertThat(ids(ok(list(p, "")))).containsExactly(kept);
    assertThat(ok(get(p, kept)).get("webhook")).isEqualTo(webhooks.get(1));
  }

  // Execute

  @Test
  void aCapabilityExecutesItsPolicyWithoutAToken() {
    Policy p = policy();
    JsonNode before = operatorPolicy(p);
    assertThat(before.get("executions").asLong()).isZero();
    assertThat(before.get("last_executed_at").isNull()).isTrue();
    String capability = capability(newWebhook(p));
    OffsetDateTime start = OffsetDateTime.now().minusSeconds(5);

    empty(execute(capability), 202);

    JsonNode after = operatorPolicy(p);
    assertThat(after.get("executions").asLong()).isEqualTo(1);
    OffsetDateTime first = time(after.get("last_executed_at"));
    assertThat(first).isAfter(start).isBefore(OffsetDateTime.now().plusSeconds(5));

    // Without the trailing slash too.
    String path = pathOf(capability);
    empty(execute(path.substring(0, path.length() - 1)), 202);

    JsonNode again = operatorPolicy(p);
    assertThat(again.get("executions").asLong()).isEqualTo(2);
    assertThat(time(again.get("last_executed_at"))).isAfterOrEqualTo(first);
  }

  @Test
  void aCapabilityExecutesOnlyItsOwnPolicy() {
    Tenant t = tenant();
    String group = group(t);
    Policy executed = policy(t, group);
    Policy sibling = policy(t, group);
    List<JsonNode> webhooks = newWebhooks(executed, SEED_CREATE);
    newWebhooks(sibling, SEED_CREATE);

    empty(execute(capability(webhooks.get(0))), 202);
    empty(execute(capability(webhooks.get(1))), 202);

    assertThat(executions(executed)).isEqualTo(2);
    assertThat(executions(sibling)).isZero();
    assertThat(operatorPolicy(sibling).get("last_executed_at").isNull()).isTrue();
  }

  @Test
  void aCapabilityIgnoresAnyTokenBodyOrContentType() {
    Policy p = policy();
    String capability = capability(newWebhook(p));

    empty(send("POST", capability, "unknown-token", null, null), 202);
    empty(send("POST", capability, p.tenant().observer(), JSON_TYPE, "{\"x\":1}"), 202);
    empty(send("POST", capability, null, "text/plain", "scale up"), 202);

    assertThat(executions(p)).isEqualTo(3);
  }

  @Test
  void unknownAndMalformedCapabilitiesAreAcceptedAndDoNothing() {
    Policy p = policy();
    String hash = hashOf(capability(newWebhook(p)));
    String unknown = "0".repeat(64);

    for (String path :
        List.of(
            "/v1.0/execute/1/" + unknown + "/",
            "/v1.0/execute/1/" + unknown,
            "/v1.0/execute/1/0077882e9626d83ef30e1ca379c8654d86cd34df3cd49ac8da72174668315fe8/",
            "/v1.0/execute/1/xyz",
            "/v1.0/execute/1/xyz/",
            "/v1.0/execute/1/" + hash.substring(1),
            "/v1.0/execute/1/" + hash + "0",
            "/v1.0/execute/9/" + hash + "/",
            "/v1.0/execute/9/" + hash,
            "/v1.0/execute/2/" + hash,
            "/v1.0/execute/one/" + hash)) {
      empty(execute(path), 202);
    }

    assertThat(executions(p)).isZero();
    assertThat(operatorPolicy(p).get("last_executed_at").isNull()).isTrue();
  }

  @Test
  void aDeletedWebhooksCapabilityDoesNothing() {
    Policy p = policy();
    JsonNode webhook = newWebhook(p);
    empty(execute(capability(webhook)), 202);

    empty(delete(p, webhook.get("id").asString()), 204);
    empty(execute(capability(webhook)), 202);

    assertThat(executions(p)).isEqualTo(1);
  }

  @Test
  void capabilityHashesAreDistinct() {
    Tenant t = tenant();
    String group = group(t);
    Policy first = policy(t, group);
    Policy second = policy(t, group);
    List<JsonNode> webhooks = new ArrayList<>(newWebhooks(first, namedWebhooks(25)));
    webhooks.addAll(newWebhooks(second, namedWebhooks(25)));

    Set<String> hashes = new HashSet<>();
    for (JsonNode webhook : webhooks) {
      hashes.add(hashOf(capability(webhook)));
    }

    assertThat(hashes).hasSize(50).allMatch(hash -> hash.matches(HASH));
  }

  @Test
  void aMethodOtherThanPostOnACapabilityIsAnInvalidMethodAndDoesNothing() {
    Policy p = policy();
    String capability = capability(newWebhook(p));

    invalidMethod(send("GET", capability, null, null, null), "POST");
    invalidMethod(send("PUT", capability, null, JSON_TYPE, "{}"), "POST");
    invalidMethod(send("DELETE", capability, null, null, null), "POST");
    invalidMethod(send("PATCH", capability, null, JSON_TYPE, "{}"), "POST");
    String path = pathOf(capability);
    invalidMethod(send("GET", path.substring(0, path.length() - 1), null, null, null), "POST");

    assertThat(executions(p)).isZero();
  }

  // Deleting what webhooks live in

  @Test
  void deletingThePolicyDeletesItsWebhooks() {
    Tenant t = tenant();
    String group = group(t);
    Policy p = policy(t, group);
    Policy sibling = policy(t, group);
    List<JsonNode> webhooks = newWebhooks(p, SEED_CREATE);
    String id = webhooks.get(0).get("id").asString();
    newWebhook(sibling);

    operator("DELETE", p.operatorPath(), null, 204);

    error(list(p, ""), 404, "NoSuchPolicyError");
    error(get(p, id), 404, "NoSuchPolicyError");
    error(replace(p, id, "{\"name\":\"x\",\"metadata\":{}}"), 404, "NoSuchPolicyError");
    error(delete(p, id), 404, "NoSuchPolicyError");
    error(create(p, "[{\"name\":\"x\"}]"), 404, "NoSuchPolicyError");
    empty(execute(capability(webhooks.get(0))), 202);
    empty(execute(capability(webhooks.get(1))), 202);
    assertThat(executions(sibling)).isZero();
    // The sibling's webhook is still there.
    assertThat(ids(ok(list(sibling, "")))).hasSize(1);
  }

  @Test
  void aNewPolicyDoesNotInheritTheWebhooksOrCapabilitiesOfADeletedOne() {
    Tenant t = tenant();
    String group = group(t);
    Policy p = policy(t, group);
    List<JsonNode> webhooks = newWebhooks(p, namedWebhooks(25));
    operator("DELETE", p.operatorPath(), null, 204);

    Policy next = policy(t, group);
    for (JsonNode webhook : webhooks) {
      empty(execute(capability(webhook)), 202);
    }

    assertThat(executions(next)).isZero();
    assertThat(ids(ok(list(next, "")))).isEmpty();
    assertThat(newWebhooks(next, namedWebhooks(25))).hasSize(25);
  }

  @Test
  void deletingTheGroupDeletesItsWebhooks() {
    Tenant t = tenant();
    String group = group(t);
    Policy p = policy(t, group);
    JsonNode webhook = newWebhook(p);
    String id = webhook.get("id").asString();

    operator("DELETE", TENANTS + "/" + t.id() + "/groups/" + group, null, 204);

    error(list(p, ""), 404, "NoSuchScalingGroupError");
    error(get(p, id), 404, "NoSuchScalingGroupError");
    error(delete(p, id), 404, "NoSuchScalingGroupError");
    empty(execute(capability(webhook)), 202);
  }

  /** A body template with single quotes and NAME257, VALUE257, KEY257 placeholders. */
  private static String body(String template) {
    return json(template)
        .replace("NAME257", LONG)
        .replace("VALUE257", LONG)
        .replace("KEY257", "k" + LONG.substring(1));
  }
}
