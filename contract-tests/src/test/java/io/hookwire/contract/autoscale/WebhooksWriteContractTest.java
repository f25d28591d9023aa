package io.hookwire.contract.autoscale;

import static io.hookwire.contract.autoscale.AutoscaleContract.OVERSIZED;
import static io.hookwire.contract.autoscale.AutoscaleContract.QUOTA;
import static io.hookwire.contract.autoscale.AutoscaleContract.admin;
import static io.hookwire.contract.autoscale.AutoscaleContract.assertEmpty;
import static io.hookwire.contract.autoscale.AutoscaleContract.assertError;
import static io.hookwire.contract.autoscale.AutoscaleContract.capabilityHash;
import static io.hookwire.contract.autoscale.AutoscaleContract.chunked;
import static io.hookwire.contract.autoscale.AutoscaleContract.createNumbered;
import static io.hookwire.contract.autoscale.AutoscaleContract.executeAccepted;
import static io.hookwire.contract.autoscale.AutoscaleContract.executePath;
import static io.hookwire.contract.autoscale.AutoscaleContract.executions;
import static io.hookwire.contract.autoscale.AutoscaleContract.list;
import static io.hookwire.contract.autoscale.AutoscaleContract.refused;
import static io.hookwire.contract.autoscale.AutoscaleContract.send;
import static io.hookwire.contract.autoscale.AutoscaleContract.webhookPath;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookwire.client.autoscale.model.ErrorType;
import io.hookwire.client.autoscale.model.Webhook;
import io.hookwire.client.autoscale.model.WebhookCreate;
import io.hookwire.client.autoscale.model.WebhookReplace;
import io.hookwire.client.operator.model.ScalingPolicyCreate;
import io.hookwire.contract.support.Fixtures;
import io.hookwire.contract.support.Fixtures.Tenant;
import io.hookwire.contract.support.RawHttp;
import io.hookwire.contract.support.RawHttp.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** PUT and DELETE of one webhook, and what deleting its policy or group does to it. */
class WebhooksWriteContractTest {

  private Tenant tenant;
  private Webhook webhook;

  @BeforeEach
  void provision() {
    tenant = Fixtures.newTenant();
    webhook =
        admin(tenant)
            .createWebhooks(
                tenant.id(),
                tenant.groupId(),
                tenant.policyId(),
                List.of(new WebhookCreate().name("before").metadata(Map.of("a", "1", "b", "2"))))
            .getWebhooks()
            .get(0);
  }

  @Test
  void replaceSetsNameAndMetadataWholeAndAnswers204() {
    Webhook other = AutoscaleContract.create(tenant, "untouched").get(0);

    var response =
        admin(tenant)
            .replaceWebhookWithHttpInfo(
                tenant.id(),
                tenant.groupId(),
                tenant.policyId(),
                id(),
                new WebhookReplace().name("after").metadata(Map.of("c", "3")));

    assertThat(response.getStatusCode().value()).isEqualTo(204);
    assertThat(response.getBody()).isNull();
    Webhook read = get();
    assertThat(read.getName()).isEqualTo("after");
    assertThat(read.getMetadata()).containsExactlyEntriesOf(Map.of("c", "3"));
    assertThat(list(tenant)).contains(other);
  }

  @Test
  void aReplacementAtTheLimitsIsAccepted() {
    String name256 = "n".repeat(256);
    Map<String, String> metadata = Map.of("k".repeat(256), "v".repeat(256), "", "");

    replace(new WebhookReplace().name(name256).metadata(metadata));

    assertThat(get().getName()).isEqualTo(name256);
    assertThat(get().getMetadata()).containsExactlyInAnyOrderEntriesOf(metadata);
  }

  @Test
  void replaceWithEmptyMetadataClearsIt() {
    replace(new WebhookReplace().name("before").metadata(Map.of()));

    assertThat(get().getMetadata()).isEmpty();
  }

  @Test
  void replaceNeverChangesTheIdOrTheLinks() {
    replace(new WebhookReplace().name("renamed").metadata(Map.of("x", "y")));
    replace(new WebhookReplace().name("renamed again").metadata(Map.of()));

    Webhook read = get();
    assertThat(read.getId()).isEqualTo(webhook.getId());
    assertThat(read.getLinks()).isEqualTo(webhook.getLinks());
    assertThat(capabilityHash(read)).isEqualTo(capabilityHash(webhook));
  }

  @Test
  void replaceAndDeleteAnswerWithAnEmptyBody() {
    assertEmpty(
        send(put(webhookPath(tenant, id())).json("{\"name\": \"raw\", \"metadata\": {}}")), 204);
    assertEmpty(
        send(RawHttp.request("DELETE", webhookPath(tenant, id())).authToken(tenant.adminToken())),
        204);
  }

