package io.hookwire.contract.autoscale;

import static io.hookwire.contract.autoscale.AutoscaleContract.OVERSIZED;
import static io.hookwire.contract.autoscale.AutoscaleContract.admin;
import static io.hookwire.contract.autoscale.AutoscaleContract.assertError;
import static io.hookwire.contract.autoscale.AutoscaleContract.capabilityHash;
import static io.hookwire.contract.autoscale.AutoscaleContract.executeAccepted;
import static io.hookwire.contract.autoscale.AutoscaleContract.executePath;
import static io.hookwire.contract.autoscale.AutoscaleContract.executions;
import static io.hookwire.contract.autoscale.AutoscaleContract.randomHash;
import static io.hookwire.contract.autoscale.AutoscaleContract.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookwire.client.autoscale.model.Link;
import io.hookwire.client.autoscale.model.Webhook;
import io.hookwire.client.autoscale.model.WebhookReplace;
import io.hookwire.contract.support.Fixtures;
import io.hookwire.contract.support.Fixtures.Tenant;
import io.hookwire.contract.support.RawHttp;
import io.hookwire.contract.support.RawHttp.Answer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Anonymous capability execution: always 202 with an empty body, known hash or not, so that it
 * reveals nothing; a known hash counts an execution on its policy (seen through the operator API).
 * A fresh tenant for each test (JUnit makes a new instance for each).
 */
class CapabilityContractTest {

  private final Tenant tenant = Fixtures.newTenant();
  private final Webhook webhook = AutoscaleContract.create(tenant, "capable").get(0);

  @Test
  void aKnownCapabilityIsAcceptedWithoutATokenAndExecutesItsPolicy() {
    Answer answer =
        executeAccepted(AutoscaleContract.link(webhook, Link.RelEnum.CAPABILITY).getPath());

    assertThat(answer.header("Content-Type")).isEmpty();
    assertThat(executions(tenant, tenant.policyId())).isEqualTo(1);
    assertThat(executions(tenant, tenant.otherPolicyId())).isZero();
    assertThat(
            Fixtures.operator()
                .tenants()
                .getScalingPolicy(
                    tenant.id(),
                    UUID.fromString(tenant.groupId()),
                    UUID.fromString(tenant.otherPolicyId()))
                .getLastExecutedAt())
        .isNull();
  }

  @Test
  void theGeneratedClientExecutesACapability() {
    var response =
        Fixtures.autoscale(tenant.observerToken())
            .capabilities()
            .executeCapabilityWithHttpInfo("1", capabilityHash(webhook));

    assertThat(response.getStatusCode().value()).isEqualTo(202);
    assertThat(response.getBody()).isNull();
    assertThat(executions(tenant, tenant.policyId())).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"application/json", "text/plain"})
  void aBodyOfAnyMediaTypeIsIgnored(String contentType) {
    executeAccepted(
        RawHttp.request("POST", executePath(capabilityHash(webhook)))
            .body(contentType, "{\"scale\": \"up\"}"));

    assertThat(executions(tenant, tenant.policyId())).isEqualTo(1);
  }

  @Test
  void eachExecutionCounts() {
    executeAccepted(executePath(capabilityHash(webhook)));
    executeAccepted(executePath(capabilityHash(webhook)));
    executeAccepted(executePath(capabilityHash(webhook)));

    assertThat(executions(tenant, tenant.policyId())).isEqualTo(3);
  }

  @Test
  void unknownCapabilitiesAreAnsweredExactlyLikeKnownOnes() {
    String hash = capabilityHash(webhook);
    String unknown = executePath(randomHash());
    for (String path :
        List.of(
            unknown,
            unknown.substring(0, unknown.length() - 1),
            executePath("not-a-hash"),
            executePath(hash.toUpperCase()),
            executePath(hash.substring(1)),
            executePath(hash + "0"),
            "/v1.0/execute/2/" + hash + "/",
            "/v1.0/execute/9/" + hash,
            "/v1.0/execute/one/" + hash,
            "/v1.0/execute/x/y")) {
      Answer answer = executeAccepted(path);
      assertThat(answer.header("Content-Type")).isEmpty();
    }

    assertThat(executions(tenant, tenant.policyId())).isZero();
  }

  @Test
  void anyTokenOrNoneMakesNoDifference() {
    String path = executePath(capabilityHash(webhook));

    executeAccepted(RawHttp.request("POST", path).authToken("not a token at all"));
    executeAccepted(RawHttp.request("POST", path).authToken(tenant.adminToken()));
    executeAccepted(RawHttp.request("POST", path).authToken(tenant.observerToken()));

    assertThat(executions(tenant, tenant.policyId())).isEqualTo(3);
  }

  @Test
  void theCapabilityStaysTheSameAfterAReplace() {
    admin(tenant)
        .replaceWebhook(
            tenant.id(),
            tenant.groupId(),
            tenant.policyId(),
            webhook.getId().toString(),
            new WebhookReplace().name("renamed").metadata(Map.of("k", "v")));

    executeAccepted(executePath(capabilityHash(webhook)));

    assertThat(executions(tenant, tenant.policyId())).isEqualTo(1);
  }

  @Test
  void aDeletedWebhooksCapabilityExecutesNothing() {
    admin(tenant)
        .deleteWebhook(
            tenant.id(), tenant.groupId(), tenant.policyId(), webhook.getId().toString());

    executeAccepted(executePath(capabilityHash(webhook)));

    assertThat(executions(tenant, tenant.policyId())).isZero();
  }

  @Test
  void aBodyOverOneMebibyteIsValidationErrorAndExecutesNothing() {
    Answer answer =
        send(
            RawHttp.request("POST", executePath(capabilityHash(webhook)))
                .json("\"" + "x".repeat(OVERSIZED) + "\""));

    assertError(answer, 400, "ValidationError");
    assertThat(executions(tenant, tenant.policyId())).isZero();
  }
}
