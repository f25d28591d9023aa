package io.hookwire.contract.autoscale;

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
import io.hookwire.contract.support.Fixtures;
import io.hookwire.contract.support.Fixtures.Tenant;
import io.hookwire.contract.support.RawHttp;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may do what: 401 without a known token, 403 for another tenant's token or an observer's
 * write, and tenants never see each other's webhooks.
 */
class WebhooksAuthContractTest {

  private Tenant tenant;
  private Tenant other;
  private Webhook webhook;

  @BeforeEach
  void provision() {
    tenant = Fixtures.newTenant();
    other = Fixtures.newTenant();
    webhook = AutoscaleContract.create(tenant, "mine").get(0);
  }

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
  void anotherTenantsAdminTokenIsForbiddenOnEveryOperation() {
    WebhooksApi intruder = Fixtures.autoscale(other.adminToken()).webhooks();
    String t = tenant.id();
    String g = tenant.groupId();
    String p = tenant.policyId();

    refused(403, ErrorType.FORBIDDEN, () -> intruder.listWebhooks(t, g, p, null, null));
    refused(403, ErrorType.FORBIDDEN, () -> intruder.createWebhooks(t, g, p, List.of(named("x"))));
    refused(403, ErrorType.FORBIDDEN, () -> intruder.getWebhook(t, g, p, id()));
    refused(
        403,
        ErrorType.FORBIDDEN,
        () ->
            intruder.replaceWebhook(
                t, g, p, id(), new WebhookReplace().name("x").metadata(Map.of())));
    refused(403, ErrorType.FORBIDDEN, () -> intruder.deleteWebhook(t, g, p, id()));

    assertThat(list(tenant)).containsExactly(webhook);
  }

  @Test
  void anotherTenantsObserverTokenIsForbiddenToRead() {
    WebhooksApi intruder = Fixtures.autoscale(other.observerToken()).webhooks();

    refused(
        403,
        ErrorType.FORBIDDEN,
        () -> intruder.getWebhook(tenant.id(), tenant.groupId(), tenant.policyId(), id()));
  }

  @Test
  void anotherTenantsGroupIsNotFoundUnderOnesOwnTenant() {
    // Tenant B names A's group and policy under its own tenant id: they do not exist for B.
    WebhooksApi b = Fixtures.autoscale(other.adminToken()).webhooks();

    refused(
        404,
        ErrorType.NO_SUCH_SCALING_GROUP_ERROR,
        () -> b.listWebhooks(other.id(), tenant.groupId(), tenant.policyId(), null, null));
    refused(
        404,
        ErrorType.NO_SUCH_SCALING_GROUP_ERROR,
        () -> b.getWebhook(other.id(), tenant.groupId(), tenant.policyId(), id()));
    refused(
        404,
        ErrorType.NO_SUCH_SCALING_GROUP_ERROR,
        () -> b.deleteWebhook(other.id(), tenant.groupId(), tenant.policyId(), id()));
    // Nor is A's webhook found under B's own policy.
    refused(
        404,
        ErrorType.NO_SUCH_WEBHOOK_ERROR,
        () -> b.getWebhook(other.id(), other.groupId(), other.policyId(), id()));
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
  void aMissingOrUnknownTokenIsInvalidCredentialsAndAForeignOneForbidden() {
    String path = webhookPath(tenant, id());

    assertError(send(RawHttp.request("GET", path)), 401, "InvalidCredentials");
    assertError(
        send(RawHttp.request("GET", path).authToken("unknown-token")), 401, "InvalidCredentials");
    assertError(send(RawHttp.request("GET", path).authToken(other.adminToken())), 403, "Forbidden");
    // The Endpoints API's bearer scheme is not this API's credential.
    assertError(
        send(RawHttp.request("GET", path).bearer(tenant.adminToken())), 401, "InvalidCredentials");
    assertThat(send(RawHttp.request("GET", path).authToken(tenant.adminToken())).status())
        .isEqualTo(200);
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

  private String id() {
    return webhook.getId().toString();
  }
}
