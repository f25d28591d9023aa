package io.hookwire.contract.operator;

import static io.hookwire.contract.operator.Problems.expect;
import static io.hookwire.contract.operator.Problems.expectNotFound;
import static io.hookwire.contract.operator.Problems.pointers;
import static io.hookwire.contract.operator.Provision.tenants;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookwire.client.autoscale.model.Link;
import io.hookwire.client.autoscale.model.Webhook;
import io.hookwire.client.operator.model.Problem;
import io.hookwire.client.operator.model.ScalingPolicy;
import io.hookwire.client.operator.model.ScalingPolicyCreate;
import io.hookwire.client.operator.model.TenantTokenRole;
import io.hookwire.contract.support.Fixtures;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/** Scaling policies of a group: create, get with executions, list, delete, UUID ids. */
class ScalingPoliciesContractTest {

  // A tenant with a group, fresh for each test (JUnit makes an instance per test).
  private final String tenant = Provision.tenant();
  private final UUID group = Provision.group(tenant);

  private String policies() {
    return "/operator/v1/tenants/" + tenant + "/groups/" + group + "/policies";
  }

  @Test
  void createAnswers201WithARandomUuidNoExecutionsAndAnAbsoluteLocation() {
    ResponseEntity<ScalingPolicy> created =
        tenants()
            .createScalingPolicyWithHttpInfo(
                tenant, group, new ScalingPolicyCreate().name("Scale up by one"));

    ScalingPolicy policy = created.getBody();
    assertThat(policy.getId().version()).as("a random UUID").isEqualTo(4);
    assertThat(policy.getGroupId()).isEqualTo(group);
    assertThat(policy.getName()).isEqualTo("Scale up by one");
    assertThat(policy.getExecutions()).isZero();
    assertThat(policy.getLastExecutedAt()).isNull();
    Provision.assertCreated(created, policy.getCreatedAt(), policies() + "/" + policy.getId());
  }

  @ParameterizedTest(name = "name of {0} characters")
  @ValueSource(ints = {0, 257})
  void aNameOfNoneOrOver256CharactersIs422AtItsPointer(int length) {
    Problem problem =
        expect(
            422,
            () ->
                tenants()
                    .createScalingPolicy(
                        tenant, group, new ScalingPolicyCreate().name("p".repeat(length))));

    assertThat(pointers(problem)).containsOnly("/name");
  }

  @Test
  void aBlankNameIs422AtItsPointer() {
    ScalingPolicyCreate blank = new ScalingPolicyCreate().name("\t");

    Problem problem = expect(422, () -> tenants().createScalingPolicy(tenant, group, blank));

    assertThat(pointers(problem)).containsOnly("/name");
  }

  @Test
  void aNameOf256CharactersIsAccepted() {
    String name = "p".repeat(256);

    assertThat(
            tenants()
                .createScalingPolicy(tenant, group, new ScalingPolicyCreate().name(name))
                .getName())
        .isEqualTo(name);
  }

  @Test
  void getAndListShowPoliciesAsCreatedAndNoneOfAnotherGroup() {
    Provision.policy(tenant, Provision.group(tenant));
    ScalingPolicy first =
        tenants().createScalingPolicy(tenant, group, new ScalingPolicyCreate().name("up"));
    ScalingPolicy second =
        tenants().createScalingPolicy(tenant, group, new ScalingPolicyCreate().name("down"));

    assertThat(tenants().getScalingPolicy(tenant, group, first.getId())).isEqualTo(first);
    assertThat(tenants().listScalingPolicies(tenant, group).getItems())
        .containsExactly(first, second);
  }

  @Test
  void getAndListCountTheExecutionsOfThePolicysCapabilityUrls() {
    UUID policy = Provision.policy(tenant, group);
    String admin = Provision.tenantToken(tenant, TenantTokenRole.ADMIN);
    Webhook webhook = Provision.webhook(admin, tenant, group, policy);
    Map<Link.RelEnum, URI> links =
        webhook.getLinks().stream().collect(Collectors.toMap(Link::getRel, Link::getHref));
    // ["", "v1.0", "execute", version, hash]
    String[] segments = links.get(Link.RelEnum.CAPABILITY).getPath().split("/");

    Fixtures.autoscale(admin).capabilities().executeCapability(segments[3], segments[4]);
    Fixtures.autoscale(admin).capabilities().executeCapability(segments[3], segments[4]);

    ScalingPolicy executed = tenants().getScalingPolicy(tenant, group, policy);
    assertThat(executed.getExecutions()).isEqualTo(2);
    Provision.assertJustNow(executed.getLastExecutedAt());
    assertThat(tenants().listScalingPolicies(tenant, group).getItems()).containsExactly(executed);
  }

  @Test
  void aPolicyOfAnotherGroupOrUnknownIs404NamingIt() {
    UUID foreign = Provision.policy(tenant, Provision.group(tenant));

    for (UUID policy : new UUID[] {foreign, UUID.randomUUID()}) {
      String id = policy.toString();
      expectNotFound("Policy", id, () -> tenants().getScalingPolicy(tenant, group, policy));
      expectNotFound("Policy", id, () -> tenants().deleteScalingPolicy(tenant, group, policy));
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"GET", "DELETE"})
  void aPolicyIdThatIsNotAUuidIs400(String method) {
    // The generated client types policy ids as UUIDs: only raw HTTP can send another.
    JsonNode problem = Problems.expect(400, Provision.raw(method, policies() + "/scale-up", ""));

    assertThat(problem.path("detail").asString()).contains("policyId");
  }

  @Test
  void deleteRemovesThePolicyWithItsWebhooksAndLeavesTheOthers() {
    UUID deleted = Provision.policy(tenant, group);
    UUID kept = Provision.policy(tenant, group);
    String admin = Provision.tenantToken(tenant, TenantTokenRole.ADMIN);
    Webhook webhook = Provision.webhook(admin, tenant, group, deleted);

    tenants().deleteScalingPolicy(tenant, group, deleted);

    String id = deleted.toString();
    expectNotFound("Policy", id, () -> tenants().getScalingPolicy(tenant, group, deleted));
    expectNotFound("Policy", id, () -> tenants().deleteScalingPolicy(tenant, group, deleted));
    assertThat(tenants().listScalingPolicies(tenant, group).getItems())
        .extracting(ScalingPolicy::getId)
        .containsExactly(kept);
    assertThat(
            Provision.statusOf(
                () ->
                    Fixtures.autoscale(admin)
                        .webhooks()
                        .getWebhook(
                            tenant,
                            group.toString(),
                            deleted.toString(),
                            webhook.getId().toString())))
        .isEqualTo(404);
    assertThat(Provision.listWebhooks(admin, tenant, group, kept)).isEqualTo(200);
  }
}