  /** Replacements that are not JSON, then JSON of the wrong shape, with the error each is. */
  static Stream<Arguments> refusedBodies() {
    return AutoscaleContract.refusedBodies(
        List.of(
            "{",
            "[{",
            "name=x",
            "{\"name\": \"x\", \"metadata\": {}",
            "{\"name\": \"x\", \"metadata\": {},}",
            "{'name': 'x', 'metadata': {}}",
            "",
            " ",
            "\n"),
        List.of(
            "{\"name\": \"only a name\"}",
            "{\"metadata\": {}}",
            "{}",
            "[{\"name\": \"x\", \"metadata\": {}}]",
            "\"x\"",
            "null",
            "{\"name\": null, \"metadata\": {}}",
            "{\"name\": \"x\", \"metadata\": null}",
            "{\"name\": \"x\", \"metadata\": \"x\"}",
            "{\"name\": \"x\", \"metadata\": {\"k\": {}}}",
            "{\"name\": 1, \"metadata\": {}}",
            "{\"name\": \"\", \"metadata\": {}}",
            "{\"name\": \"  \", \"metadata\": {}}",
            "{\"name\": \"x\", \"metadata\": {\"k\": 1}}",
            "{\"name\": \"x\", \"metadata\": {\"k\": null}}",
            "{\"name\": \"x\", \"metadata\": {}, \"url\": \"https://example.com\"}",
            "{\"name\": \"x\", \"metadata\": {}, \"id\": \"152054a3-e0ab-445b-941d-9f8e360c9eed\"}"));
  }

  @ParameterizedTest(name = "{1}: {0}")
  @MethodSource("refusedBodies")
  void aReplacementThatIsNotJsonOrOfTheWrongShapeIsRefusedAndChangesNothing(
      String body, String type) {
    assertError(send(put(webhookPath(tenant, id())).json(body)), 400, type);

    assertThat(get()).isEqualTo(webhook);
  }

  @Test
  void aReplacementOverTheLimitsIsValidationError() {
    for (String body :
        List.of(
            "{\"name\": \"" + "n".repeat(257) + "\", \"metadata\": {}}",
            "{\"name\": \"x\", \"metadata\": {\"" + "k".repeat(257) + "\": \"v\"}}",
            "{\"name\": \"x\", \"metadata\": {\"k\": \"" + "v".repeat(257) + "\"}}",
            "{\"name\": \"x\", \"metadata\": {\"k\": \"" + "v".repeat(OVERSIZED) + "\"}}")) {
      assertError(send(put(webhookPath(tenant, id())).json(body)), 400, "ValidationError");
    }
    String oversized =
        "{\"name\": \"x\", \"metadata\": {\"k\": \"" + "v".repeat(OVERSIZED) + "\"}}";
    assertError(
        send(chunked("PUT", webhookPath(tenant, id()), tenant.adminToken(), oversized)),
        400,
        "ValidationError");
    assertThat(get()).isEqualTo(webhook);
  }

  @Test
  void theReplacementIsValidatedBeforeAnythingIsLookedUp() {
    String unknown = UUID.randomUUID().toString();
    List<String> missing =
        List.of(
            AutoscaleContract.collection(tenant.id(), unknown, tenant.policyId()) + "/" + id(),
            AutoscaleContract.collection(tenant.id(), tenant.groupId(), unknown) + "/" + id(),
            webhookPath(tenant, unknown));

    for (String path : missing) {
      assertError(send(put(path).json("{\"name\": \"x\"}")), 400, "ValidationError");
      assertError(send(put(path).json("{")), 400, "InvalidJsonError");
    }
  }

  @Test
  void deleteAnswers204ThenTheWebhookIsGone() {
    var response =
        admin(tenant)
            .deleteWebhookWithHttpInfo(tenant.id(), tenant.groupId(), tenant.policyId(), id());

    assertThat(response.getStatusCode().value()).isEqualTo(204);
    refused(404, ErrorType.NO_SUCH_WEBHOOK_ERROR, this::get);
    refused(404, ErrorType.NO_SUCH_WEBHOOK_ERROR, this::delete);
    refused(
        404,
        ErrorType.NO_SUCH_WEBHOOK_ERROR,
        () -> replace(new WebhookReplace().name("x").metadata(Map.of())));
    assertThat(list(tenant)).isEmpty();
  }

  @Test
  void aDeletedWebhooksCapabilityStillAnswers202ButExecutesNothing() {
    String hash = capabilityHash(webhook);
    delete();

    executeAccepted(executePath(hash));

    assertThat(executions(tenant, tenant.policyId())).isZero();
  }

