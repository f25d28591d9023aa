package io.hookwire.contract.autoscale;

import static io.hookwire.contract.autoscale.AutoscaleContract.HASH;
import static io.hookwire.contract.autoscale.AutoscaleContract.OVERSIZED;
import static io.hookwire.contract.autoscale.AutoscaleContract.QUOTA;
import static io.hookwire.contract.autoscale.AutoscaleContract.admin;
import static io.hookwire.contract.autoscale.AutoscaleContract.assertError;
import static io.hookwire.contract.autoscale.AutoscaleContract.capabilityHash;
import static io.hookwire.contract.autoscale.AutoscaleContract.chunked;
import static io.hookwire.contract.autoscale.AutoscaleContract.collection;
import static io.hookwire.contract.autoscale.AutoscaleContract.createNumbered;
import static io.hookwire.contract.autoscale.AutoscaleContract.link;
import static io.hookwire.contract.autoscale.AutoscaleContract.list;
import static io.hookwire.contract.autoscale.AutoscaleContract.named;
import static io.hookwire.contract.autoscale.AutoscaleContract.refused;
import static io.hookwire.contract.autoscale.AutoscaleContract.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookwire.client.autoscale.model.ErrorType;
import io.hookwire.client.autoscale.model.Link;
import io.hookwire.client.autoscale.model.Webhook;
import io.hookwire.client.autoscale.model.WebhookCreate;
import io.hookwire.contract.support.Fixtures;
import io.hookwire.contract.support.Fixtures.Tenant;
import io.hookwire.contract.support.RawHttp;
import io.hookwire.contract.support.RawHttp.Answer;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** POST on a policy's webhooks collection: what is created, and which bodies are refused. */
class WebhooksCreateContractTest {

  private Tenant tenant;

  @BeforeEach
  void provision() {
    tenant = Fixtures.newTenant();
  }

