package io.hookwire.contract.autoscale;

import static io.hookwire.contract.autoscale.AutoscaleContract.admin;
import static io.hookwire.contract.autoscale.AutoscaleContract.assertRateLimited;
import static io.hookwire.contract.autoscale.AutoscaleContract.executeAccepted;
import static io.hookwire.contract.autoscale.AutoscaleContract.executePath;
import static io.hookwire.contract.autoscale.AutoscaleContract.list;
import static io.hookwire.contract.autoscale.AutoscaleContract.named;
import static io.hookwire.contract.autoscale.AutoscaleContract.sleep;
import static io.hookwire.contract.autoscale.AutoscaleContract.untilRateLimited;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookwire.client.autoscale.api.WebhooksApi;
import io.hookwire.client.autoscale.model.WebhookReplace;
import io.hookwire.contract.support.Fixtures;
import io.hookwire.contract.support.Fixtures.Tenant;
import io.hookwire.contract.support.RawHttp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 413 RateLimitError with Retry-After: each operation exhausts a fresh tenant's budget (1000
 * requests a minute by default), so no other test is affected; capability execution exhausts the
 * limit of one capability URL (10 a second by default, under the client's 20) and then waits it
 * out.
 */
class RateLimitContractTest {

  private Tenant tenant;
  private WebhooksApi webhooks;
  private String webhookId;

  @BeforeEach
  void provision() {
    tenant = Fixtures.newTenant();
    webhooks = admin(tenant);
    webhookId = AutoscaleContract.create(tenant, "limited").get(0).getId().toString();
  }

  @Test
  void listIsRateLimitedPerTenant() {
    assertRateLimited(untilRateLimited(this::listOnce));
  }

  @Test
  void createIsRateLimitedPerTenant() {
    assertRateLimited(
        untilRateLimited(
            () ->
                webhooks.createWebhooks(
                    tenant.id(), tenant.groupId(), tenant.policyId(), List.of(named("more")))));
  }

  @Test
  void getIsRateLimitedPerTenant() {
    assertRateLimited(
        untilRateLimited(
            () ->
                webhooks.getWebhook(tenant.id(), tenant.groupId(), tenant.policyId(), webhookId)));
  }

  @Test
  void replaceIsRateLimitedPerTenant() {
    WebhookReplace body = new WebhookReplace().name("again").metadata(Map.of());

    assertRateLimited(
        untilRateLimited(
            () ->
                webhooks.replaceWebhook(
                    tenant.id(), tenant.groupId(), tenant.policyId(), webhookId, body)));
  }

  @Test
  void deleteIsRateLimitedPerTenant() {
    // The first delete succeeds, the rest are 404s, which count against the budget too.
    assertRateLimited(
        untilRateLimited(
            () ->
                webhooks.deleteWebhook(
                    tenant.id(), tenant.groupId(), tenant.policyId(), webhookId)));
  }

  @Test
  void readingTheGroupAndItsPoliciesIsRateLimited() {
    var autoscale = Fixtures.autoscale(tenant.adminToken());
    assertRateLimited(
        untilRateLimited(
            () -> autoscale.scalingGroups().getScalingGroup(tenant.id(), tenant.groupId())));
    assertRateLimited(
        untilRateLimited(
            () -> autoscale.policies().listPolicies(tenant.id(), tenant.groupId(), null, null)));
    assertRateLimited(
        untilRateLimited(
            () ->
                autoscale.policies().getPolicy(tenant.id(), tenant.groupId(), tenant.policyId())));
  }

  @Test
  void allTokensOfATenantShareItsBudgetAndOtherTenantsAreUnaffected() {
    assertRateLimited(untilRateLimited(this::listOnce));

    // The budget refills a request at a time (every 60 ms by default), so the observer meets the
    // limit after a few requests; a budget of its own would let a thousand through.
    AtomicInteger observerRequests = new AtomicInteger();
    WebhooksApi observer = Fixtures.autoscale(tenant.observerToken()).webhooks();
    assertRateLimited(
        untilRateLimited(
            () -> {
              observerRequests.incrementAndGet();
              observer.listWebhooks(tenant.id(), tenant.groupId(), tenant.policyId(), null, null);
            }));
    assertThat(observerRequests.get()).isLessThan(500);
    Tenant other = Fixtures.newTenant();
    assertThat(list(other)).isEmpty();
  }

  @Test
  void aLimitedTenantIsServedAgainAfterRetryAfter() {
    Duration retryAfter = assertRateLimited(untilRateLimited(this::listOnce));

    sleep(retryAfter);

    assertThat(list(tenant)).hasSize(1);
  }

  @Test
  void capabilityExecutionIsLimitedPerCapabilityUrl() {
    var capabilities = Fixtures.autoscale(tenant.adminToken()).capabilities();
    String unknownHash = AutoscaleContract.randomHash();

    Duration retryAfter =
        assertRateLimited(untilRateLimited(() -> capabilities.executeCapability("1", unknownHash)));

    // Another capability URL is not held up by the burst on this one: accepted at the first try.
    assertThat(
            AutoscaleContract.send(
                    RawHttp.request("POST", executePath(AutoscaleContract.randomHash())))
                .status())
        .isEqualTo(202);
    // The tenant's own budget is untouched by executions.
    assertThat(list(tenant)).hasSize(1);
    // Wait the limit out, so that later tests execute capabilities as usual.
    sleep(retryAfter);
    executeAccepted(executePath(unknownHash));
    sleep(Duration.ofSeconds(1));
  }

  private void listOnce() {
    webhooks.listWebhooks(tenant.id(), tenant.groupId(), tenant.policyId(), null, null);
  }
}
