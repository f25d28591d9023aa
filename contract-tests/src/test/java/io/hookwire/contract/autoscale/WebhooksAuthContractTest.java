package io.hookwire.contract.autoscale;

import static io.hookwire.contract.autoscale.AutoscaleContract.admin;
import static io.hookwire.contract.autoscale.AutoscaleContract.assertError;
import static io.hookwire.contract.autoscale.AutoscaleContract.collection;
import static io.hookwire.contract.autoscale.AutoscaleContract.list;
import static io.hookwire.contract.autoscale.AutoscaleContract.named;
import static io.hookwire.contract.autoscale.AutoscaleContract.refused;
import static io.hookwire.contract.autoscale.AutoscaleContract.send;
import static io.hookwire.contract.autoscale.AutoscaleContract.webhookPath;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookwire.client.autoscale.api.WebhooksApi;
import io.hookwire.client.autoscale.model.ErrorType;
import io.hookwire.client.autoscale.model.Webhook;
import io.hookwire.client.autoscale.model.WebhookReplace;
import io.hookwire.client.operator.model.TenantTokenCreate;
import io.hookwire.client.operator.model.TenantTokenRole;
import io.hookwire.contract.autoscale.AutoscaleContract.Operation;
import io.hookwire.contract.support.ContractServer;
import io.hookwire.contract.support.Fixtures;
import io.hookwire.contract.support.Fixtures.Tenant;
import io.hookwire.contract.support.RawHttp;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Who may do what: 401 without a known token, 403 for another tenant's token or an observer's
 * write, and tenants never see each other's webhooks. Fresh tenants for each test (JUnit makes a
 * new instance for each).
 */
class WebhooksAuthContractTest {

  private final Tenant tenant = Fixtures.newTenant();
  private final Tenant other = Fixtures.newTenant();
  private final Webhook webhook = AutoscaleContract.create(tenant, "mine").get(0);

  @Test
  void anObserverMayListAndGet() {
    WebhooksApi observer = Fixtures.autoscale(tenant.observerToken()).webhooks();

    assertThat(
            observer
                .listWebhooks(tenant.id(), tenant.groupId(), tenant.policyId(), null, null)
                .getWebhooks())
        .containsExactly(webhook);
    assertThat(
            observer
                .getWebhook(tenant.id(), tenant.groupId(), tenant.policyId(), id())
                .getWebhook())
        .isEqualTo(webhook);
  }

  @Test
  void anObserverMayNotCreateReplaceOrDelete() {
    WebhooksApi observer = Fixtures.autoscale(tenant.observerToken()).webhooks();

    refused(
        403,
        ErrorType.FORBIDDEN,
        () ->
            observer.createWebhooks(
                tenant.id(), tenant.groupId(), tenant.policyId(), List.of(named("no"))));
    refused(
        403,
        ErrorType.FORBIDDEN,
        () ->
            observer.replaceWebhook(
                tenant.id(),
                tenant.groupId(),
                tenant.policyId(),
                id(),
                new WebhookReplace().name("no").metadata(Map.of())));
    refused(
        403,
        ErrorType.FORBIDDEN,
        () -> observer.deleteWebhook(tenant.id(), tenant.groupId(), tenant.policyId(), id()));

    assertThat(list(tenant)).containsExactly(webhook);
  }

  @Test
  void anObserverIsForbiddenEvenOnPathsThatDoNotExist() {
    // The role is checked before anything is looked up, so an observer learns nothing.
    WebhooksApi observer = Fixtures.autoscale(tenant.observerToken()).webhooks();
    String unknown = UUID.randomUUID().toString();

    refused(
        403,
        ErrorType.FORBIDDEN,
        () -> observer.deleteWebhook(tenant.id(), unknown, unknown, unknown));
  }

