package io.hookwire.server.autoscale;

import static io.hookwire.server.platform.errors.InvalidFieldsAssertions.assertInvalidAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookwire.server.TestDatabases;
import io.hookwire.server.autoscale.WebhooksService.PolicyPath;
import io.hookwire.server.autoscale.WebhooksService.WebhookContent;
import io.hookwire.server.platform.SecureIds;
import io.hookwire.server.platform.errors.InvalidFieldsException;
import io.hookwire.server.platform.errors.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** The Auto Scale webhooks API's rules, on the real store over H2. */
class WebhooksServiceTest {

  private static final Instant NOW = Instant.parse("2026-11-22T09:00:00.123456Z");
  private static final UUID GROUP = UUID.fromString("605e13f6-1452-4588-b5da-ac6bb468c5bf");
  private static final UUID POLICY = UUID.fromString("eb0fe1bf-3428-4f34-afd9-a5ac36f60511");
  private static final PolicyPath PATH =
      new PolicyPath("676873", GROUP.toString(), POLICY.toString());
  private static final int QUOTA = 5;

  private static DataSource database;
  private JdbcClient jdbc;
  private WebhooksService service;

  @BeforeAll
  static void createDatabase() {
    database = TestDatabases.h2();
  }

  @BeforeEach
  void policy() {
    TestDatabases.reset(database);
    jdbc = JdbcClient.create(database);
    jdbc.sql("INSERT INTO tenants VALUES ('676873', :now)")
        .param("now", NOW.atOffset(ZoneOffset.UTC))
        .update();
    jdbc.sql("INSERT INTO scaling_groups VALUES (:id, '676873', 'g', :now)")
        .param("id", GROUP)
        .param("now", NOW.atOffset(ZoneOffset.UTC))
        .update();
    jdbc.sql(
            "INSERT INTO scaling_policies (id, group_id, name, created_at) VALUES (:id, :g, 'p', :now)")
        .param("id", POLICY)
        .param("g", GROUP)
        .param("now", NOW.atOffset(ZoneOffset.UTC))
        .update();
    service =
        new WebhooksService(
            new WebhooksStore(jdbc, JsonMapper.builder().build()),
            new SecureIds(),
            Clock.fixed(NOW, ZoneOffset.UTC),
            new AutoscaleProperties(QUOTA, new AutoscaleProperties.RateLimit(1000, 10, 20, true)));
  }

  @Test
  void createKeepsRequestOrderDefaultsMetadataAndGivesEachASecretHash() {
    List<WebhookRecord> created =
        service.create(
            PATH,
            List.of(
                new WebhookContent(
                    "PagerDuty", Map.of("notes", "PagerDuty will fire this webhook")),
                new WebhookContent("Nagios", null)));

    assertThat(created).extracting(WebhookRecord::name).containsExactly("PagerDuty", "Nagios");
    assertThat(created.get(1).metadata()).isEmpty();
    assertThat(created).allSatisfy(w -> assertThat(w.capabilityHash()).matches("[0-9a-f]{64}"));
    assertThat(created.get(0).capabilityHash()).isNotEqualTo(created.get(1).capabilityHash());
    assertThat(service.get(PATH, created.get(0).id().toString())).isEqualTo(created.get(0));
  }

  @Test
  void theQuotaIsAllOrNothing() {
    service.create(PATH, named(3));

    assertThatThrownBy(() -> service.create(PATH, named(3)))
        .isInstanceOf(WebhookOverLimitsException.class)
        .hasMessageContaining("currently " + QUOTA);
    assertThat(service.list(PATH, null, null)).hasSize(3);
    assertThat(service.create(PATH, named(2))).hasSize(2);
  }

  @Test
  void metadataIsCheckedBeforeTheGroupIsLookedUp() {
    Map<String, String> tooLong = Map.of("k".repeat(257), "v", "notes", "x".repeat(257));
    PolicyPath missing = new PolicyPath("676873", UUID.randomUUID().toString(), POLICY.toString());

    assertInvalidAt(
        () -> service.create(missing, List.of(new WebhookContent("n", tooLong))),
        "/0/metadata",
        "/0/metadata/notes");
  }

  @Test
  void aNullMetadataValueIsRefused() {
    Map<String, String> withNull = new HashMap<>(Collections.singletonMap("notes", null));

    assertThatThrownBy(
            () ->
                service.replace(
                    PATH, UUID.randomUUID().toString(), new WebhookContent("n", withNull)))
        .isInstanceOf(InvalidFieldsException.class);
  }

