package io.hookwire.server.autoscale;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookwire.server.HookwireApplication;
import io.hookwire.server.TestDatabases;
import io.hookwire.server.TestHttp;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two servers on one PostgreSQL behave as one: they share the rate limits (the tenant's, the
 * capability URL's and the client address's), keep the webhook quota under creates split across
 * both, stop a token deleted through the other within the caller cache's time to live, and execute
 * nothing for a capability whose webhook or policy was deleted through the other. Each test uses a
 * tenant, capability URLs and client addresses of its own, as buckets live as long as the servers.
 *
 * <p>Bounds on what was served are the bucket's capacity plus what it refilled while the test ran,
 * measured around the burst, so they hold however slow the machine is.
 */
@Timeout(120)
class SeveralServersTest {

  private static final int TENANT_PER_MINUTE = 600;
  private static final int EXECUTE_PER_SECOND = 5;
  private static final int EXECUTE_PER_SECOND_PER_CLIENT = 10;
  private static final Duration CALLER_CACHE_TTL = Duration.ofSeconds(5);

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final SecureRandom RANDOM = new SecureRandom();

  private static EmbeddedPostgres database;
  private static ConfigurableApplicationContext firstServer;
  private static ConfigurableApplicationContext secondServer;
  private static List<TestHttp> servers;

  @BeforeAll
  static void start() {
    database = TestDatabases.startPostgres();
    firstServer = startServer();
    secondServer = startServer();
    servers = List.of(TestHttp.of(firstServer), TestHttp.of(secondServer));
  }