  @Test
  void aTenantsListsNeverShowAnotherTenantsWebhooks() {
    Webhook theirs = AutoscaleContract.create(other, "theirs").get(0);

    assertThat(list(other)).containsExactly(theirs);
    assertThat(list(tenant)).containsExactly(webhook);
    assertThat(
            Fixtures.autoscale(other.adminToken())
                .streamWebhooks(other.id(), other.groupId(), other.otherPolicyId(), null)
                .toList())
        .isEmpty();
  }

  @Test
  void aForbiddenWriteChangesNothingWhateverItsBody() {
    // Raw requests, so nothing but the credentials differs from an admin's successful write.
    assertError(
        send(
            RawHttp.request("POST", collection(tenant))
                .authToken(tenant.observerToken())
                .json("[{\"name\": \"x\"}]")),
        403,
        "Forbidden");
    assertError(
        send(
            RawHttp.request("PUT", webhookPath(tenant, id()))
                .authToken(other.adminToken())
                .json("{\"name\": \"x\", \"metadata\": {}}")),
        403,
        "Forbidden");

    assertThat(list(tenant)).containsExactly(webhook);
  }

  /**
   * No token, an unknown one, the operator's, and the Endpoints API's bearer scheme: none is this
   * API's credential, on a path that exists or not.
   */
  @ParameterizedTest
  @EnumSource(Operation.class)
  void aMissingOrUnknownTokenIsInvalidCredentials(Operation operation) {
    String unknown = UUID.randomUUID().toString();
    for (String path :
        List.of(collection(tenant), collection("no-such-tenant", unknown, unknown))) {
      RawHttp[] requests = {
        operation.on(path, id()),
        operation.on(path, id()).authToken("unknown-token"),
        operation.on(path, id()).authToken(ContractServer.get().operatorToken()),
        operation.on(path, id()).bearer(tenant.adminToken())
      };
      for (RawHttp request : requests) {
        assertError(send(request), 401, "InvalidCredentials");
      }
    }
    assertThat(list(tenant)).containsExactly(webhook);
  }

  /** Another tenant's tokens are forbidden, even where nothing exists; so is an unknown tenant. */
  @ParameterizedTest
  @EnumSource(Operation.class)
  void aTokenOfAnotherTenantOrForAnUnknownTenantIsForbidden(Operation operation) {
    String unknown = UUID.randomUUID().toString();
    for (String path : List.of(collection(tenant), collection(tenant.id(), unknown, unknown))) {
      for (String token : List.of(other.adminToken(), other.observerToken())) {
        assertError(send(operation.on(path, id()).authToken(token)), 403, "Forbidden");
      }
    }
    String unknownTenant = collection("no-such-tenant", tenant.groupId(), tenant.policyId());
    assertError(
        send(operation.on(unknownTenant, id()).authToken(tenant.adminToken())), 403, "Forbidden");
    assertThat(list(tenant)).containsExactly(webhook);
  }

  @Test
  void anAdminMayDoEverythingWithAnyOfItsTokens() {
    String second =
        Fixtures.operator()
            .tenants()
            .createTenantToken(tenant.id(), new TenantTokenCreate().role(TenantTokenRole.ADMIN))
            .getToken();
    WebhooksApi first = admin(tenant);
    WebhooksApi again = Fixtures.autoscale(second).webhooks();
    String t = tenant.id();
    String g = tenant.groupId();
    String p = tenant.policyId();

    String created =
        again
            .createWebhooks(t, g, p, List.of(named("second")))
            .getWebhooks()
            .get(0)
            .getId()
            .toString();
    first.replaceWebhook(t, g, p, created, new WebhookReplace().name("renamed").metadata(Map.of()));
    assertThat(again.getWebhook(t, g, p, created).getWebhook().getName()).isEqualTo("renamed");
    again.deleteWebhook(t, g, p, created);

    assertThat(first.listWebhooks(t, g, p, null, null).getWebhooks()).containsExactly(webhook);
  }

  private String id() {
    return webhook.getId().toString();
  }
}
