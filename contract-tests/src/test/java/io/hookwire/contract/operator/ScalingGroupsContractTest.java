package io.hookwire.contract.operator;

import static io.hookwire.contract.operator.Problems.expect;
import static io.hookwire.contract.operator.Problems.expectNotFound;
import static io.hookwire.contract.operator.Problems.pointers;
import static io.hookwire.contract.operator.Provision.tenants;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookwire.client.autoscale.model.Webhook;
import io.hookwire.client.operator.model.Problem;
import io.hookwire.client.operator.model.ScalingGroup;
import io.hookwire.client.operator.model.ScalingGroupCreate;
import io.hookwire.client.operator.model.ScalingPolicyCreate;
import io.hookwire.client.operator.model.TenantTokenRole;
import io.hookwire.contract.support.Fixtures;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/** Scaling groups of a tenant: create, get, list, delete, and ids that are UUIDs. */
class ScalingGroupsContractTest {

  // Fresh for each test (JUnit makes an instance per test).
  private final String tenant = Provision.tenant();

  @Test
  void createAnswers201WithARandomUuidItsTenantAndAnAbsoluteLocation() {
    ResponseEntity<ScalingGroup> created =
        tenants().createScalingGroupWithHttpInfo(tenant, new ScalingGroupCreate().name("Web"));

    ScalingGroup group = created.getBody();
    assertThat(group.getId().version()).as("a random UUID").isEqualTo(4);
    assertThat(group.getTenantId()).isEqualTo(tenant);
    assertThat(group.getName()).isEqualTo("Web");
    String groups = "/operator/v1/tenants/" + tenant + "/groups";
    Provision.assertCreated(created, group.getCreatedAt(), groups + "/" + group.getId());
  }

  @Test
  void aNameOf256CharactersIsAccepted() {
    String name = "g".repeat(256);

    assertThat(tenants().createScalingGroup(tenant, new ScalingGroupCreate().name(name)).getName())
        .isEqualTo(name);
  }

  @ParameterizedTest(name = "name \"{0}\"")
  @ValueSource(strings = {"", "  ", "257"})
  void anEmptyBlankOrTooLongNameIs422AtItsPointer(String name) {
    String sent = name.equals("257") ? "g".repeat(257) : name;

    Problem problem =
        expect(
            422, () -> tenants().createScalingGroup(tenant, new ScalingGroupCreate().name(sent)));

    assertThat(pointers(problem)).containsOnly("/name");
  }

  @Test
  void getAndListShowGroupsAsCreatedAndNoneOfAnotherTenant() {
    Provision.group(Provision.tenant());
    ScalingGroup first = tenants().createScalingGroup(tenant, new ScalingGroupCreate().name("a"));
    ScalingGroup second = tenants().createScalingGroup(tenant, new ScalingGroupCreate().name("b"));

    assertThat(tenants().getScalingGroup(tenant, first.getId())).isEqualTo(first);
    assertThat(tenants().listScalingGroups(tenant).getItems()).containsExactly(first, second);
  }

  @Test
  void aGroupOfAnotherTenantOrUnknownIs404NamingIt() {
    UUID foreign = Provision.group(Provision.tenant());

    for (UUID group : new UUID[] {foreign, UUID.randomUUID()}) {
      String id = group.toString();
      UUID policy = UUID.randomUUID();
      ScalingPolicyCreate create = new ScalingPolicyCreate().name("p");
      expectNotFound("ScalingGroup", id, () -> tenants().getScalingGroup(tenant, group));
      expectNotFound("ScalingGroup", id, () -> tenants().deleteScalingGroup(tenant, group));
      expectNotFound("ScalingGroup", id, () -> tenants().listScalingPolicies(tenant, group));
      expectNotFound(
          "ScalingGroup", id, () -> tenants().createScalingPolicy(tenant, group, create));
      expectNotFound("ScalingGroup", id, () -> tenants().getScalingPolicy(tenant, group, policy));
      expectNotFound(
          "ScalingGroup", id, () -> tenants().deleteScalingPolicy(tenant, group, policy));
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "GET, /groups/web",
    "DELETE, /groups/web",
    "GET, /groups/605e13f6-1452-4588-b5da-ac6bb468c5b/policies",
    "POST, /groups/1/policies",
  })
  void aGroupIdThatIsNotAUuidIs400(String method, String path) {
    // The generated client types group ids as UUIDs: only raw HTTP can send another.
    String body = method.equals("POST") ? "{\"name\":\"p\"}" : "";

    JsonNode problem =
        Problems.expect(400, Provision.raw(method, "/operator/v1/tenants/" + tenant + path, body));

    assertThat(problem.path("detail").asString()).contains("groupId");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/groups/web", "/groups/web/policies/x"})
  void aGroupIdThatIsNotAUuidIs400EvenUnderAnUnknownTenant(String path) {
    // The path's form is checked before any id is looked up.
    String unknown = "/operator/v1/tenants/" + Provision.unusedTenantId();

    Problems.expect(400, Provision.raw("GET", unknown + path, ""));
  }

  @Test
  void deleteRemovesTheGroupWithItsPoliciesAndTheirWebhooks() {
    Fixtures.Tenant tenant = Fixtures.newTenant();
    UUID group = UUID.fromString(tenant.groupId());
    UUID policy = UUID.fromString(tenant.policyId());
    UUID keptGroup = Provision.group(tenant.id());
    Webhook webhook = Provision.webhook(tenant.adminToken(), tenant.id(), group, policy);

    tenants().deleteScalingGroup(tenant.id(), group);

    String id = group.toString();
    expectNotFound("ScalingGroup", id, () -> tenants().getScalingGroup(tenant.id(), group));
    expectNotFound("ScalingGroup", id, () -> tenants().deleteScalingGroup(tenant.id(), group));
    expectNotFound(
        "ScalingGroup", id, () -> tenants().getScalingPolicy(tenant.id(), group, policy));
    assertThat(tenants().listScalingGroups(tenant.id()).getItems())
        .extracting(ScalingGroup::getId)
        .containsExactly(keptGroup);
    assertThat(
            Provision.statusOf(
                () ->
                    Fixtures.autoscale(tenant.adminToken())
                        .webhooks()
                        .getWebhook(
                            tenant.id(),
                            group.toString(),
                            policy.toString(),
                            webhook.getId().toString())))
        .isEqualTo(404);
    // The tenant's tokens are not the group's: they keep working.
    assertThat(
            Provision.listWebhooks(
                Provision.tenantToken(tenant.id(), TenantTokenRole.OBSERVER),
                tenant.id(),
                keptGroup,
                Provision.policy(tenant.id(), keptGroup)))
        .isEqualTo(200);
  }
}
