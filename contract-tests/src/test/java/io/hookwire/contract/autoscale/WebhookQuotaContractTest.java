package io.hookwire.contract.autoscale;

import static io.hookwire.contract.autoscale.AutoscaleContract.QUOTA;
import static io.hookwire.contract.autoscale.AutoscaleContract.admin;
import static io.hookwire.contract.autoscale.AutoscaleContract.createNumbered;
import static io.hookwire.contract.autoscale.AutoscaleContract.list;
import static io.hookwire.contract.autoscale.AutoscaleContract.named;
import static io.hookwire.contract.autoscale.AutoscaleContract.refused;
import static java.util.Collections.nCopies;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookwire.client.AutoscaleApiException;
import io.hookwire.client.autoscale.model.ErrorType;
import io.hookwire.client.autoscale.model.Webhook;
import io.hookwire.client.autoscale.model.WebhookCreate;
import io.hookwire.client.autoscale.model.WebhookReplace;
import io.hookwire.contract.support.Fixtures;
import io.hookwire.contract.support.Fixtures.Tenant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
    refused(422, ErrorType.WEBHOOK_OVER_LIMITS_ERROR, () -> createNumbered(tenant, "more", 1));
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

  /**
   * Creates of one to three webhooks each, raced on one policy of a fresh tenant (its first policy,
   * then in a second round its other one, in another order of requests): every answer is 201 with
   * all its webhooks in request order, or 422 {@code WebhookOverLimitsError} with none, and the
   * policy ends with exactly the quota, the webhooks the 201s returned. More than the quota of the
   * requests ask for one webhook, so a policy that ended below its quota would have refused one
   * while it had room. The build runs it on H2 and again on PostgreSQL.
   */
  @ParameterizedTest(name = "round {0}")
  @ValueSource(ints = {0, 1})
  void theQuotaHoldsUnderConcurrentCreates(int round) throws Exception {
    String policy = round == 0 ? tenant.policyId() : tenant.otherPolicyId();
    List<Integer> sizes =
        Stream.of(nCopies(QUOTA + 1, 1), nCopies(7, 2), nCopies(7, 3))
            .flatMap(List::stream)
            .collect(Collectors.toCollection(ArrayList::new));
    Collections.shuffle(sizes, new Random(round));
    List<List<WebhookCreate>> bodies =
        IntStream.range(0, sizes.size())
            .mapToObj(
                request ->
                    IntStream.range(0, sizes.get(request))
                        .mapToObj(i -> named("request " + request + " webhook " + i))
                        .toList())
            .toList();

    List<List<Webhook>> answers = race(policy, bodies);

    List<Webhook> created = new ArrayList<>();
    for (int request = 0; request < bodies.size(); request++) {
      List<Webhook> webhooks = answers.get(request);
      if (!webhooks.isEmpty()) {
        assertThat(webhooks)
            .extracting(Webhook::getName)
            .containsExactlyElementsOf(
                bodies.get(request).stream().map(WebhookCreate::getName).toList());
        created.addAll(webhooks);
      }
    }
    assertThat(created).hasSize(QUOTA);
    assertThat(answers).contains(List.of());
    assertThat(
            admin(tenant)
                .listWebhooks(tenant.id(), tenant.groupId(), policy, null, null)
                .getWebhooks())
        .extracting(Webhook::getId)
        .containsExactlyInAnyOrderElementsOf(created.stream().map(Webhook::getId).toList());
  }

  /** Sends the creates from 16 threads released together; a refused one answers no webhooks. */
  private List<List<Webhook>> race(String policy, List<List<WebhookCreate>> bodies)
      throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<List<Webhook>>> outcomes = new ArrayList<>();
      for (List<WebhookCreate> body : bodies) {
        outcomes.add(
            pool.submit(
                () -> {
                  start.await();
                  try {
                    return admin(tenant)
                        .createWebhooks(tenant.id(), tenant.groupId(), policy, body)
                        .getWebhooks();
                  } catch (AutoscaleApiException e) {
                    assertThat(e.status()).as(e.getMessage()).isEqualTo(422);
                    assertThat(e.type()).contains(ErrorType.WEBHOOK_OVER_LIMITS_ERROR);
                    return List.<Webhook>of();
                  }
                }));
      }
      start.countDown();
      List<List<Webhook>> answers = new ArrayList<>();
      for (Future<List<Webhook>> outcome : outcomes) {
        answers.add(outcome.get(60, TimeUnit.SECONDS));
      }
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }
}
