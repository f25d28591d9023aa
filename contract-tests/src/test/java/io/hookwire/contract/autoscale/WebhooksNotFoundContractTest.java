package io.hookwire.contract.autoscale;

import static io.hookwire.contract.autoscale.AutoscaleContract.admin;
import static io.hookwire.contract.autoscale.AutoscaleContract.assertError;
import static io.hookwire.contract.autoscale.AutoscaleContract.collection;
import static io.hookwire.contract.autoscale.AutoscaleContract.list;
import static io.hookwire.contract.autoscale.AutoscaleContract.named;
import static io.hookwire.contract.autoscale.AutoscaleContract.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookwire.client.autoscale.model.Webhook;
import io.hookwire.client.operator.model.ScalingGroupCreate;
import io.hookwire.client.operator.model.ScalingPolicyCreate;
import io.hookwire.contract.autoscale.AutoscaleContract.Operation;
import io.hookwire.contract.support.Fixtures;
import io.hookwire.contract.support.Fixtures.Tenant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which 404 a request naming something missing gets: the first level of its path that is not known,
 * group before policy before webhook, whatever follows, for every operation. Bodies are valid,
 * since validation comes before any lookup. One tenant for the class (and another whose group it
 * names), whose webhooks no request may change.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhooksNotFoundContractTest {

  private final Tenant tenant = Fixtures.newTenant();
  private final Webhook webhook = AutoscaleContract.create(tenant, "found").get(0);
  private final Webhook onOtherPolicy = createOnOtherPolicy(tenant);
  private final String policyOfOtherGroup = policyOfAnotherGroup(tenant);
  private final Tenant other = Fixtures.newTenant();
  private final Webhook theirs = AutoscaleContract.create(other, "theirs").get(0);

  @AfterAll
  void nothingChanged() {
    assertThat(list(tenant)).containsExactly(webhook);
    assertThat(list(other)).containsExactly(theirs);
    assertThat(
            admin(tenant)
                .listWebhooks(tenant.id(), tenant.groupId(), tenant.otherPolicyId(), null, null)
                .getWebhooks())
        .containsExactly(onOtherPolicy);
  }

  /** How a path names a group, policy or webhook. */
  enum Naming {
    KNOWN,
    UNKNOWN,
    MALFORMED;

    String id(String known) {
      return switch (this) {
        case KNOWN -> known;
        case UNKNOWN -> UUID.randomUUID().toString();
        case MALFORMED -> "not-a-uuid";
      };
    }
  }

  /**
   * Each operation with every combination of a known, an unknown (a UUID) and a malformed (not a
   * UUID) group, policy and, for one webhook, webhook id; all known aside.
   */
  static Stream<Arguments> pathIds() {
    List<Naming> all = List.of(Naming.values());
    List<Arguments> cases = new ArrayList<>();
    for (Operation operation : Operation.values()) {
      for (Naming group : all) {
        for (Naming policy : all) {
          for (Naming webhookId : operation.onOneWebhook() ? all : List.of(Naming.KNOWN)) {
            if (group != Naming.KNOWN || policy != Naming.KNOWN || webhookId != Naming.KNOWN) {
              cases.add(Arguments.of(operation, group, policy, webhookId));
            }
          }
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}: group {1}, policy {2}, webhook {3}")
  @MethodSource("pathIds")
  void theFirstLevelOfThePathThatIsNotKnownIsTheOneNotFound(
      Operation operation, Naming group, Naming policy, Naming webhookId) {
    String path = collection(tenant.id(), group.id(tenant.groupId()), policy.id(tenant.policyId()));
    String expected =
        group != Naming.KNOWN
            ? "NoSuchScalingGroupError"
            : policy != Naming.KNOWN ? "NoSuchPolicyError" : "NoSuchWebhookError";

    assertError(
        send(
            operation
                .on(path, webhookId.id(webhook.getId().toString()))
                .authToken(tenant.adminToken())),
        404,
        expected);
  }

  @ParameterizedTest
  @EnumSource(Operation.class)
  void aPolicyOfAnotherGroupIsNoSuchPolicy(Operation operation) {
    String path = collection(tenant.id(), tenant.groupId(), policyOfOtherGroup);

    assertError(
        send(operation.on(path, webhook.getId()).authToken(tenant.adminToken())),
        404,
        "NoSuchPolicyError");
  }

  /** Tenant B naming A's group and policy under its own tenant id: they do not exist for B. */
  @ParameterizedTest
  @EnumSource(Operation.class)
  void anotherTenantsGroupUnderOnesOwnTenantIsNoSuchScalingGroup(Operation operation) {
    String path = collection(tenant.id(), other.groupId(), other.policyId());

    assertError(
        send(operation.on(path, theirs.getId()).authToken(tenant.adminToken())),
        404,
        "NoSuchScalingGroupError");
  }

  @ParameterizedTest
  @EnumSource(names = {"GET", "REPLACE", "DELETE"})
  void aWebhookOfAnotherPolicyOrTenantIsNoSuchWebhook(Operation operation) {
    for (Webhook elsewhere : List.of(onOtherPolicy, theirs)) {
      assertError(
          send(operation.on(collection(tenant), elsewhere.getId()).authToken(tenant.adminToken())),
          404,
          "NoSuchWebhookError");
    }
  }

  private static Webhook createOnOtherPolicy(Tenant tenant) {
    return admin(tenant)
        .createWebhooks(
            tenant.id(), tenant.groupId(), tenant.otherPolicyId(), List.of(named("elsewhere")))
        .getWebhooks()
        .get(0);
  }

  private static String policyOfAnotherGroup(Tenant tenant) {
    var tenants = Fixtures.operator().tenants();
    UUID group =
        tenants.createScalingGroup(tenant.id(), new ScalingGroupCreate().name("other")).getId();
    return tenants
        .createScalingPolicy(tenant.id(), group, new ScalingPolicyCreate().name("other"))
        .getId()
        .toString();
  }
}