  @AfterAll
  static void stop() throws IOException {
    for (ConfigurableApplicationContext server :
        new ConfigurableApplicationContext[] {firstServer, secondServer}) {
      if (server != null) {
        server.close();
      }
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  void theTenantLimitIsShared() {
    Tenant tenant = newTenant();
    // Twice the budget: two servers with a budget each would serve nearly all of it.
    Burst burst =
        burst(
            2 * TENANT_PER_MINUTE + 100,
            i -> servers.get(i % 2).autoscale("GET", tenant.webhooks(), tenant.token(), null));

    assertThat(burst.served())
        .isBetween(
            TENANT_PER_MINUTE, TENANT_PER_MINUTE + refilled(burst, TENANT_PER_MINUTE / 60.0));
    assertThat(burst.refusedBy()).containsExactlyInAnyOrder(0, 1);
  }

  @Test
  void theExecuteLimitOfACapabilityUrlIsSharedAndHoldsUpNoOther() {
    String limited = randomHash();
    // A new client address each time, so that only the capability URL's limit applies.
    String clients = "198.51.100.";
    Burst burst =
        burst(8 * EXECUTE_PER_SECOND, i -> execute(servers.get(i % 2), limited, clients + i));

    assertThat(burst.served())
        .isBetween(EXECUTE_PER_SECOND, EXECUTE_PER_SECOND + refilled(burst, EXECUTE_PER_SECOND));
    assertThat(burst.refusedBy()).containsExactlyInAnyOrder(0, 1);
    for (TestHttp server : servers) {
      assertThat(execute(server, randomHash(), clients + "250").statusCode()).isEqualTo(202);
    }
  }

  @Test
  void theExecuteLimitOfAClientAddressIsSharedAndHoldsUpNoOther() {
    String client = "203.0.113.7";
    // A new capability URL each time, known or not: guessing is limited per client.
    Burst burst =
        burst(
            8 * EXECUTE_PER_SECOND_PER_CLIENT,
            i -> execute(servers.get(i % 2), randomHash(), client));

    assertThat(burst.served())
        .isBetween(
            EXECUTE_PER_SECOND_PER_CLIENT,
            EXECUTE_PER_SECOND_PER_CLIENT + refilled(burst, EXECUTE_PER_SECOND_PER_CLIENT));
    assertThat(burst.refusedBy()).containsExactlyInAnyOrder(0, 1);
    for (TestHttp server : servers) {
      assertThat(execute(server, randomHash(), "203.0.113.8").statusCode()).isEqualTo(202);
    }
  }

  @Test
  void theWebhookQuotaHoldsUnderCreatesSplitAcrossBothServers() throws Exception {
    QuotaRace.race(servers, randomTenantId());
  }

  @Test
  void aTokenDeletedThroughOneServerStopsOnTheOtherWithinTheCallerCacheTtl() throws Exception {
    Tenant tenant = newTenant();
    JsonNode token =
        created(first().operator("POST", tenant.path() + "/tokens", "{\"role\":\"observer\"}"));
    String secret = token.get("token").asString();
    for (TestHttp server : servers) {
      // Both servers now remember who the token belongs to.
      assertThat(server.autoscale("GET", tenant.webhooks(), secret, null).statusCode())
          .isEqualTo(200);
    }

    assertThat(
            first()
                .operator("DELETE", tenant.path() + "/tokens/" + token.get("id").asString(), null)
                .statusCode())
        .isEqualTo(204);
    long deleted = System.nanoTime();

    // The deleting server forgets at once; the other within the time to live.
    assertThat(first().autoscale("GET", tenant.webhooks(), secret, null).statusCode())
        .isEqualTo(401);
    while (second().autoscale("GET", tenant.webhooks(), secret, null).statusCode() != 401) {
      assertThat(Duration.ofNanos(System.nanoTime() - deleted))
          .isLessThan(CALLER_CACHE_TTL.plusSeconds(1));
      Thread.sleep(50);
    }
    assertThat(Duration.ofNanos(System.nanoTime() - deleted))
        .isLessThanOrEqualTo(CALLER_CACHE_TTL.plusSeconds(1));
  }

  @Test
  void aCapabilityStopsOnBothServersOnceItsWebhookOrPolicyIsDeletedThroughOne() {
    Tenant tenant = newTenant();
    JsonNode webhooks =
        created(
                second()
                    .autoscale(
                        "POST",
                        tenant.webhooks(),
                        tenant.token(),
                        "[{\"name\":\"first\"},{\"name\":\"second\"}]"))
            .get("webhooks");
    String first = capabilityHash(webhooks.get(0));
    String second = capabilityHash(webhooks.get(1));
    for (TestHttp server : servers) {
      assertThat(execute(server, first, "192.0.2.1").statusCode()).isEqualTo(202);
    }
    assertThat(executions(tenant)).isEqualTo(2);

    // The webhook is deleted through the second server: its capability executes nothing on either.
    assertThat(
            second()
                .autoscale(
                    "DELETE",
                    tenant.webhooks() + "/" + webhooks.get(0).get("id").asString(),
                    tenant.token(),
                    null)
                .statusCode())
        .isEqualTo(204);
    for (TestHttp server : servers) {
      assertThat(execute(server, first, "192.0.2.1").statusCode()).isEqualTo(202);
    }
    assertThat(executions(tenant)).isEqualTo(2);

    // The policy is deleted through the first server: its other webhook's capability executes
    // nothing on either, and nothing else is counted in its place.
    assertThat(first().operator("DELETE", tenant.policyPath(), null).statusCode()).isEqualTo(204);
    long before = totalExecutions();
    for (TestHttp server : servers) {
      assertThat(execute(server, second, "192.0.2.1").statusCode()).isEqualTo(202);
      assertThat(server.operator("GET", tenant.policyPath(), null).statusCode()).isEqualTo(404);
    }
    assertThat(totalExecutions()).isEqualTo(before);
  }

  /** A tenant with one group and policy, and an admin token. */
  private record Tenant(String id, String group, String policy, String token) {

    String path() {
      return "/operator/v1/tenants/" + id;
    }

    String policyPath() {
      return path() + "/groups/" + group + "/policies/" + policy;
    }

    String webhooks() {
      return "/v1.0/" + id + "/groups/" + group + "/policies/" + policy + "/webhooks";
    }
  }

  private static Tenant newTenant() {
    String id = randomTenantId();
    created(first().operator("POST", "/operator/v1/tenants", "{\"id\":\"" + id + "\"}"));
    String tenantPath = "/operator/v1/tenants/" + id;
    String group =
        created(first().operator("POST", tenantPath + "/groups", "{\"name\":\"web\"}"))
            .get("id")
            .asString();
    String policy =
        created(
                first()
                    .operator(
                        "POST", tenantPath + "/groups/" + group + "/policies", "{\"name\":\"up\"}"))
            .get("id")
            .asString();
    String token =
        created(first().operator("POST", tenantPath + "/tokens", "{\"role\":\"admin\"}"))
            .get("token")
            .asString();
    return new Tenant(id, group, policy, token);
  }

  /** What a run of requests got: how many were served, and which servers refused any. */
  private record Burst(int served, List<Integer> refusedBy, Duration took) {}

  /**
   * Sends the requests one after another, each to the server {@code send} chooses.
   *
   * @param send the i-th request, answered by server {@code i % 2}
   */
  private static Burst burst(int requests, IntFunction<HttpResponse<String>> send) {
    int served = 0;
    boolean[] refused = new boolean[2];
    long started = System.nanoTime();
    for (int i = 0; i < requests; i++) {
      HttpResponse<String> response = send.apply(i);
      if (response.statusCode() == 413) {
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        refused[i % 2] = true;
      } else {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        served++;
      }
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    List<Integer> refusedBy = new ArrayList<>();
    for (int server = 0; server < 2; server++) {
      if (refused[server]) {
        refusedBy.add(server);
      }
    }
    return new Burst(served, refusedBy, took);
  }

  /** The most tokens a bucket refilling {@code perSecond} can have gained during the burst. */
  private static int refilled(Burst burst, double perSecond) {
    return (int) Math.ceil(burst.took().toNanos() / 1e9 * perSecond) + 1;
  }

  /** An anonymous capability execution from the client address {@code client}. */
  private static HttpResponse<String> execute(TestHttp server, String hash, String client) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.base() + "/v1.0/execute/1/" + hash + "/"))
            .header("X-Forwarded-For", client)
            .POST(BodyPublishers.noBody())
            .build();
    try {
      return CLIENT.send(request, BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new AssertionError("execute failed", e);
    }
  }

  private static String capabilityHash(JsonNode webhook) {
    for (JsonNode link : webhook.get("links")) {
      if (link.get("rel").asString().equals("capability")) {
        String href = link.get("href").asString();
        return href.replaceAll("^.*/execute/1/([0-9a-f]{64})/$", "$1");
      }
    }
    throw new AssertionError("no capability link in " + webhook);
  }

  private static long executions(Tenant tenant) {
    HttpResponse<String> policy = second().operator("GET", tenant.policyPath(), null);
    assertThat(policy.statusCode()).as(policy.body()).isEqualTo(200);
    return JSON.readTree(policy.body()).get("executions").asLong();
  }

  private static long totalExecutions() {
    return JdbcClient.create(database.getPostgresDatabase())
        .sql("SELECT COALESCE(SUM(executions), 0) FROM scaling_policies")
        .query(Long.class)
        .single();
  }

  private static JsonNode created(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return JSON.readTree(response.body());
  }

  private static String randomHash() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static String randomTenantId() {
    return String.valueOf(100_000_000 + RANDOM.nextInt(900_000_000));
  }

  private static TestHttp first() {
    return servers.get(0);
  }

  private static TestHttp second() {
    return servers.get(1);
  }

  private static ConfigurableApplicationContext startServer() {
    return new SpringApplicationBuilder(HookwireApplication.class)
        .run(
            "--server.port=0",
            "--management.server.port=0",
            "--spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=",
            "--hookwire.operator-token=test-operator-token",
            "--hookwire.demo.enabled=false",
            "--hookwire.caller-cache-ttl=" + CALLER_CACHE_TTL.toSeconds() + "s",
            "--hookwire.autoscale.rate-limit.tenant-per-minute=" + TENANT_PER_MINUTE,
            "--hookwire.autoscale.rate-limit.execute-per-second=" + EXECUTE_PER_SECOND,
            "--hookwire.autoscale.rate-limit.execute-per-second-per-client="
                + EXECUTE_PER_SECOND_PER_CLIENT,
            // The client address is the one X-Forwarded-For names, as behind a trusted proxy.
            "--server.forward-headers-strategy=framework");
  }
}
