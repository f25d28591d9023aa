package io.hookwire.server.autoscale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookwire.server.DatabaseTest;
import io.hookwire.server.operator.ScalingGroupRecord;
import io.hookwire.server.operator.ScalingPolicyRecord;
import io.hookwire.server.operator.TenantRecord;
import io.hookwire.server.operator.TenantsStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every operation of {@link WebhooksStore} on a real database: {@link WebhooksStoreOnH2Test} and
 * {@link WebhooksStoreOnPostgresTest} run it on both databases the server supports.
 */
abstract class WebhooksStoreTest extends DatabaseTest {

  static final Instant T1 = Instant.parse("2025-03-01T23:59:59.999999Z");
  static final Instant T2 = Instant.parse("2025-03-02T00:00:00.000001Z");

  static final String TENANT = "676873";
  static final String OTHER_TENANT = "700001";

  /** A group of {@link #TENANT}, with the policies {@link #POLICY} and {@link #SIBLING}. */
  static final UUID GROUP = UUID.fromString("605e13f6-1452-4588-b5da-ac6bb468c5bf");

  static final UUID POLICY = UUID.fromString("eb0fe1bf-3428-4f34-afd9-a5ac36f60511");
  static final UUID SIBLING = UUID.fromString("1220f4ae-b1b0-4376-b3b4-67e3f52746d3");

  /** A group of {@link #OTHER_TENANT}, with the policy {@link #OTHER_POLICY}. */
  static final UUID OTHER_GROUP = UUID.fromString("9d5bb3f1-8a4e-4c35-9d0a-1f3b4e5a6c7d");

  static final UUID OTHER_POLICY = UUID.fromString("3c6f0b2a-7e1d-4f8a-b9c2-d4e5f6a7b8c9");

  /** The paths of the policies, as the store finds webhooks through them. */
  static final WebhooksStore.Scope AT_POLICY = new WebhooksStore.Scope(TENANT, GROUP, POLICY);

  static final WebhooksStore.Scope AT_SIBLING = new WebhooksStore.Scope(TENANT, GROUP, SIBLING);
  static final WebhooksStore.Scope AT_OTHER_POLICY =
      new WebhooksStore.Scope(OTHER_TENANT, OTHER_GROUP, OTHER_POLICY);

  /** The groups and policies that the lookups by both are asked about, in every pairing. */
  static final List<UUID> GROUPS = List.of(GROUP, OTHER_GROUP, UUID.randomUUID());

  static final List<UUID> POLICIES = List.of(POLICY, SIBLING, OTHER_POLICY, UUID.randomUUID());

  /** The pairings of those that exist. */
  static final List<Map.Entry<UUID, UUID>> IN_THEIR_GROUPS =
      List.of(
          Map.entry(GROUP, POLICY),
          Map.entry(GROUP, SIBLING),
          Map.entry(OTHER_GROUP, OTHER_POLICY));

  TenantsStore tenants;
  WebhooksStore store;

  private int hashes;

  @BeforeEach
  void policies() {
    tenants = new TenantsStore(jdbc);
    store = new WebhooksStore(jdbc, JsonMapper.builder().build());
    tenants.insertTenant(new TenantRecord(TENANT, T0));
    tenants.insertTenant(new TenantRecord(OTHER_TENANT, T0));
    tenants.insertScalingGroup(new ScalingGroupRecord(GROUP, TENANT, "Web", T0));
    tenants.insertScalingGroup(new ScalingGroupRecord(OTHER_GROUP, OTHER_TENANT, "Other", T0));
    tenants.insertScalingPolicy(new ScalingPolicyRecord(POLICY, GROUP, "Up", 0, null, T0));
    tenants.insertScalingPolicy(new ScalingPolicyRecord(SIBLING, GROUP, "Down", 0, null, T0));
    tenants.insertScalingPolicy(
        new ScalingPolicyRecord(OTHER_POLICY, OTHER_GROUP, "Other", 0, null, T0));
  }

  // Insert and find