  @Test
  void deleteLeavesTheOtherWebhooksAlone() {
    Webhook other = AutoscaleContract.create(tenant, "stays").get(0);

    delete();

    assertThat(list(tenant)).containsExactly(other);
  }

  @Test
  void aBodyOverOneMebibyteOnADeleteIsValidationErrorAndDeletesNothing() {
    Answer answer =
        send(
            RawHttp.request("DELETE", webhookPath(tenant, id()))
                .authToken(tenant.adminToken())
                .json("\"" + "x".repeat(OVERSIZED) + "\""));

    assertError(answer, 400, "ValidationError");
    assertThat(get()).isEqualTo(webhook);
  }

  @Test
  void deletingThePolicyDeletesItsWebhooks() {
    Webhook onOther =
        admin(tenant)
            .createWebhooks(
                tenant.id(),
                tenant.groupId(),
                tenant.otherPolicyId(),
                List.of(new WebhookCreate().name("other policy")))
            .getWebhooks()
            .get(0);

    Fixtures.operator()
        .tenants()
        .deleteScalingPolicy(
            tenant.id(), UUID.fromString(tenant.groupId()), UUID.fromString(tenant.policyId()));

    refused(404, ErrorType.NO_SUCH_POLICY_ERROR, this::get);
    refused(404, ErrorType.NO_SUCH_POLICY_ERROR, () -> list(tenant));
    refused(
        404,
        ErrorType.NO_SUCH_POLICY_ERROR,
        () -> replace(new WebhookReplace().name("x").metadata(Map.of())));
    refused(404, ErrorType.NO_SUCH_POLICY_ERROR, this::delete);
    refused(404, ErrorType.NO_SUCH_POLICY_ERROR, () -> AutoscaleContract.create(tenant, "x"));
    executeAccepted(executePath(capabilityHash(webhook)));
    assertThat(executions(tenant, tenant.otherPolicyId())).isZero();
    // The group's other policy keeps its webhook.
    assertThat(
            admin(tenant)
                .getWebhook(
                    tenant.id(),
                    tenant.groupId(),
                    tenant.otherPolicyId(),
                    onOther.getId().toString())
                .getWebhook())
        .isEqualTo(onOther);
  }

  @Test
  void aNewPolicyInheritsNeitherTheWebhooksNorTheCapabilitiesOfADeletedOne() {
    List<Webhook> full = new ArrayList<>(createNumbered(tenant, "full", QUOTA - 1));
    full.add(webhook);
    var tenants = Fixtures.operator().tenants();
    UUID group = UUID.fromString(tenant.groupId());
    tenants.deleteScalingPolicy(tenant.id(), group, UUID.fromString(tenant.policyId()));

    String next =
        tenants
            .createScalingPolicy(tenant.id(), group, new ScalingPolicyCreate().name("next"))
            .getId()
            .toString();
    for (Webhook old : full) {
      executeAccepted(executePath(capabilityHash(old)));
    }

    assertThat(executions(tenant, next)).isZero();
    var webhooks = admin(tenant);
    assertThat(webhooks.listWebhooks(tenant.id(), tenant.groupId(), next, null, null).getWebhooks())
        .isEmpty();
    List<WebhookCreate> quota =
        IntStream.range(0, QUOTA).mapToObj(i -> new WebhookCreate().name("new-" + i)).toList();
    assertThat(webhooks.createWebhooks(tenant.id(), tenant.groupId(), next, quota).getWebhooks())
        .hasSize(QUOTA);
  }

  @Test
  void deletingTheGroupDeletesItsWebhooks() {
    Fixtures.operator()
        .tenants()
        .deleteScalingGroup(tenant.id(), UUID.fromString(tenant.groupId()));

    refused(404, ErrorType.NO_SUCH_SCALING_GROUP_ERROR, this::get);
    refused(404, ErrorType.NO_SUCH_SCALING_GROUP_ERROR, () -> list(tenant));
    refused(404, ErrorType.NO_SUCH_SCALING_GROUP_ERROR, this::delete);
    executeAccepted(executePath(capabilityHash(webhook)));
  }

  private String id() {
    return webhook.getId().toString();
  }

  private Webhook get() {
    return admin(tenant)
        .getWebhook(tenant.id(), tenant.groupId(), tenant.policyId(), id())
        .getWebhook();
  }

  private void replace(WebhookReplace body) {
    admin(tenant).replaceWebhook(tenant.id(), tenant.groupId(), tenant.policyId(), id(), body);
  }

  private void delete() {
    admin(tenant).deleteWebhook(tenant.id(), tenant.groupId(), tenant.policyId(), id());
  }

  private RawHttp put(String path) {
    return RawHttp.request("PUT", path).authToken(tenant.adminToken());
  }
}
