package io.hookwire.contract.autoscale;

import static io.hookwire.contract.autoscale.AutoscaleContract.OVERSIZED;
import static io.hookwire.contract.autoscale.AutoscaleContract.admin;
import static io.hookwire.contract.autoscale.AutoscaleContract.assertError;
import static io.hookwire.contract.autoscale.AutoscaleContract.capabilityHash;
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
import io.hookwire.contract.support.Fixtures;
import io.hookwire.contract.support.Fixtures.Tenant;
import io.hookwire.contract.support.RawHttp;
import io.hookwire.contract.support.RawHttp.Answer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
  void replaceAnswersWithAnEmptyBody() {
    Answer answer =
        send(
            RawHttp.request("PUT", webhookPath(tenant, id()))
                .authToken(tenant.adminToken())
                .json("{\"name\": \"raw\", \"metadata\": {}}"));

    assertThat(answer.status()).isEqualTo(204);
    assertThat(answer.body()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "{\"name\": \"only a name\"}",
        "{\"metadata\": {}}",
        "{}",
        "[{\"name\": \"x\", \"metadata\": {}}]",
        "\"x\"",
        "null",
        "{\"name\": null, \"metadata\": {}}",
        "{\"name\": \"x\", \"metadata\": null}",
        "{\"name\": 1, \"metadata\": {}}",
        "{\"name\": \"\", \"metadata\": {}}",
        "{\"name\": \"  \", \"metadata\": {}}",
        "{\"name\": \"x\", \"metadata\": {\"k\": 1}}",
        "{\"name\": \"x\", \"metadata\": {\"k\": null}}",
        "{\"name\": \"x\", \"metadata\": {}, \"url\": \"https://example.com\"}",
        "{\"name\": \"x\", \"metadata\": {}, \"id\": \"152054a3-e0ab-445b-941d-9f8e360c9eed\"}"
      })
  void aReplacementOfTheWrongShapeIsValidationErrorAndChangesNothing(String body) {
    assertError(send(put(webhookPath(tenant, id())).json(body)), 400, "ValidationError");

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
    assertThat(get()).isEqualTo(webhook);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"{", "name=x", "{\"name\": \"x\", \"metadata\": {}", ""})
  void aReplacementThatIsNotJsonIsInvalidJsonError(String body) {
    assertError(send(put(webhookPath(tenant, id())).json(body)), 400, "InvalidJsonError");

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
  void replaceReportsTheGroupFirstThenThePolicyThenTheWebhook() {
    String unknown = UUID.randomUUID().toString();
    WebhookReplace body = new WebhookReplace().name("x").metadata(Map.of());

    for (String group : List.of(unknown, "not-a-uuid")) {
      refused(
          404,
          ErrorType.NO_SUCH_SCALING_GROUP_ERROR,
          () -> admin(tenant).replaceWebhook(tenant.id(), group, unknown, unknown, body));
    }
    for (String policy : List.of(unknown, "not-a-uuid")) {
      refused(
          404,
          ErrorType.NO_SUCH_POLICY_ERROR,
          () -> admin(tenant).replaceWebhook(tenant.id(), tenant.groupId(), policy, id(), body));
    }
    for (String webhookId : List.of(unknown, "not-a-uuid")) {
      refused(
          404,
          ErrorType.NO_SUCH_WEBHOOK_ERROR,
          () ->
              admin(tenant)
                  .replaceWebhook(
                      tenant.id(), tenant.groupId(), tenant.policyId(), webhookId, body));
    }
    refused(
        404,
        ErrorType.NO_SUCH_WEBHOOK_ERROR,
        () ->
            admin(tenant)
                .replaceWebhook(tenant.id(), tenant.groupId(), tenant.otherPolicyId(), id(), body));
    assertThat(get()).isEqualTo(webhook);
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
  void deleteAnswersWithAnEmptyBody() {
    Answer answer =
        send(RawHttp.request("DELETE", webhookPath(tenant, id())).authToken(tenant.adminToken()));

    assertThat(answer.status()).isEqualTo(204);
    assertThat(answer.body()).isEmpty();
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
  void deleteReportsTheGroupFirstThenThePolicyThenTheWebhook() {
    String unknown = UUID.randomUUID().toString();

    for (String group : List.of(unknown, "not-a-uuid")) {
      refused(
          404,
          ErrorType.NO_SUCH_SCALING_GROUP_ERROR,
          () -> admin(tenant).deleteWebhook(tenant.id(), group, tenant.policyId(), id()));
    }
    for (String policy : List.of(unknown, "not-a-uuid")) {
      refused(
          404,
          ErrorType.NO_SUCH_POLICY_ERROR,
          () -> admin(tenant).deleteWebhook(tenant.id(), tenant.groupId(), policy, unknown));
    }
    for (String webhookId : List.of(unknown, "not-a-uuid")) {
      refused(
          404,
          ErrorType.NO_SUCH_WEBHOOK_ERROR,
          () ->
              admin(tenant)
                  .deleteWebhook(tenant.id(), tenant.groupId(), tenant.policyId(), webhookId));
    }
    refused(
        404,
        ErrorType.NO_SUCH_WEBHOOK_ERROR,
        () ->
            admin(tenant)
                .deleteWebhook(tenant.id(), tenant.groupId(), tenant.otherPolicyId(), id()));
    assertThat(get()).isEqualTo(webhook);
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
    executeAccepted(executePath(capabilityHash(webhook)));
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
