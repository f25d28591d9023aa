package io.hookwire.contract.operator;

import static io.hookwire.contract.operator.Problems.expectNotFound;
import static io.hookwire.contract.operator.Problems.pointers;
import static io.hookwire.contract.operator.Provision.tenants;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.hookwire.client.autoscale.model.WebhookCreate;
import io.hookwire.client.operator.model.TenantToken;
import io.hookwire.client.operator.model.TenantTokenCreate;
import io.hookwire.client.operator.model.TenantTokenCreated;
import io.hookwire.client.operator.model.TenantTokenRole;
import io.hookwire.contract.support.Fixtures;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/** A tenant's tokens: roles, shown once, working at once, and stopping at once when deleted. */
class TenantTokensContractTest {

  // A tenant with a policy, fresh for each test (JUnit makes an instance per test).
  private final String tenant = Provision.tenant();
  private final UUID group = Provision.group(tenant);
  private final UUID policy = Provision.policy(tenant, group);

  private String tokens() {
    return "/operator/v1/tenants/" + tenant + "/tokens";
  }

  private TenantTokenCreated create(TenantTokenRole role) {
    return tenants().createTenantToken(tenant, new TenantTokenCreate().role(role));
  }

  private int createWebhook(String token) {
    return Provision.statusOf(
        () ->
            Fixtures.autoscale(token)
                .webhooks()
                .createWebhooks(
                    tenant,
                    group.toString(),
                    policy.toString(),
                    List.of(new WebhookCreate().name("hook"))));
  }

  @Test
  void createAnswers201WithTheSecretItsRoleAndTheLocationThatDeletesIt() {
    ResponseEntity<TenantTokenCreated> created =
        tenants()
            .createTenantTokenWithHttpInfo(
                tenant, new TenantTokenCreate().role(TenantTokenRole.OBSERVER));

    TenantTokenCreated token = created.getBody();
    assertThat(token.getId()).matches("tok-[0-9a-z]{17}");
    assertThat(token.getRole()).isEqualTo(TenantTokenRole.OBSERVER);
    // At least 128 bits, whatever the encoding.
    assertThat(token.getToken()).hasSizeGreaterThanOrEqualTo(22);
    Provision.assertCreated(created, token.getCreatedAt(), tokens() + "/" + token.getId());
  }

  @Test
  void anAdminTokenReadsAndWritesRightAfterCreation() {
    String admin = create(TenantTokenRole.ADMIN).getToken();

    assertThat(Provision.listWebhooks(admin, tenant, group, policy)).isEqualTo(200);
    assertThat(createWebhook(admin)).isEqualTo(200);
  }

  @Test
  void anObserverTokenOnlyReads() {
    String observer = create(TenantTokenRole.OBSERVER).getToken();

    assertThat(Provision.listWebhooks(observer, tenant, group, policy)).isEqualTo(200);
    assertThat(createWebhook(observer)).isEqualTo(403);
  }

  @Test
  void aTokenActsForItsTenantOnly() {
    String other = Provision.tenant();
    UUID otherGroup = Provision.group(other);
    UUID otherPolicy = Provision.policy(other, otherGroup);

    String admin = create(TenantTokenRole.ADMIN).getToken();

    assertThat(Provision.listWebhooks(admin, other, otherGroup, otherPolicy)).isEqualTo(403);
  }

  @Test
  void anUnknownRoleIs422AtItsPointer() {
    // The generated client knows only the valid roles; reader is a user's, not a tenant's.
    for (String body : new String[] {"{\"role\":\"owner\"}", "{\"role\":\"reader\"}"}) {
      JsonNode problem = Problems.expect(422, Provision.raw("POST", tokens(), body));

      assertThat(pointers(problem)).containsOnly("/role");
    }
  }

  @Test
  void listShowsEveryTokenWithItsRoleInCreationOrderWithoutItsSecret() {
    TenantTokenCreated admin = create(TenantTokenRole.ADMIN);
    TenantTokenCreated observer = create(TenantTokenRole.OBSERVER);
    Provision.tenantToken(Provision.tenant(), TenantTokenRole.ADMIN);

    assertThat(tenants().listTenantTokens(tenant).getItems())
        .extracting(TenantToken::getId, TenantToken::getRole, TenantToken::getCreatedAt)
        .containsExactly(
            tuple(admin.getId(), TenantTokenRole.ADMIN, admin.getCreatedAt()),
            tuple(observer.getId(), TenantTokenRole.OBSERVER, observer.getCreatedAt()));
    Provision.assertListedWithout(
        tokens(), List.of(admin.getToken(), observer.getToken()), "id", "role", "created_at");
  }

  @Test
  void aNewTenantHasNoTokens() {
    assertThat(tenants().listTenantTokens(tenant).getItems()).isEmpty();
  }

  @Test
  void deleteStopsTheTokenAtOnceAndLeavesTheOthers() {
    TenantTokenCreated deleted = create(TenantTokenRole.ADMIN);
    String kept = create(TenantTokenRole.OBSERVER).getToken();

    tenants().deleteTenantToken(tenant, deleted.getId());

    assertThat(Provision.listWebhooks(deleted.getToken(), tenant, group, policy)).isEqualTo(401);
    assertThat(Provision.listWebhooks(kept, tenant, group, policy)).isEqualTo(200);
    assertThat(tenants().listTenantTokens(tenant).getItems())
        .extracting(TenantToken::getId)
        .doesNotContain(deleted.getId());
    expectNotFound(
        "Token", deleted.getId(), () -> tenants().deleteTenantToken(tenant, deleted.getId()));
  }

  @Test
  void aTokenOfAnotherTenantOrUnknownIs404NamingIt() {
    String other = Provision.tenant();
    String foreign =
        tenants()
            .createTenantToken(other, new TenantTokenCreate().role(TenantTokenRole.ADMIN))
            .getId();

    for (String token : new String[] {foreign, Provision.unknownId("tok"), "secret"}) {
      expectNotFound("Token", token, () -> tenants().deleteTenantToken(tenant, token));
    }
    assertThat(tenants().listTenantTokens(other).getItems())
        .extracting(TenantToken::getId)
        .containsExactly(foreign);
  }
}