  @Test
  void theGroupThenThePolicyThenTheWebhookMustExist() {
    String unknown = UUID.randomUUID().toString();

    assertNotFound(
        () -> service.list(new PolicyPath("676873", unknown, unknown), null, null), "ScalingGroup");
    assertNotFound(
        () ->
            service.list(new PolicyPath("700001", GROUP.toString(), POLICY.toString()), null, null),
        "ScalingGroup");
    assertNotFound(
        () -> service.list(new PolicyPath("676873", GROUP.toString(), unknown), null, null),
        "Policy");
    assertNotFound(() -> service.get(PATH, unknown), "Webhook");
    assertNotFound(() -> service.delete(PATH, unknown), "Webhook");
    assertNotFound(
        () -> service.replace(PATH, unknown, new WebhookContent("n", Map.of())), "Webhook");
  }

  @Test
  void anIdThatIsNoUuidIsUnknownAtItsLevelAfterTheLevelsBeforeIt() {
    String unknown = UUID.randomUUID().toString();

    assertNotFound(
        () -> service.list(new PolicyPath("676873", "not-a-uuid", "x"), null, null),
        "ScalingGroup");
    assertNotFound(() -> service.get(new PolicyPath("676873", unknown, "x"), "y"), "ScalingGroup");
    assertNotFound(
        () -> service.list(new PolicyPath("676873", GROUP.toString(), "x"), null, null), "Policy");
    assertNotFound(() -> service.get(PATH, "y"), "Webhook");
    assertNotFound(
        () -> service.create(new PolicyPath("676873", GROUP.toString(), "x"), named(1)), "Policy");
  }

  @Test
  void replaceKeepsTheCapabilityAndDeleteRemoves() {
    WebhookRecord created = service.create(PATH, named(1)).get(0);

    service.replace(
        PATH,
        created.id().toString(),
        new WebhookContent("alice", Map.of("notes", "this is for Alice")));
    WebhookRecord replaced = service.get(PATH, created.id().toString());
    service.delete(PATH, created.id().toString());

    assertThat(replaced.name()).isEqualTo("alice");
    assertThat(replaced.metadata()).containsExactly(Map.entry("notes", "this is for Alice"));
    assertThat(replaced.capabilityHash()).isEqualTo(created.capabilityHash());
    assertNotFound(() -> service.get(PATH, created.id().toString()), "Webhook");
  }

  @Test
  void listPagesByIdAfterTheMarker() {
    List<UUID> ids =
        service.create(PATH, named(5)).stream()
            .map(WebhookRecord::id)
            .sorted(WebhooksServiceTest::byString)
            .toList();

    assertThat(service.list(PATH, null, 2))
        .extracting(WebhookRecord::id)
        .containsExactly(ids.get(0), ids.get(1));
    assertThat(service.list(PATH, ids.get(1).toString(), 2))
        .extracting(WebhookRecord::id)
        .containsExactly(ids.get(2), ids.get(3));
    assertThat(service.list(PATH, ids.get(4).toString(), null)).isEmpty();
  }

  @ParameterizedTest(name = "limit {0} is a page of {1}")
  @CsvSource(
      nullValues = "none",
      value = {"none, 100", "0, 1", "-5, 1", "1, 1", "100, 100", "101, 100", "2147483647, 100"})
  void theLimitIsClampedToOneToAHundred(Integer limit, int size) {
    assertThat(WebhooksService.pageSize(limit)).isEqualTo(size);
  }

  @Test
  void onlyAKnownHashOfVersionOneExecutesItsPolicy() {
    String hash = service.create(PATH, named(1)).get(0).capabilityHash();

    service.execute("1", hash);
    service.execute("2", hash);
    service.execute("1", "0".repeat(64));
    service.execute("1", "not a hash");

    assertThat(executions()).isEqualTo(1);
    assertThat(
            jdbc.sql("SELECT last_executed_at FROM scaling_policies")
                .query(java.time.OffsetDateTime.class)
                .single()
                .toInstant())
        .isEqualTo(NOW);
  }

  private long executions() {
    return jdbc.sql("SELECT executions FROM scaling_policies").query(Long.class).single();
  }

  private static int byString(UUID a, UUID b) {
    return a.toString().compareTo(b.toString());
  }

  private static List<WebhookContent> named(int count) {
    return java.util.stream.IntStream.range(0, count)
        .mapToObj(i -> new WebhookContent("hook " + i, null))
        .toList();
  }

  private static void assertNotFound(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String kind) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.kind()).isEqualTo(kind));
  }
}
