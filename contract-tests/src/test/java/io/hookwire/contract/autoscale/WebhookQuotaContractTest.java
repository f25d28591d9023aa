package io.hookwire.contract.autoscale;

import static io.hookwire.contract.autoscale.AutoscaleContract.QUOTA;
import static io.hookwire.contract.autoscale.AutoscaleContract.admin;
import static io.hookwire.contract.autoscale.AutoscaleContract.createNumbered;
import static io.hookwire.contract.autoscale.AutoscaleContract.list;
import static io.hookwire.contract.autoscale.AutoscaleContract.named;
import static io.hookwire.contract.autoscale.AutoscaleContract.refused;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookwire.client.AutoscaleApiException;
import io.hookwire.client.autoscale.model.ErrorType;
import io.hookwire.client.autoscale.model.Webhook;
import io.hookwire.client.autoscale.model.WebhookCreate;
import io.hookwire.client.autoscale.model.WebhookReplace;
import io.hookwire.contract.support.Fixtures;
import io.hookwire.contract.support.Fixtures.Tenant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * At most {@code QUOTA} webhooks per policy (25 unless {@code
 * -Dcontract.autoscale.webhooksPerPolicy} says otherwise), all or nothing per request, also under
 * concurrent requests.
 */
class WebhookQuotaContractTest {

  private Tenant tenant;

  @BeforeEach
  void provision() {
    tenant = Fixtures.newTenant();
  }

  @Test
  void aPolicyHoldsUpToItsQuota() {
    createNumbered(tenant, "q", QUOTA - 1);
    createNumbered(tenant, "last", 1);

    assertThat(list(tenant)).hasSize(QUOTA);
  }

  @Test
  void aCreateThatWouldPassTheQuotaCreatesNoneOfItsWebhooks() {
    createNumbered(tenant, "q", QUOTA - 1);

    AutoscaleApiException e =
        refused(
            422,
            ErrorType.WEBHOOK_OVER_LIMITS_ERROR,
            () ->
                admin(tenant)
                    .createWebhooks(
                        tenant.id(),
                        tenant.groupId(),
                        tenant.policyId(),
                        List.of(named("fits"), named("does not fit"))));

    assertThat(e.error().orElseThrow().getMessage()).contains(String.valueOf(QUOTA));
    assertThat(list(tenant)).hasSize(QUOTA - 1).extracting(Webhook::getName).doesNotContain("fits");
  }

  @Test
  void aFullPolicyRefusesEvenOneMore() {
    createNumbered(tenant, "q", QUOTA);

    refused(422, ErrorType.WEBHOOK_OVER_LIMITS_ERROR, () -> createNumbered(tenant, "more", 1));
    assertThat(list(tenant)).hasSize(QUOTA);
  }

  @Test
  void oneRequestOverTheQuotaOnAnEmptyPolicyCreatesNothing() {
    refused(422, ErrorType.WEBHOOK_OVER_LIMITS_ERROR, () -> createNumbered(tenant, "q", QUOTA + 1));

    assertThat(list(tenant)).isEmpty();
  }

  @Test
  void deletingAWebhookFreesItsPlace() {
    List<Webhook> full = createNumbered(tenant, "q", QUOTA);
    admin(tenant)
        .deleteWebhook(
            tenant.id(), tenant.groupId(), tenant.policyId(), full.get(0).getId().toString());

    createNumbered(tenant, "again", 1);

    assertThat(list(tenant)).hasSize(QUOTA);
  }

  @Test
  void theQuotaIsPerPolicy() {
    createNumbered(tenant, "q", QUOTA);

    List<Webhook> onOther =
        admin(tenant)
            .createWebhooks(
                tenant.id(), tenant.groupId(), tenant.otherPolicyId(), List.of(named("elsewhere")))
            .getWebhooks();

    assertThat(onOther).hasSize(1);
  }

  @Test
  void replacingOnAFullPolicyIsStillAllowed() {
    List<Webhook> full = createNumbered(tenant, "q", QUOTA);

    admin(tenant)
        .replaceWebhook(
            tenant.id(),
            tenant.groupId(),
            tenant.policyId(),
            full.get(0).getId().toString(),
            new WebhookReplace().name("renamed").metadata(Map.of()));

    assertThat(list(tenant)).hasSize(QUOTA).extracting(Webhook::getName).contains("renamed");
  }

  @Test
  void theQuotaHoldsUnderConcurrentCreates() throws Exception {
    int threads = 20;
    int perRequest = 2;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<List<Webhook>>> outcomes = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        int thread = t;
        List<WebhookCreate> body =
            IntStream.range(0, perRequest).mapToObj(i -> named("t" + thread + "-" + i)).toList();
        outcomes.add(
            pool.submit(
                () -> {
                  start.await();
                  try {
                    return admin(tenant)
                        .createWebhooks(tenant.id(), tenant.groupId(), tenant.policyId(), body)
                        .getWebhooks();
                  } catch (AutoscaleApiException e) {
                    assertThat(e.status()).as(e.getMessage()).isEqualTo(422);
                    assertThat(e.type()).contains(ErrorType.WEBHOOK_OVER_LIMITS_ERROR);
                    return List.<Webhook>of();
                  }
                }));
      }
      start.countDown();
      List<Webhook> created = new ArrayList<>();
      for (Future<List<Webhook>> outcome : outcomes) {
        List<Webhook> webhooks = outcome.get();
        // Each request made all its webhooks or none.
        assertThat(webhooks.size()).isIn(0, perRequest);
        created.addAll(webhooks);
      }

      int expected = Math.min(threads, QUOTA / perRequest) * perRequest;
      assertThat(created).hasSize(expected);
      assertThat(list(tenant))
          .extracting(Webhook::getId)
          .containsExactlyInAnyOrderElementsOf(created.stream().map(Webhook::getId).toList());
    } finally {
      pool.shutdownNow();
    }
  }
}
