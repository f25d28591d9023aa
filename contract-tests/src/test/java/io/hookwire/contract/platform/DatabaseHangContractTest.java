package io.hookwire.contract.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hookwire.client.HookwireOperator;
import io.hookwire.client.operator.model.AccountCreate;
import io.hookwire.client.operator.model.ScalingGroupCreate;
import io.hookwire.client.operator.model.ScalingPolicyCreate;
import io.hookwire.client.operator.model.TenantCreate;
import io.hookwire.client.operator.model.TenantTokenCreate;
import io.hookwire.client.operator.model.TenantTokenRole;
import io.hookwire.client.operator.model.UserCreate;
import io.hookwire.client.operator.model.UserRole;
import io.hookwire.contract.support.Api;
import io.hookwire.contract.support.ContractServer;
import io.hookwire.contract.support.Fixtures;
import io.hookwire.contract.support.RawHttp;
import io.hookwire.contract.support.Specs;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * While its database hangs (every PostgreSQL process stopped, as a frozen host or a network
 * partition looks: connections stay open and nothing answers), no request waits long for it: every
 * operation of every API answers 503 in its API's error format within {@link #BOUND}; once the
 * database answers again, the server serves again by itself. The server runs with the product's
 * default timeouts, since what is under test is that the shipped configuration bounds the wait. The
 * suite needs a server whose database it can freeze, so it starts its own on a PostgreSQL it owns;
 * against a deployment given by {@code -Dcontract.baseUrl} it is skipped.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseHangContractTest {

  private static final String OPERATOR_TOKEN = "hang-operator-token";

  /** The longest a request may wait while the database hangs. */
  private static final Duration BOUND = Duration.ofSeconds(10);

  /**
   * When the client gives up on a request: well past {@link #BOUND}, so a hang fails, not blocks.
   */
  private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);

  /** Requests in flight at once while the database hangs (fewer than the pool's connections). */
  private static final int CONCURRENCY = 8;

  @TempDir static Path data;

  private static OwnPostgresServer server;
  private static String userToken;
  private static String tenantToken;
  private static String webhooksPath;

  /** The PostgreSQL processes stopped and not yet continued. */
  private static final List<Long> frozen = new ArrayList<>();

  @BeforeAll
  static void startServerAndProvisionACallerOfEachApi() throws IOException {
    assumeTrue(ContractServer.get().embedded(), "needs a server whose database it can freeze");
    assumeFalse(
        System.getProperty("os.name").startsWith("Windows"), "freezes PostgreSQL with kill -STOP");
    server = OwnPostgresServer.start(data, OPERATOR_TOKEN);
    var operator = HookwireOperator.connect(server.baseUrl(), OPERATOR_TOKEN, Fixtures.options());
    String accountId = operator.accounts().createAccount(new AccountCreate().name("hang")).getId();
    String userId =
        operator
            .accounts()
            .createUser(accountId, new UserCreate().name("admin").role(UserRole.ADMIN))
            .getId();
    userToken = operator.accounts().createUserToken(accountId, userId).getToken();
    String tenantId = "314159265";
    operator.tenants().createTenant(new TenantCreate().id(tenantId));
    UUID group =
        operator
            .tenants()
            .createScalingGroup(tenantId, new ScalingGroupCreate().name("web"))
            .getId();
    UUID policy =
        operator
            .tenants()
            .createScalingPolicy(tenantId, group, new ScalingPolicyCreate().name("scale up"))
            .getId();
    tenantToken =
        operator
            .tenants()
            .createTenantToken(tenantId, new TenantTokenCreate().role(TenantTokenRole.ADMIN))
            .getToken();
    webhooksPath = "/v1.0/%s/groups/%s/policies/%s/webhooks".formatted(tenantId, group, policy);
  }

  @AfterAll
  static void thawThenStop() throws Exception {
    try {
      thaw();
    } finally {
      if (server != null) {
        server.close();
      }
    }
  }

  @Order(1)
  @Test
  void everyOperationAnswers503WithinTheBoundWhileTheDatabaseHangs() throws Exception {
    assertThat(server.get(Api.OPERATOR, "/operator/v1/accounts", OPERATOR_TOKEN, BOUND).status())
        .isEqualTo(200);
    assertThat(server.get(Api.ENDPOINTS, "/api/iacp/v3/endpoints", userToken, BOUND).status())
        .isEqualTo(200);
    assertThat(server.get(Api.AUTOSCALE, webhooksPath, tenantToken, BOUND).status()).isEqualTo(200);
    // Requests back to back until the freeze: the hang is met on a pooled connection in use a
    // moment ago (which a pool does not check again before lending it), or by a query in flight.
    AtomicBoolean stopped = new AtomicBoolean();
    ExecutorService busy = Executors.newSingleThreadExecutor();
    Future<Outcome> asItFroze =
        busy.submit(
            () -> {
              Outcome outcome;
              do {
                outcome =
                    timed(
                        "OPERATOR listAccounts, sent as the database froze",
                        () ->
                            server.get(
                                Api.OPERATOR,
                                "/operator/v1/accounts",
                                OPERATOR_TOKEN,
                                CLIENT_TIMEOUT));
              } while (outcome.status() == 200 && !stopped.get());
              return outcome;
            });
    List<Outcome> outcomes = new ArrayList<>();
    try {
      Thread.sleep(200); // a few of them
      freeze();
      stopped.set(true);
      outcomes.addAll(sendEveryOperation());
      Outcome last = asItFroze.get(); // bounded by CLIENT_TIMEOUT
      if (last.status() != 200) {
        outcomes.add(last);
      }
    } finally {
      stopped.set(true);
      busy.shutdownNow();
    }

    assertThat(outcomes.stream().filter(outcome -> !outcome.within(BOUND)).toList())
        .as(
            "requests not answered 503 within %s while the database hangs; every outcome:%n%s",
            BOUND, outcomes.stream().map(Outcome::toString).collect(Collectors.joining("\n")))
        .isEmpty();
  }

  @Order(2)
  @Test
  void servesAgainByItselfOnceTheDatabaseAnswers() throws Exception {
    thaw();

    assertThat(server.statusOnceServing(Duration.ofSeconds(30))).isEqualTo(200);
  }

  /** What became of one request: its status (0 when there was none) or why it has none. */
  private record Outcome(String request, int status, Duration elapsed, String failure) {

    boolean within(Duration bound) {
      return status == 503 && failure == null && elapsed.compareTo(bound) < 0;
    }

    @Override
    public String toString() {
      return "  %s: %s after %.1f s"
          .formatted(
              request,
              failure != null ? failure : String.valueOf(status),
              elapsed.toMillis() / 1000.0);
    }
  }

  private static List<Outcome> sendEveryOperation() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
    try {
      List<Future<Outcome>> sent =
          Specs.operations().stream()
              .map(
                  operation ->
                      pool.submit(
                          () ->
                              timed(
                                  operation.api() + " " + operation.operationId(),
                                  () -> server.send(operation, CLIENT_TIMEOUT))))
              .toList();
      List<Outcome> outcomes = new ArrayList<>();
      for (Future<Outcome> outcome : sent) {
        outcomes.add(outcome.get()); // each request is bounded by CLIENT_TIMEOUT
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }

  private static Outcome timed(String name, Supplier<RawHttp.Answer> request) {
    long start = System.nanoTime();
    int status = 0;
    String failure = null;
    try {
      status = request.get().status();
    } catch (AssertionError e) {
      failure =
          e.getCause() instanceof HttpTimeoutException
              ? "no answer"
              : e.toString().replace('\n', ' ');
    }
    return new Outcome(name, status, Duration.ofNanos(System.nanoTime() - start), failure);
  }

  /** Stops the postmaster, then every process it started: once it is stopped it starts no more. */
  private static void freeze() throws IOException, InterruptedException {
    Path pidFile = server.databaseDirectory().resolve("postmaster.pid");
    long postmaster =
        Long.parseLong(Files.readAllLines(pidFile, StandardCharsets.US_ASCII).get(0).strip());
    ProcessHandle handle =
        ProcessHandle.of(postmaster)
            .orElseThrow(() -> new IllegalStateException("no postmaster " + postmaster));
    signal("STOP", List.of(postmaster));
    List<Long> children = handle.descendants().map(ProcessHandle::pid).toList();
    signal("STOP", children);
    assertThat(children).as("PostgreSQL's processes besides the postmaster").isNotEmpty();
  }

  /** Continues whatever {@link #freeze()} stopped. */
  private static void thaw() throws IOException, InterruptedException {
    if (!frozen.isEmpty()) {
      signal("CONT", List.copyOf(frozen));
      frozen.clear();
    }
  }

  private static void signal(String signal, List<Long> pids)
      throws IOException, InterruptedException {
    if (pids.isEmpty()) {
      return;
    }
    if (signal.equals("STOP")) {
      frozen.addAll(pids); // before the signal: a partial freeze is thawed too
    }
    Process kill =
        new ProcessBuilder(
                Stream.concat(Stream.of("kill", "-" + signal), pids.stream().map(String::valueOf))
                    .toList())
            .redirectErrorStream(true)
            .start();
    String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(kill.waitFor()).as("kill -%s %s: %s", signal, pids, output).isZero();
  }
}