  @Test
  void aWebhookIsFoundByIdWithEveryColumnAndItsTimeToTheMicrosecond() {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("zone", "eu-west-1");
    metadata.put("ünïcode ключ 鍵 🚀", "välue \"quoted\" \\ back\nslash\ttab 値 🎉");
    metadata.put("", "empty key");
    metadata.put("empty value", "");
    metadata.put("k".repeat(256), "v".repeat(256));
    String hash = "0123456789abcdef".repeat(4);
    WebhookRecord webhook =
        new WebhookRecord(UUID.randomUUID(), POLICY, "Scale ünïcode ✓", metadata, hash, T1);

    store.insert(webhook);

    WebhookRecord found = store.find(AT_POLICY, webhook.id()).orElseThrow();
    assertThat(found).isEqualTo(webhook);
    assertThat(found.metadata()).containsExactlyEntriesOf(metadata);
    assertThat(found.capabilityHash()).isEqualTo(hash).hasSize(64);
    assertThat(found.createdAt()).isEqualTo(T1);
    assertThat(store.find(AT_SIBLING, webhook.id())).isEmpty();
    assertThat(store.find(AT_POLICY, UUID.randomUUID())).isEmpty();
  }

  @Test
  void emptyMetadataIsStoredAsAnEmptyObjectAndReadBackEmpty() {
    WebhookRecord webhook = webhook(UUID.randomUUID(), POLICY, Map.of());

    store.insert(webhook);

    assertThat(store.find(AT_POLICY, webhook.id()).orElseThrow().metadata()).isNotNull().isEmpty();
    assertThat(store.list(AT_POLICY, null, 100).get(0).metadata()).isNotNull().isEmpty();
    assertThat(
            jdbc.sql("SELECT metadata FROM webhooks WHERE id = :id")
                .param("id", webhook.id())
                .query(String.class)
                .single())
        .isEqualTo("{}");
  }

  @Test
  void twoWebhooksCannotShareACapabilityHashEvenInAnotherPolicy() {
    String hash = "ab".repeat(32);
    store.insert(new WebhookRecord(UUID.randomUUID(), POLICY, "First", Map.of(), hash, T0));

    assertThatThrownBy(
            () ->
                store.insert(
                    new WebhookRecord(UUID.randomUUID(), POLICY, "Second", Map.of(), hash, T0)))
        .isInstanceOf(DuplicateKeyException.class);
    assertThatThrownBy(
            () ->
                store.insert(
                    new WebhookRecord(
                        UUID.randomUUID(), OTHER_POLICY, "Third", Map.of(), hash, T0)))
        .isInstanceOf(DuplicateKeyException.class);
    assertThat(store.count(POLICY)).isEqualTo(1);
    assertThat(store.count(OTHER_POLICY)).isZero();
  }

  @Test
  void twoWebhooksCannotShareAnId() {
    UUID id = UUID.randomUUID();
    store.insert(webhook(id, POLICY, Map.of()));

    assertThatThrownBy(() -> store.insert(webhook(id, SIBLING, Map.of())))
        .isInstanceOf(DuplicateKeyException.class);
  }