  @Test
  void createsWebhooksInRequestOrderWithLocationOfTheCollection() {
    var response =
        admin(tenant)
            .createWebhooksWithHttpInfo(
                tenant.id(),
                tenant.groupId(),
                tenant.policyId(),
                List.of(
                    named("zulu").metadata(Map.of("notes", "first")),
                    named("alpha"),
                    named("mike")));

    assertThat(response.getStatusCode().value()).isEqualTo(201);
    List<Webhook> created = response.getBody().getWebhooks();
    assertThat(created).extracting(Webhook::getName).containsExactly("zulu", "alpha", "mike");
    assertThat(created.get(0).getMetadata()).containsExactlyEntriesOf(Map.of("notes", "first"));
    URI location = response.getHeaders().getLocation();
    assertThat(location).isNotNull();
    assertThat(location.isAbsolute()).isTrue();
    assertThat(location.getPath()).matches(Pattern.quote(collection(tenant)) + "/?");
    assertThat(list(tenant))
        .extracting(Webhook::getId)
        .containsExactlyInAnyOrderElementsOf(created.stream().map(Webhook::getId).toList());
    Answer listed = send(RawHttp.request("GET", location.getPath()).authToken(tenant.adminToken()));
    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.json().path("webhooks")).hasSize(3);
  }

  @Test
  void acceptsJsonWithACharset() {
    Answer answer =
        send(
            post(collection(tenant))
                .body("application/json; charset=utf-8", "[{\"name\": \"charset\"}]"));

    assertThat(answer.status()).isEqualTo(201);
    assertThat(list(tenant)).extracting(Webhook::getName).containsExactly("charset");
  }

  @Test
  void metadataDefaultsToEmptyAndIsAlwaysReturned() {
    Webhook created = AutoscaleContract.create(tenant, "no metadata").get(0);

    assertThat(created.getMetadata()).isEmpty();
    Webhook read =
        admin(tenant)
            .getWebhook(
                tenant.id(), tenant.groupId(), tenant.policyId(), created.getId().toString())
            .getWebhook();
    assertThat(read.getMetadata()).isEmpty();
    // The raw body has the member itself, not just a client default.
    Answer raw =
        send(
            RawHttp.request("GET", collection(tenant) + "/" + created.getId())
                .authToken(tenant.adminToken()));
    assertThat(raw.json().path("webhook").path("metadata").isObject()).isTrue();
    assertThat(raw.json().path("webhook").path("metadata").size()).isZero();
  }

  @Test
  void eachWebhookHasAbsoluteSelfThenCapabilityLinks() {
    List<Webhook> created = AutoscaleContract.create(tenant, "one", "two");

    for (Webhook webhook : created) {
      assertThat(webhook.getLinks())
          .extracting(Link::getRel)
          .containsExactly(Link.RelEnum.SELF, Link.RelEnum.CAPABILITY);
      URI self = link(webhook, Link.RelEnum.SELF);
      URI capability = link(webhook, Link.RelEnum.CAPABILITY);
      assertThat(self.isAbsolute()).isTrue();
      assertThat(capability.isAbsolute()).isTrue();
      assertThat(self.getPath()).isEqualTo(collection(tenant) + "/" + webhook.getId() + "/");
      assertThat(capability.getPath()).matches("/v1\\.0/execute/1/[0-9a-f]{64}/");
      assertThat(capabilityHash(webhook)).matches(HASH);
    }
    assertThat(created).extracting(AutoscaleContract::capabilityHash).doesNotHaveDuplicates();
    assertThat(created).extracting(Webhook::getId).doesNotHaveDuplicates();
  }

  @Test
  void theSelfLinkLeadsToTheWebhook() {
    Webhook created = AutoscaleContract.create(tenant, "follow me").get(0);

    Answer answer =
        send(
            RawHttp.request("GET", link(created, Link.RelEnum.SELF).getPath())
                .authToken(tenant.adminToken()));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().path("webhook").path("id").asString())
        .isEqualTo(created.getId().toString());
  }

  @Test
  void acceptsNamesAndMetadataAtTheirLimits() {
    String name256 = "n".repeat(256);
    Map<String, String> metadata =
        Map.of(
            "k".repeat(256),
            "v".repeat(256),
            "",
            "empty key",
            "empty value",
            "",
            "ünïcødé ✓",
            "line\nbreak \"quoted\"");

    Webhook created =
        admin(tenant)
            .createWebhooks(
                tenant.id(),
                tenant.groupId(),
                tenant.policyId(),
                List.of(named(name256).metadata(metadata), named(" padded  name ")))
            .getWebhooks()
            .get(0);

    assertThat(created.getName()).isEqualTo(name256);
    assertThat(created.getMetadata()).containsExactlyInAnyOrderEntriesOf(metadata);
    assertThat(
            admin(tenant)
                .getWebhook(
                    tenant.id(), tenant.groupId(), tenant.policyId(), created.getId().toString())
                .getWebhook())
        .isEqualTo(created);
    assertThat(list(tenant)).extracting(Webhook::getName).contains(" padded  name ");
  }

  @Test
  void duplicateNamesAreAllowed() {
    List<Webhook> created = AutoscaleContract.create(tenant, "same", "same");

    assertThat(created).extracting(Webhook::getName).containsExactly("same", "same");
    assertThat(created.get(0).getId()).isNotEqualTo(created.get(1).getId());
  }

  @Test
  void aHundredWebhooksAreAValidBodyHeldToTheQuota() {
    List<WebhookCreate> hundred = IntStream.range(0, 100).mapToObj(i -> named("w" + i)).toList();

    if (QUOTA >= 100) {
      assertThat(
              admin(tenant)
                  .createWebhooks(tenant.id(), tenant.groupId(), tenant.policyId(), hundred)
                  .getWebhooks())
          .hasSize(100);
    } else {
      refused(
          422,
          ErrorType.WEBHOOK_OVER_LIMITS_ERROR,
          () ->
              admin(tenant)
                  .createWebhooks(tenant.id(), tenant.groupId(), tenant.policyId(), hundred));
      assertThat(list(tenant)).isEmpty();
    }
  }

  /** Create bodies that are not JSON, then JSON of the wrong shape, with the error each is. */
  static Stream<Arguments> refusedBodies() {
    return AutoscaleContract.refusedBodies(
        List.of(
            "{",
            "not json",
            "[{\"name\": \"x\"}",
            "[{\"name\": \"x\"},]",
            "{\"name\":",
            "[{'name': 'x'}]",
            "{'name': 'x', 'metadata': {}}",
            "",
            " ",
            "\n"),
        List.of(
            "{\"name\": \"an object, not a list\"}",
            "\"a string\"",
            "42",
            "null",
            "[]",
            "[null]",
            "[\"name\"]",
            "[{}]",
            "[{\"metadata\": {}}]",
            "[{\"name\": null}]",
            "[{\"name\": 7}]",
            "[{\"name\": true}]",
            "[{\"name\": [\"x\"]}]",
            "[{\"name\": {\"x\": \"y\"}}]",
            "[{\"name\": \"\"}]",
            "[{\"name\": \"   \"}]",
            "[{\"name\": \"\\t\\n\"}]",
            "[{\"name\": \"ok\", \"metadata\": null}]",
            "[{\"name\": \"ok\", \"metadata\": []}]",
            "[{\"name\": \"ok\", \"metadata\": \"notes\"}]",
            "[{\"name\": \"ok\", \"metadata\": {\"notes\": 1}}]",
            "[{\"name\": \"ok\", \"metadata\": {\"notes\": null}}]",
            "[{\"name\": \"ok\", \"metadata\": {\"notes\": {\"deep\": \"x\"}}}]",
            "[{\"name\": \"ok\", \"metadata\": {\"notes\": true}}]",
            "[{\"name\": \"ok\", \"metadata\": {\"notes\": [\"v\"]}}]",
            // Unknown properties
            "[{\"name\": \"x\", \"url\": \"https://example.com\"}]",
            "[{\"name\": \"x\", \"id\": \"152054a3-e0ab-445b-941d-9f8e360c9eed\"}]",
            "[{\"name\": \"x\", \"links\": []}]",
            "[{\"name\": \"x\", \"Name\": \"y\"}]"));
  }

  @ParameterizedTest(name = "{1}: {0}")
  @MethodSource("refusedBodies")
  void aBodyThatIsNotJsonOrOfTheWrongShapeIsRefusedAndCreatesNothing(String body, String type) {
    assertError(send(post(collection(tenant)).json(body)), 400, type);

    assertThat(list(tenant)).isEmpty();
  }

  @Test
  void nameAndMetadataOverTheirLimitsAreValidationError() {
    for (String body :
        List.of(
            webhook("n".repeat(257), "{}"),
            webhook("ok", "{\"" + "k".repeat(257) + "\": \"v\"}"),
            webhook("ok", "{\"k\": \"" + "v".repeat(257) + "\"}"),
            "[{\"name\": \"ok\"}, "
                + webhook("ok", "{\"k\": \"" + "v".repeat(257) + "\"}").substring(1))) {
      assertError(send(post(collection(tenant)).json(body)), 400, "ValidationError");
    }
    assertThat(list(tenant)).isEmpty();
  }

  @Test
  void moreThanAHundredWebhooksIsValidationErrorNotOverLimits() {
    assertError(send(post(collection(tenant)).json(hundredAndOne())), 400, "ValidationError");
    assertThat(list(tenant)).isEmpty();
  }

  @Test
  void oneInvalidItemRefusesTheWholeRequest() {
    String body = "[{\"name\": \"good\"}, {\"name\": \"\"}, {\"name\": \"also good\"}]";

    assertError(send(post(collection(tenant)).json(body)), 400, "ValidationError");
    assertThat(list(tenant)).isEmpty();
  }

  @Test
  void aBodyOverOneMebibyteIsValidationError() {
    String body = webhook("big", "{\"notes\": \"" + "x".repeat(OVERSIZED) + "\"}");

    assertError(send(post(collection(tenant)).json(body)), 400, "ValidationError");
    assertError(
        send(chunked("POST", collection(tenant), tenant.adminToken(), body)),
        400,
        "ValidationError");
    assertThat(list(tenant)).isEmpty();
  }

  @Test
  void theBodyIsValidatedBeforeTheGroupAndPolicyAreLookedUp() {
    String missingGroup = collection(tenant.id(), UUID.randomUUID().toString(), tenant.policyId());
    String missingPolicy = collection(tenant.id(), tenant.groupId(), UUID.randomUUID().toString());

    for (String path : List.of(missingGroup, missingPolicy)) {
      for (String body :
          List.of(
              "[]",
              "[{}]",
              "[{\"name\": \"\"}]",
              "[{\"name\": 5}]",
              "{\"name\": \"x\"}",
              "[{\"name\": \"x\", \"url\": \"https://example.com\"}]",
              webhook("n".repeat(257), "{}"),
              webhook("ok", "{\"k\": \"" + "v".repeat(257) + "\"}"),
              hundredAndOne())) {
        assertError(send(post(path).json(body)), 400, "ValidationError");
      }
      assertError(send(post(path).json("[{")), 400, "InvalidJsonError");
    }
  }

  @Test
  void capabilityHashesAreDistinctAcrossPolicies() {
    List<Webhook> webhooks = new ArrayList<>(createNumbered(tenant, "first", QUOTA));
    webhooks.addAll(
        admin(tenant)
            .createWebhooks(
                tenant.id(),
                tenant.groupId(),
                tenant.otherPolicyId(),
                IntStream.range(0, QUOTA).mapToObj(i -> named("second-" + i)).toList())
            .getWebhooks());

    assertThat(webhooks)
        .extracting(AutoscaleContract::capabilityHash)
        .hasSize(2 * QUOTA)
        .doesNotHaveDuplicates()
        .allMatch(hash -> HASH.matcher(hash).matches());
  }

  private RawHttp post(String path) {
    return RawHttp.request("POST", path).authToken(tenant.adminToken());
  }

  private static String hundredAndOne() {
    return IntStream.range(0, 101)
        .mapToObj(i -> "{\"name\": \"w" + i + "\"}")
        .collect(Collectors.joining(",", "[", "]"));
  }

  /** A one-webhook create body with that name and raw metadata JSON. */
  private static String webhook(String name, String metadataJson) {
    return "[{\"name\": \"" + name + "\", \"metadata\": " + metadataJson + "}]";
  }
}
