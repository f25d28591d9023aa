package io.hookwire.contract.operator;

import static io.hookwire.contract.operator.Problems.expect;
import static io.hookwire.contract.operator.Problems.expectNotFound;
import static io.hookwire.contract.operator.Problems.pointers;
import static io.hookwire.contract.operator.Provision.tenants;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookwire.client.operator.model.Problem;
import io.hookwire.client.operator.model.ScalingGroupCreate;
import io.hookwire.client.operator.model.ScalingPolicyCreate;
import io.hookwire.client.operator.model.Tenant;
import io.hookwire.client.operator.model.TenantCreate;
import io.hookwire.client.operator.model.TenantTokenCreate;
import io.hookwire.client.operator.model.TenantTokenRole;
import io.hookwire.contract.support.Fixtures;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.ResponseEntity;

/** Auto Scale tenants: operator-chosen ids, get, list, delete, and 404 under an unknown tenant. */
class TenantsContractTest {

  @Test
  void createAnswers201WithTheChosenIdAndAnAbsoluteLocation() {
    String id = Provision.unusedTenantId();

    ResponseEntity<Tenant> created = tenants().createTenantWithHttpInfo(new TenantCreate().id(id));

    assertThat(created.getBody().getId()).isEqualTo(id);
    Provision.assertCreated(
        created, created.getBody().getCreatedAt(), "/operator/v1/tenants/" + id);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {"A", "Z_9-z", "0000000000000000000000000000000000000000000000000000000000000064"})
  void idsOfOneTo64LettersDigitsUnderscoresAndHyphensAreAccepted(String pattern) {
    // Made unique, keeping the pattern's characters and length.
    String id =
        pattern.length() < 40
            ? pattern + UUID.randomUUID().toString().substring(0, 8)
            : UUID.randomUUID().toString().replace("-", "") + pattern.substring(32);

    assertThat(tenants().createTenant(new TenantCreate().id(id)).getId()).isEqualTo(id);
  }

  @Test
  void anIdThatIsAlreadyATenantsIs409() {
    String id = Provision.tenant();

    Problem problem = expect(409, () -> tenants().createTenant(new TenantCreate().id(id)));

    assertThat(problem.getDetail()).contains(id);
    assertThat(pointers(problem)).containsExactly("/id");
  }

  @Test
  void theReservedIdExecuteIs422AtItsPointer() {
    Problem problem = expect(422, () -> tenants().createTenant(new TenantCreate().id("execute")));

    assertThat(pointers(problem)).containsOnly("/id");
    assertThat(problem.getErrors().get(0).getDetail())
        .isEqualTo("execute is reserved for capability URLs");
    expectNotFound("Tenant", "execute", () -> tenants().getTenant("execute"));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {
        "",
        "has space",
        "tenant.1",
        "t/1",
        "t\u00e9",
        "1234567890123456789012345678901234567890123456789012345678901234x"
      })
  void anIdBreakingThePatternIs422AtItsPointer(String id) {
    Problem problem = expect(422, () -> tenants().createTenant(new TenantCreate().id(id)));

    assertThat(pointers(problem)).containsOnly("/id");
  }

  @Test
  void getShowsTheTenantAsCreated() {
    Tenant created = tenants().createTenant(new TenantCreate().id(Provision.unusedTenantId()));

    assertThat(tenants().getTenant(created.getId())).isEqualTo(created);
  }

  @Test
  void listContainsCreatedTenantsOrderedByCreationTime() {
    Tenant first = tenants().createTenant(new TenantCreate().id(Provision.unusedTenantId()));
    Tenant second = tenants().createTenant(new TenantCreate().id(Provision.unusedTenantId()));

    Provision.assertListedOnceByCreationTime(
        tenants().listTenants().getItems(), Tenant::getCreatedAt, List.of(first, second));
  }

  @Test
  void deleteRemovesTheTenantWithItsGroupsAndTokensAndFreesItsId() {
    Fixtures.Tenant tenant = Fixtures.newTenant();
    UUID group = UUID.fromString(tenant.groupId());
    UUID policy = UUID.fromString(tenant.policyId());
    assertThat(Provision.listWebhooks(tenant.observerToken(), tenant.id(), group, policy))
        .isEqualTo(200);

    tenants().deleteTenant(tenant.id());

    expectNotFound("Tenant", tenant.id(), () -> tenants().getTenant(tenant.id()));
    expectNotFound("Tenant", tenant.id(), () -> tenants().deleteTenant(tenant.id()));
    assertThat(tenants().listTenants().getItems())
        .extracting(Tenant::getId)
        .doesNotContain(tenant.id());
    assertThat(Provision.listWebhooks(tenant.adminToken(), tenant.id(), group, policy))
        .isEqualTo(401);
    assertThat(Provision.listWebhooks(tenant.observerToken(), tenant.id(), group, policy))
        .isEqualTo(401);

    // The id can be used again, and the new tenant has nothing of the old one.
    tenants().createTenant(new TenantCreate().id(tenant.id()));
    assertThat(tenants().listScalingGroups(tenant.id()).getItems()).isEmpty();
    assertThat(tenants().listTenantTokens(tenant.id()).getItems()).isEmpty();
    expectNotFound(
        "ScalingGroup", group.toString(), () -> tenants().getScalingGroup(tenant.id(), group));
  }

  /** Every operation with a tenant in its path, under a tenant that does not exist. */
  static Stream<Named<CallOnId>> operationsUnderAnUnknownTenant() {
    UUID group = UUID.randomUUID();
    UUID policy = UUID.randomUUID();
    return Stream.of(
        Named.<CallOnId>of("getTenant", t -> tenants().getTenant(t)),
        Named.<CallOnId>of("deleteTenant", t -> tenants().deleteTenant(t)),
        Named.<CallOnId>of("listScalingGroups", t -> tenants().listScalingGroups(t)),
        Named.<CallOnId>of(
            "createScalingGroup",
            t -> tenants().createScalingGroup(t, new ScalingGroupCreate().name("g"))),
        Named.<CallOnId>of("getScalingGroup", t -> tenants().getScalingGroup(t, group)),
        Named.<CallOnId>of("deleteScalingGroup", t -> tenants().deleteScalingGroup(t, group)),
        Named.<CallOnId>of("listScalingPolicies", t -> tenants().listScalingPolicies(t, group)),
        Named.<CallOnId>of(
            "createScalingPolicy",
            t -> tenants().createScalingPolicy(t, group, new ScalingPolicyCreate().name("p"))),
        Named.<CallOnId>of("getScalingPolicy", t -> tenants().getScalingPolicy(t, group, policy)),
        Named.<CallOnId>of(
            "deleteScalingPolicy", t -> tenants().deleteScalingPolicy(t, group, policy)),
        Named.<CallOnId>of("listTenantTokens", t -> tenants().listTenantTokens(t)),
        Named.<CallOnId>of(
            "createTenantToken",
            t ->
                tenants()
                    .createTenantToken(t, new TenantTokenCreate().role(TenantTokenRole.ADMIN))),
        Named.<CallOnId>of(
            "deleteTenantToken", t -> tenants().deleteTenantToken(t, Provision.unknownId("tok"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operationsUnderAnUnknownTenant")
  void everyOperationUnderAnUnknownTenantIs404NamingTheTenant(CallOnId call) {
    String unknown = Provision.unusedTenantId();

    // The outermost unknown id is the one reported.
    expectNotFound("Tenant", unknown, () -> call.on(unknown));
  }
}