  @Test
  void aWebhookNeedsAnExistingPolicy() {
    assertThatThrownBy(() -> store.insert(webhook(UUID.randomUUID(), UUID.randomUUID(), Map.of())))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  // Existence checks and the policy lock

  @Test
  void aGroupExistsOnlyForItsTenant() {
    List<String> tenantIds = List.of(TENANT, OTHER_TENANT, "unknown");

    assertThat(found(tenantIds, GROUPS, store::groupExists))
        .containsExactlyInAnyOrder(Map.entry(TENANT, GROUP), Map.entry(OTHER_TENANT, OTHER_GROUP));
  }

  @Test
  void aPolicyExistsOnlyInItsGroup() {
    assertThat(found(GROUPS, POLICIES, store::policyExists))
        .containsExactlyInAnyOrderElementsOf(IN_THEIR_GROUPS);
  }

  @Test
  void lockingAPolicyTellsWhetherItExistsInItsGroup() {
    assertThat(found(GROUPS, POLICIES, store::lockPolicy))
        .containsExactlyInAnyOrderElementsOf(IN_THEIR_GROUPS);
  }

  // Count and list

  @Test
  void webhooksAreCountedPerPolicy() {
    assertThat(store.count(POLICY)).isZero();
    for (int i = 0; i < 3; i++) {
      store.insert(webhook(UUID.randomUUID(), POLICY, Map.of()));
    }
    store.insert(webhook(UUID.randomUUID(), SIBLING, Map.of()));

    assertThat(store.count(POLICY)).isEqualTo(3);
    assertThat(store.count(SIBLING)).isEqualTo(1);
    assertThat(store.count(OTHER_POLICY)).isZero();
    assertThat(store.count(UUID.randomUUID())).isZero();
  }

  /**
   * Ids whose first hex digit is 8 or more are negative as Java longs, and ids that differ only in
   * their second half too: the list must follow the lowercase text of the ids, which is the
   * unsigned order of their bytes, not {@link UUID#compareTo}.
   */
  static final List<UUID> IDS_IN_TEXT_ORDER =
      List.of(
              "00000000-0000-4000-8000-000000000001",
              "00000000-0000-4000-8000-000000000002",
              "00000000-0000-4000-f000-000000000000",
              "0fffffff-ffff-4fff-bfff-ffffffffffff",
              "10000000-0000-4000-8000-000000000000",
              "7fffffff-ffff-4fff-bfff-ffffffffffff",
              "80000000-0000-4000-0000-000000000000",
              "80000000-0000-4000-8000-000000000000",
              "a0000000-0000-4000-8000-000000000000",
              "afffffff-0000-4000-8000-000000000000",
              "ffffffff-ffff-4fff-bfff-fffffffffffe",
              "ffffffff-ffff-4fff-bfff-ffffffffffff")
          .stream()
          .map(UUID::fromString)
          .toList();

  @Test
  void theTestIdsAreInTextOrderWhichIsNotJavasOrder() {
    assertThat(IDS_IN_TEXT_ORDER)
        .isSortedAccordingTo(Comparator.comparing(UUID::toString))
        .doesNotHaveDuplicates();
    // Signed comparison of the two halves, as UUID#compareTo does, would order them otherwise.
    Comparator<UUID> signed =
        Comparator.comparingLong(UUID::getMostSignificantBits)
            .thenComparingLong(UUID::getLeastSignificantBits);
    assertThat(IDS_IN_TEXT_ORDER.stream().sorted(signed).toList()).isNotEqualTo(IDS_IN_TEXT_ORDER);
  }

  @Test
  void webhooksAreListedPerPolicyByIdInTheOrderOfTheirText() {
    insertShuffled(POLICY);
    store.insert(
        webhook(UUID.fromString("50000000-0000-4000-8000-000000000000"), SIBLING, Map.of()));

    List<WebhookRecord> all = store.list(AT_POLICY, null, 100);

    assertThat(all).extracting(WebhookRecord::id).containsExactlyElementsOf(IDS_IN_TEXT_ORDER);
    assertThat(all).allSatisfy(webhook -> assertThat(webhook.policyId()).isEqualTo(POLICY));
    assertThat(all.get(0)).isEqualTo(store.find(AT_POLICY, all.get(0).id()).orElseThrow());
    assertThat(store.list(AT_OTHER_POLICY, null, 100)).isEmpty();
    assertThat(store.list(new WebhooksStore.Scope(TENANT, GROUP, UUID.randomUUID()), null, 100))
        .isEmpty();
  }

  @Test
  void aListHoldsAtMostItsLimitFromTheStart() {
    insertShuffled(POLICY);

    assertThat(store.list(AT_POLICY, null, 1))
        .extracting(WebhookRecord::id)
        .containsExactly(IDS_IN_TEXT_ORDER.get(0));
    assertThat(store.list(AT_POLICY, null, 7))
        .extracting(WebhookRecord::id)
        .containsExactlyElementsOf(IDS_IN_TEXT_ORDER.subList(0, 7));
    assertThat(store.list(AT_POLICY, null, IDS_IN_TEXT_ORDER.size()))
        .hasSize(IDS_IN_TEXT_ORDER.size());
  }

  @Test
  void aListAfterAMarkerHoldsOnlyIdsStrictlyGreater() {
    insertShuffled(POLICY);
    int n = IDS_IN_TEXT_ORDER.size();

    for (int i = 0; i < n; i++) {
      assertThat(store.list(AT_POLICY, IDS_IN_TEXT_ORDER.get(i), 100))
          .as("after %s", IDS_IN_TEXT_ORDER.get(i))
          .extracting(WebhookRecord::id)
          .containsExactlyElementsOf(IDS_IN_TEXT_ORDER.subList(i + 1, n));
    }
    // Pages of 5 chained by the last id of each page.
    assertThat(store.list(AT_POLICY, IDS_IN_TEXT_ORDER.get(4), 5))
        .extracting(WebhookRecord::id)
        .containsExactlyElementsOf(IDS_IN_TEXT_ORDER.subList(5, 10));
    assertThat(store.list(AT_POLICY, IDS_IN_TEXT_ORDER.get(9), 5))
        .extracting(WebhookRecord::id)
        .containsExactlyElementsOf(IDS_IN_TEXT_ORDER.subList(10, n));
  }

  @Test
  void anUnknownMarkerContinuesAfterWhereItWouldBe() {
    insertShuffled(POLICY);
    int n = IDS_IN_TEXT_ORDER.size();

    // Between 7fffffff-... and 80000000-...: negative as a Java long, after the positives.
    assertThat(store.list(AT_POLICY, UUID.fromString("7fffffff-ffff-4fff-ffff-ffffffffffff"), 100))
        .extracting(WebhookRecord::id)
        .containsExactlyElementsOf(IDS_IN_TEXT_ORDER.subList(6, n));
    assertThat(store.list(AT_POLICY, UUID.fromString("90000000-0000-4000-8000-000000000000"), 100))
        .extracting(WebhookRecord::id)
        .containsExactlyElementsOf(IDS_IN_TEXT_ORDER.subList(8, n));
    // Between ids that differ only in their second half.
    assertThat(store.list(AT_POLICY, UUID.fromString("00000000-0000-4000-9000-000000000000"), 100))
        .extracting(WebhookRecord::id)
        .containsExactlyElementsOf(IDS_IN_TEXT_ORDER.subList(2, n));
    assertThat(store.list(AT_POLICY, UUID.fromString("00000000-0000-0000-0000-000000000000"), 3))
        .extracting(WebhookRecord::id)
        .containsExactlyElementsOf(IDS_IN_TEXT_ORDER.subList(0, 3));
    assertThat(store.list(AT_POLICY, UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff"), 100))
        .isEmpty();
  }

  // Replace and delete

  @Test
  void replacingAWebhookChangesItsNameAndMetadataOnly() {
    WebhookRecord webhook = inserted(POLICY, Map.of("a", "1", "b", "2"));
    WebhookRecord sibling = inserted(POLICY, Map.of("a", "1"));
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("ünïcode", "値");
    metadata.put("c", "");

    assertThat(store.replace(AT_POLICY, webhook.id(), "Renamed ✓", metadata)).isTrue();

    assertThat(store.find(AT_POLICY, webhook.id()))
        .contains(
            new WebhookRecord(
                webhook.id(),
                POLICY,
                "Renamed ✓",
                metadata,
                webhook.capabilityHash(),
                webhook.createdAt()));
    assertThat(store.find(AT_POLICY, sibling.id())).contains(sibling);

    assertThat(store.replace(AT_POLICY, webhook.id(), "Emptied", Map.of())).isTrue();
    assertThat(store.find(AT_POLICY, webhook.id()).orElseThrow().metadata()).isNotNull().isEmpty();
  }

  @Test
  void aWebhookIsReplacedOnlyThroughItsPolicy() {
    WebhookRecord webhook = inserted(POLICY, Map.of("a", "1"));

    assertThat(store.replace(AT_SIBLING, webhook.id(), "Other", Map.of())).isFalse();
    assertThat(store.replace(AT_OTHER_POLICY, webhook.id(), "Other", Map.of())).isFalse();
    assertThat(store.replace(AT_POLICY, UUID.randomUUID(), "Other", Map.of())).isFalse();
    assertThat(store.find(AT_POLICY, webhook.id())).contains(webhook);
  }

  @Test
  void aWebhookIsDeletedOnlyThroughItsPolicy() {
    WebhookRecord webhook = inserted(POLICY, Map.of());
    WebhookRecord kept = inserted(POLICY, Map.of());

    assertThat(store.delete(AT_SIBLING, webhook.id())).isFalse();
    assertThat(store.delete(AT_OTHER_POLICY, webhook.id())).isFalse();
    assertThat(store.delete(AT_POLICY, UUID.randomUUID())).isFalse();
    assertThat(store.find(AT_POLICY, webhook.id())).contains(webhook);

    assertThat(store.delete(AT_POLICY, webhook.id())).isTrue();

    assertThat(store.find(AT_POLICY, webhook.id())).isEmpty();
    assertThat(store.list(AT_POLICY, null, 100)).containsExactly(kept);
    assertThat(store.count(POLICY)).isEqualTo(1);
    assertThat(store.delete(AT_POLICY, webhook.id())).isFalse();
  }

  @Test
  void aWebhookIsReachedOnlyThroughItsWholePath() {
    WebhookRecord webhook = inserted(POLICY, Map.of());
    List<WebhooksStore.Scope> wrongPaths =
        List.of(
            new WebhooksStore.Scope(OTHER_TENANT, GROUP, POLICY),
            new WebhooksStore.Scope(TENANT, OTHER_GROUP, POLICY),
            new WebhooksStore.Scope(TENANT, UUID.randomUUID(), POLICY),
            new WebhooksStore.Scope("", GROUP, POLICY));

    for (WebhooksStore.Scope wrong : wrongPaths) {
      assertThat(store.find(wrong, webhook.id())).as("find at %s", wrong).isEmpty();
      assertThat(store.list(wrong, null, 100)).as("list at %s", wrong).isEmpty();
      assertThat(store.replace(wrong, webhook.id(), "Other", Map.of())).as("%s", wrong).isFalse();
      assertThat(store.delete(wrong, webhook.id())).as("delete at %s", wrong).isFalse();
    }
    assertThat(store.find(AT_POLICY, webhook.id())).contains(webhook);
  }

  // Executions

  @Test
  void executingAKnownHashCountsOnItsPolicyOnly() {
    WebhookRecord webhook = inserted(POLICY, Map.of());
    WebhookRecord sibling = inserted(SIBLING, Map.of());

    assertThat(store.recordExecution(webhook.capabilityHash(), T1)).isTrue();

    assertThat(policy(GROUP, POLICY))
        .isEqualTo(new ScalingPolicyRecord(POLICY, GROUP, "Up", 1, T1, T0));
    assertThat(policy(GROUP, SIBLING))
        .isEqualTo(new ScalingPolicyRecord(SIBLING, GROUP, "Down", 0, null, T0));

    assertThat(store.recordExecution(webhook.capabilityHash(), T2)).isTrue();

    assertThat(policy(GROUP, POLICY).executions()).isEqualTo(2);
    assertThat(policy(GROUP, POLICY).lastExecutedAt()).isEqualTo(T2);
    assertThat(policy(GROUP, SIBLING).executions()).isZero();
  }

  @Test
  void executionsOfTwoWebhooksOfAPolicyAddUp() {
    WebhookRecord first = inserted(POLICY, Map.of());
    WebhookRecord second = inserted(POLICY, Map.of());

    assertThat(store.recordExecution(first.capabilityHash(), T1)).isTrue();
    assertThat(store.recordExecution(second.capabilityHash(), T2)).isTrue();

    assertThat(policy(GROUP, POLICY).executions()).isEqualTo(2);
    assertThat(policy(GROUP, POLICY).lastExecutedAt()).isEqualTo(T2);
  }

  @Test
  void executingAnUnknownOrDeletedHashChangesNothing() {
    WebhookRecord webhook = inserted(POLICY, Map.of());

    assertThat(store.recordExecution("f".repeat(64), T1)).isFalse();
    assertThat(store.recordExecution(webhook.capabilityHash().toUpperCase(), T1)).isFalse();
    assertThat(store.recordExecution(webhook.capabilityHash().substring(1), T1)).isFalse();
    assertThat(store.recordExecution("", T1)).isFalse();
    assertThat(policy(GROUP, POLICY))
        .isEqualTo(new ScalingPolicyRecord(POLICY, GROUP, "Up", 0, null, T0));

    assertThat(store.delete(AT_POLICY, webhook.id())).isTrue();

    assertThat(store.recordExecution(webhook.capabilityHash(), T1)).isFalse();
    assertThat(policy(GROUP, POLICY).executions()).isZero();
    assertThat(policy(GROUP, POLICY).lastExecutedAt()).isNull();
  }

  // Cascades

  @Test
  void deletingAPolicyDeletesItsWebhooksOnly() {
    WebhookRecord webhook = webhook(UUID.randomUUID(), POLICY, Map.of());
    WebhookRecord sibling = webhook(UUID.randomUUID(), SIBLING, Map.of());
    WebhookRecord other = webhook(UUID.randomUUID(), OTHER_POLICY, Map.of());
    store.insert(webhook);
    store.insert(webhook(UUID.randomUUID(), POLICY, Map.of()));
    store.insert(sibling);
    store.insert(other);

    assertThat(tenants.deleteScalingPolicy(GROUP, POLICY)).isTrue();

    assertThat(webhookIds()).containsExactlyInAnyOrder(sibling.id(), other.id());
    assertThat(store.count(POLICY)).isZero();
    assertThat(store.recordExecution(webhook.capabilityHash(), T1)).isFalse();
  }

  @Test
  void deletingAGroupDeletesTheWebhooksOfAllItsPolicies() {
    WebhookRecord other = webhook(UUID.randomUUID(), OTHER_POLICY, Map.of());
    store.insert(webhook(UUID.randomUUID(), POLICY, Map.of()));
    store.insert(webhook(UUID.randomUUID(), POLICY, Map.of()));
    store.insert(webhook(UUID.randomUUID(), SIBLING, Map.of()));
    store.insert(other);

    assertThat(tenants.deleteScalingGroup(TENANT, GROUP)).isTrue();

    assertThat(webhookIds()).containsExactly(other.id());
    assertThat(store.groupExists(TENANT, GROUP)).isFalse();
    assertThat(store.policyExists(GROUP, POLICY)).isFalse();
  }

  @Test
  void deletingATenantDeletesTheWebhooksOfAllItsGroups() {
    WebhookRecord other = webhook(UUID.randomUUID(), OTHER_POLICY, Map.of());
    store.insert(webhook(UUID.randomUUID(), POLICY, Map.of()));
    store.insert(webhook(UUID.randomUUID(), SIBLING, Map.of()));
    store.insert(other);

    assertThat(tenants.deleteTenant(TENANT)).isTrue();

    assertThat(webhookIds()).containsExactly(other.id());
  }

  // Helpers

  /** A webhook with a fresh capability hash (with letters), created at {@link #T0}. */
  private WebhookRecord inserted(UUID policyId, Map<String, String> metadata) {
    WebhookRecord webhook = webhook(UUID.randomUUID(), policyId, metadata);
    store.insert(webhook);
    return webhook;
  }

  private WebhookRecord webhook(UUID id, UUID policyId, Map<String, String> metadata) {
    hashes++;
    String hash = "cafe" + String.format("%060x", hashes);
    return new WebhookRecord(id, policyId, "Webhook " + hashes, metadata, hash, T0);
  }

  /** The webhooks of {@link #IDS_IN_TEXT_ORDER} in the policy, inserted in no particular order. */
  private void insertShuffled(UUID policyId) {
    int n = IDS_IN_TEXT_ORDER.size();
    // 5 is coprime to 12: every index once, far from sorted.
    for (int i = 0; i < n; i++) {
      store.insert(webhook(IDS_IN_TEXT_ORDER.get((i * 5 + 3) % n), policyId, Map.of("i", "" + i)));
    }
  }

  private ScalingPolicyRecord policy(UUID groupId, UUID policyId) {
    return tenants.findScalingPolicy(groupId, policyId).orElseThrow();
  }

  private List<UUID> webhookIds() {
    return jdbc.sql("SELECT id FROM webhooks")
        .query((row, n) -> row.getObject("id", UUID.class))
        .list();
  }

  /** The pairs, out of every pairing of these keys, that a lookup by both finds. */
  private static <A, B> List<Map.Entry<A, B>> found(
      List<A> firsts, List<B> seconds, BiPredicate<A, B> lookup) {
    List<Map.Entry<A, B>> found = new ArrayList<>();
    for (A first : firsts) {
      for (B second : seconds) {
        if (lookup.test(first, second)) {
          found.add(Map.entry(first, second));
        }
      }
    }
    return found;
  }
}
