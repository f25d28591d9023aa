package io.hookwire.server.benchmark;

import io.hookwire.server.endpoints.EndpointsListBenchmark;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server against the physical floor of its stack, side by side in one run: the ratios of issue
 * 12. It starts, each in a JVM of its own, the bare {@link FloorApplication} (JVM defaults, as a
 * generated project runs), the server on its embedded H2 with the demo data set, and the server on
 * a PostgreSQL it starts itself (provisioned through the operator API); it measures each one's
 * startup to its first 200, loads each scenario with a closed-loop {@link LoadGenerator} in
 * alternating rounds (floor, H2, PostgreSQL, floor, …, so that whatever else the machine does hits
 * all alike), reads each process's memory after the load, and prints the medians of the rounds and
 * their ratios beside the goals. A fourth process, the server on another database of the
 * same PostgreSQL with its rate limits in its own memory ({@code
 * hookwire.autoscale.rate-limit.shared=false}), runs the Auto Scale scenarios in the same rounds:
 * what the rate limits shared through the database cost (issue 13).
 *
 * <p>A plain program, not a test, so that the build never runs it. Run it from the project root
 * with
 *
 * <pre>
 * ./mvnw -B -q -pl server package -DskipTests exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.hookwire.server.benchmark.ServerBenchmark
 * </pre>
 *
 * <p>It measures the server that command has just packaged, deployed as the README describes
 * ({@link ServerJar}: the executable jar extracted, with a class data sharing archive, and the JVM
 * flags of {@code server/pom.xml}), and takes about 15 minutes with the defaults. Optional system
 * properties, given to the same command: {@code -Dbenchmark.connections=32}, {@code
 * -Dbenchmark.threads=2} (of the load generator), {@code -Dbenchmark.seconds=10} (measured, per
 * scenario and round), {@code -Dbenchmark.warmupSeconds=5} (before each measurement), {@code
 * -Dbenchmark.rounds=3} (after {@code -Dbenchmark.warmupRounds=1} not counted), {@code
 * -Dbenchmark.jvmFlags="-Xmx512m"} (for all three processes, after the servers' own defaults of
 * {@code server/pom.xml}; none by default), {@code -Dbenchmark.starts=3} (of each process, for the
 * startup's median), {@code -Dbenchmark.lists=false} (skips the list's queries, which {@link
 * EndpointsListBenchmark} then measures on both databases, with its own properties). The processes'
 * output, PostgreSQL's log and the H2 database are under {@code server/target/benchmark/}, emptied
 * at each start.
 *
 * <p>The load generator runs in this JVM, on the same cores as the servers, as wrk did when the
 * issue's figures were taken: the ratios compare like with like, the absolute rates depend on the
 * machine. The servers run as shipped (logging included) but for rate limits raised out of reach;
 * PostgreSQL commits synchronously, as in production ({@code synchronous_commit=on}; the embedded
 * one defaults to off).
 */
public final class ServerBenchmark {

  private static final int CONNECTIONS = Integer.getInteger("benchmark.connections", 32);
  private static final int THREADS = Integer.getInteger("benchmark.threads", 2);
  private static final double SECONDS = doubleProperty("benchmark.seconds", 10);
  private static final double WARMUP_SECONDS = doubleProperty("benchmark.warmupSeconds", 5);
  private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 3);
  private static final int WARMUP_ROUNDS = Integer.getInteger("benchmark.warmupRounds", 1);
  private static final int STARTS = Integer.getInteger("benchmark.starts", 3);
  private static final List<String> JVM_FLAGS = flags("benchmark.jvmFlags");

  /**
   * The server's documented JVM defaults (server/pom.xml passes them), before {@link #JVM_FLAGS}.
   */
  private static final List<String> SERVER_JVM_FLAGS =
      Stream.concat(flags("benchmark.serverJvmFlags").stream(), JVM_FLAGS.stream()).toList();

  /** The server's default quota of webhooks per policy, which the create scenario works within. */
  private static final int WEBHOOKS_PER_POLICY = 25;

  /** The PostgreSQL server with rate limits in its own memory instead of the shared database. */
  private static final String UNSHARED = "PG unshared";

  private static final List<String> RAISED_RATE_LIMITS =
      List.of(
          "--hookwire.autoscale.rate-limit.tenant-per-minute=100000000",
          "--hookwire.autoscale.rate-limit.execute-per-second=100000000",
          "--hookwire.autoscale.rate-limit.execute-per-second-per-client=100000000");

  /**
   * The artifacts of {@code spring-boot-starter-webmvc} 4.1.1 and its dependencies: the floor's
   * classpath, besides its own class.
   */
  private static final Set<String> BARE_WEBMVC =
      Set.of(
          ("spring-boot-starter-webmvc spring-boot-starter spring-boot-starter-logging"
                  + " logback-classic logback-core log4j-to-slf4j log4j-api jul-to-slf4j slf4j-api"
                  + " spring-boot-autoconfigure spring-boot jakarta.annotation-api snakeyaml"
                  + " spring-boot-starter-jackson spring-boot-jackson jackson-databind jackson-core"
                  + " jackson-annotations spring-boot-starter-tomcat"
                  + " spring-boot-starter-tomcat-runtime spring-boot-tomcat spring-boot-web-server"
                  + " tomcat-embed-core tomcat-embed-el tomcat-embed-websocket"
                  + " spring-boot-http-converter spring-boot-webmvc spring-boot-servlet spring-core"
                  + " commons-logging jspecify spring-beans spring-context spring-aop"
                  + " spring-expression spring-web spring-webmvc micrometer-observation"
                  + " micrometer-commons")
              .split(" "));

  /** What runs, stopped last first at the end, also on failure or interruption. */
  private static final Deque<AutoCloseable> RUNNING = new ConcurrentLinkedDeque<>();

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final LoadGenerator load =
      new LoadGenerator(CONNECTIONS, THREADS, WARMUP_SECONDS, SECONDS);

  /** The counted measurements, by server and scenario ({@code "H2|GET endpoint"}). */
  private final Map<String, List<LoadGenerator.Result>> results = new LinkedHashMap<>();

  private ServerBenchmark() {}

  public static void main(String[] args) throws Exception {
    quietLogs();
    Runtime.getRuntime().addShutdownHook(new Thread(ServerBenchmark::stopAll));
    try {
      new ServerBenchmark().run();
    } finally {
      stopAll();
    }
    if (Boolean.parseBoolean(System.getProperty("benchmark.lists", "true"))) {
      System.out.println();
      // With every server stopped: the list's queries on both databases, and their ratios.
      EndpointsListBenchmark.main(args);
    }
  }

  /** A process under load: the floor or a server. */
  private record Server(String name, ServerProcess process, int port, Duration startup) {

    byte[] request(String method, String path, String[] headers, String body) {
      return LoadGenerator.request(method, path, port, headers, body);
    }
  }

  /** What one server's scenarios use: its tokens and the ids they act on. */
  private record Credentials(
      String operatorToken,
      String userToken,
      String account,
      String tenantToken,
      String tenant,
      String group,
      String policy) {

    /** The path of a policy's webhooks. */
    String webhooks(String policy) {
      return "/v1.0/" + tenant + "/groups/" + group + "/policies/" + policy + "/webhooks";
    }

    String[] userHeaders(String... more) {
      return headers("Authorization", "Bearer " + userToken, more);
    }

    String[] tenantHeaders(String... more) {
      return headers("X-Auth-Token", tenantToken, more);
    }
  }

  /** The demo data set's (README), on H2. */
  private static final Credentials DEMO =
      new Credentials(
          "demo-operator-token",
          "demo-admin-token",
          "acc-t2fcrq6h1v3nf0g",
          "demo-autoscale-admin-token",
          "676873",
          "605e13f6-1452-4588-b5da-ac6bb468c5bf",
          "eb0fe1bf-3428-4f34-afd9-a5ac36f60511");

  /** A server with the endpoint and the webhook its GET and PUT scenarios act on. */
  private record Target(Server server, Credentials credentials, String endpoint, String webhook) {}

  private void run() throws Exception {
    Path testClasses =
        Path.of(FloorApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path directory = testClasses.getParent().resolve("benchmark");
    deleteRecursively(directory);
    Files.createDirectories(directory);
    List<Path> classpath = classpath();
    ServerJar server = ServerJar.prepare(testClasses.getParent(), directory, SERVER_JVM_FLAGS);

    System.out.printf(
        Locale.ROOT,
        "%s; Java %s, %d processors, load average %.2f%n"
            + "JVM flags: %s%n"
            + "%d connections on %d threads, %.0f s warm-up + %.0f s measured per scenario,"
            + " %d rounds after %d warm-up round(s)%n",
        ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        loadAverage(),
        jvmFlags(),
        CONNECTIONS,
        THREADS,
        WARMUP_SECONDS,
        SECONDS,
        ROUNDS,
        WARMUP_ROUNDS);
    EmbeddedPostgres postgres = startPostgres(directory);

    List<String> floorLaunch =
        concat(
            JVM_FLAGS,
            ServerProcess.classpath(
                floorClasspath(classpath, testClasses), FloorApplication.class.getName()));
    Server floor = startFloor(floorLaunch, directory);
    System.out.printf(
        Locale.ROOT,
        "floor: first 200 after %d ms; %d bytes of JSON%n",
        floor.startup.toMillis(),
        FloorApplication.BODY.length());
    Map<String, Double> startups = startups(server, floorLaunch, directory);
    Target h2 =
        startServer(
            "H2",
            server,
            directory,
            DEMO.operatorToken,
            List.of("--hookwire.data-dir=" + directory.resolve("h2-data")));
    String operatorToken = UUID.randomUUID().toString();
    Target pg =
        startServer(
            "PostgreSQL",
            server,
            directory,
            operatorToken,
            postgresArguments(postgres, "postgres", operatorToken));
    // The same, with each server's rate limits in its own memory: what sharing them costs.
    Target unshared =
        startServer(
            UNSHARED,
            server,
            directory,
            operatorToken,
            concat(
                postgresArguments(postgres, createDatabase(postgres, "unshared"), operatorToken),
                List.of("--hookwire.autoscale.rate-limit.shared=false")));
    System.out.printf(
        "Auto Scale create: %d webhooks at most per policy, so each connection creates %d on a"
            + " fresh policy, then takes the next; the policies are created through the operator"
            + " API before each such measurement, as many as 1.5 times the GET webhook rate just"
            + " measured could fill (a 422 there means they ran out).%n",
        WEBHOOKS_PER_POLICY, WEBHOOKS_PER_POLICY);

    // Rounds up to 0 warm the JVMs up (JIT, heap sizing) and are not counted.
    for (int round = 1 - WARMUP_ROUNDS; round <= ROUNDS; round++) {
      measure(
          round,
          floor,
          "GET",
          fixed(floor.request("GET", FloorApplication.PATH, new String[0], null)),
          200);
      for (Target target : List.of(h2, pg)) {
        measureScenarios(round, target);
      }
      measureAutoscale(round, unshared);
    }
    print(List.of(floor, h2.server, pg.server), startups);
    printSharing(pg.server.name);
  }

  private static EmbeddedPostgres startPostgres(Path directory) throws Exception {
    ProcessBuilder.Redirect log =
        ProcessBuilder.Redirect.appendTo(directory.resolve("postgres.log").toFile());
    EmbeddedPostgres postgres =
        started(
            EmbeddedPostgres.builder()
                .setServerConfig("synchronous_commit", "on")
                .setOutputRedirector(log)
                .setErrorRedirector(log)
                .start());
    try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
      System.out.println(
          "PostgreSQL "
              + connection.getMetaData().getDatabaseProductVersion()
              + " (embedded), synchronous_commit=on");
    }
    return postgres;
  }

  /**
   * Starts {@code main} on a free port and measures its startup: from the process's start to the
   * first 200 of the cheap GET {@code probe}.
   */
  private static Server start(
      String name,
      List<String> javaArguments,
      List<String> args,
      Path directory,
      String probe,
      String[] probeHeaders)
      throws Exception {
    int port = ServerProcess.freePort();
    List<String> all = new ArrayList<>(args);
    all.add("--server.port=" + port);
    ServerProcess process = started(ServerProcess.start(name, javaArguments, all, directory));
    Duration startup =
        process.awaitOk("http://127.0.0.1:" + port + probe, probeHeaders, Duration.ofMinutes(3));
    return new Server(name, process, port, startup);
  }

  /**
   * Starts the server (its cheap GET: the operator API's list of accounts), provisions what the
   * scenarios need when it has no demo data, and creates the endpoint and webhook they read and
   * replace.
   */
  private static Target startServer(
      String name, ServerJar jar, Path directory, String operatorToken, List<String> databaseArgs)
      throws Exception {
    List<String> args = new ArrayList<>(RAISED_RATE_LIMITS);
    args.add("--management.server.port=" + ServerProcess.freePort());
    args.addAll(databaseArgs);
    Server server =
        start(
            name,
            concat(SERVER_JVM_FLAGS, jar.launch(true)),
            args,
            directory,
            "/operator/v1/accounts",
            operatorHeaders(operatorToken));
    int port = server.port;
    Credentials c;
    if (operatorToken.equals(DEMO.operatorToken)) {
      // The demo data set is provisioned once the server is ready: wait for its token to work.
      server.process.awaitOk(
          "http://127.0.0.1:" + port + "/api/iacp/v3/endpoints",
          DEMO.userHeaders(),
          Duration.ofMinutes(1));
      c = DEMO;
    } else {
      c = provision(port, operatorToken);
    }
    String[] userJson = c.userHeaders("Content-Type", "application/vnd.api+json");
    String endpoint =
        json(port, "POST", "/api/iacp/v3/endpoints", userJson, endpointBody(c.account), 201)
            .path("data")
            .path("id")
            .asString();
    String[] tenantJson = c.tenantHeaders("Content-Type", "application/json");
    String webhook =
        json(port, "POST", c.webhooks(c.policy), tenantJson, "[{\"name\":\"b\"}]", 201)
            .path("webhooks")
            .path(0)
            .path("id")
            .asString();
    System.out.printf(
        Locale.ROOT,
        "%s: first 200 after %d ms; GET endpoint answers %d bytes, GET webhook %d bytes%n",
        name,
        server.startup.toMillis(),
        send(port, "GET", "/api/iacp/v3/endpoints/" + endpoint, c.userHeaders(), null, 200)
            .length(),
        send(port, "GET", c.webhooks(c.policy) + "/" + webhook, c.tenantHeaders(), null, 200)
            .length());
    return new Target(server, c, endpoint, webhook);
  }

  private static Server startFloor(List<String> launch, Path directory) throws Exception {
    return start(
        "floor",
        launch,
        List.of(),
        directory,
        FloorApplication.PATH,
        new String[] {"Accept", "application/json"});
  }

  /**
   * Startup to the first 200, the median of {@link #STARTS} starts of each in turn: the floor, the
   * server on a fresh H2 with its class data sharing archive, and without it. One start is at the
   * mercy of whatever else the machine does.
   */
  private static Map<String, Double> startups(ServerJar jar, List<String> floor, Path directory)
      throws Exception {
    Map<String, List<Long>> millis = new LinkedHashMap<>();
    for (int i = 1; i <= STARTS; i++) {
      Map<String, List<String>> launches = new LinkedHashMap<>();
      launches.put("floor", floor);
      launches.put("H2", concat(SERVER_JVM_FLAGS, jar.launch(true)));
      launches.put("H2 without CDS", concat(SERVER_JVM_FLAGS, jar.launch(false)));
      for (Map.Entry<String, List<String>> launch : launches.entrySet()) {
        Server started =
            launch.getKey().equals("floor")
                ? startFloor(launch.getValue(), directory)
                : start(
                    launch.getKey(),
                    launch.getValue(),
                    List.of(
                        "--management.server.port=" + ServerProcess.freePort(),
                        "--hookwire.data-dir=" + directory.resolve("startup-" + i)),
                    directory,
                    "/operator/v1/accounts",
                    operatorHeaders(DEMO.operatorToken));
        started.process.close();
        RUNNING.remove(started.process);
        millis
            .computeIfAbsent(launch.getKey(), k -> new ArrayList<>())
            .add(started.startup.toMillis());
      }
    }
    Map<String, Double> medians = new LinkedHashMap<>();
    millis.forEach(
        (name, starts) -> {
          medians.put(name, starts.stream().sorted().toList().get(starts.size() / 2).doubleValue());
          System.out.printf(Locale.ROOT, "startup of %s: %s ms%n", name, starts);
        });
    return medians;
  }

  private static List<String> concat(List<String> first, List<String> second) {
    return Stream.concat(first.stream(), second.stream()).toList();
  }

  /**
   * An account, an admin user and its token, a tenant with a group, a policy and an admin token.
   */
  private static Credentials provision(int port, String operatorToken) throws Exception {
    String[] operator = operatorHeaders(operatorToken);
    String account =
        json(port, "POST", "/operator/v1/accounts", operator, "{\"name\":\"Benchmark\"}", 201)
            .path("id")
            .asString();
    String users = "/operator/v1/accounts/" + account + "/users";
    String user =
        json(port, "POST", users, operator, "{\"name\":\"Admin\",\"role\":\"admin\"}", 201)
            .path("id")
            .asString();
    String userToken =
        json(port, "POST", users + "/" + user + "/tokens", operator, null, 201)
            .path("token")
            .asString();
    String tenant = "benchmark";
    String tenants = "/operator/v1/tenants";
    json(port, "POST", tenants, operator, "{\"id\":\"" + tenant + "\"}", 201);
    String tenantToken =
        json(
                port,
                "POST",
                tenants + "/" + tenant + "/tokens",
                operator,
                "{\"role\":\"admin\"}",
                201)
            .path("token")
            .asString();
    String group =
        json(
                port,
                "POST",
                tenants + "/" + tenant + "/groups",
                operator,
                "{\"name\":\"Benchmark\"}",
                201)
            .path("id")
            .asString();
    String policy = createPolicies(port, operatorToken, tenant, group, 1).get(0);
    return new Credentials(operatorToken, userToken, account, tenantToken, tenant, group, policy);
  }

  /** Creates {@code count} policies in the group, {@link #CONNECTIONS} at a time; their ids. */
  private static List<String> createPolicies(
      int port, String operatorToken, String tenant, String group, int count)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    "http://127.0.0.1:"
                        + port
                        + "/operator/v1/tenants/"
                        + tenant
                        + "/groups/"
                        + group
                        + "/policies"))
            .headers(operatorHeaders(operatorToken))
            .POST(BodyPublishers.ofString("{\"name\":\"Benchmark\"}"))
            .build();
    List<String> ids = new ArrayList<>();
    while (ids.size() < count) {
      List<CompletableFuture<HttpResponse<String>>> batch = new ArrayList<>();
      for (int i = ids.size(); i < Math.min(count, ids.size() + CONNECTIONS); i++) {
        batch.add(CLIENT.sendAsync(request, BodyHandlers.ofString()));
      }
      for (CompletableFuture<HttpResponse<String>> sent : batch) {
        HttpResponse<String> response;
        try {
          response = sent.get();
        } catch (ExecutionException e) {
          throw new IOException("creating a policy failed", e.getCause());
        }
        if (response.statusCode() != 201) {
          throw new IllegalStateException("creating a policy: " + response.statusCode());
        }
        ids.add(JSON.readTree(response.body()).path("id").asString());
      }
    }
    return ids;
  }

  /** The five scenarios of one server, in this order: the create's policies depend on the GET. */
  private void measureScenarios(int round, Target t) throws Exception {
    Server s = t.server;
    Credentials c = t.credentials;
    String endpoint = "/api/iacp/v3/endpoints/" + t.endpoint;
    measure(
        round, s, "GET endpoint", fixed(s.request("GET", endpoint, c.userHeaders(), null)), 200);
    String[] userJson = c.userHeaders("Content-Type", "application/vnd.api+json");
    byte[] createEndpoint =
        s.request("POST", "/api/iacp/v3/endpoints", userJson, endpointBody(c.account));
    measure(round, s, "create endpoint", fixed(createEndpoint), 201);
    measureAutoscale(round, t);
  }

  /** The Auto Scale API's scenarios, each of which takes from the tenant's rate limit. */
  private void measureAutoscale(int round, Target t) throws Exception {
    Server s = t.server;
    Credentials c = t.credentials;
    String webhook = c.webhooks(c.policy) + "/" + t.webhook;
    LoadGenerator.Result get =
        measure(
            round,
            s,
            "GET webhook",
            fixed(s.request("GET", webhook, c.tenantHeaders(), null)),
            200);
    measure(round, s, "create webhook", freshPolicies(t, get.perSecond()), 201);
    String[] tenantJson = c.tenantHeaders("Content-Type", "application/json");
    byte[] put = s.request("PUT", webhook, tenantJson, "{\"name\":\"b\",\"metadata\":{}}");
    measure(round, s, "PUT webhook", fixed(put), 204);
  }

  /**
   * Requests that create one webhook each, {@value #WEBHOOKS_PER_POLICY} on a policy and then on
   * the next, on policies created now: enough for 1.5 times {@code getPerSecond} (a create does
   * what a GET does, and writes); were they too few, the creates past them would be 422 errors.
   */
  private static IntFunction<Supplier<byte[]>> freshPolicies(Target t, double getPerSecond)
      throws Exception {
    int count =
        (int) Math.ceil(1.5 * getPerSecond * (WARMUP_SECONDS + SECONDS) / WEBHOOKS_PER_POLICY)
            + CONNECTIONS;
    long start = System.nanoTime();
    Credentials c = t.credentials;
    String[] tenantJson = c.tenantHeaders("Content-Type", "application/json");
    List<byte[]> requests = new ArrayList<>();
    for (String policy : createPolicies(t.server.port, c.operatorToken, c.tenant, c.group, count)) {
      requests.add(t.server.request("POST", c.webhooks(policy), tenantJson, "[{\"name\":\"b\"}]"));
    }
    System.out.printf(
        Locale.ROOT,
        "  (%s: %d fresh policies created in %.1f s)%n",
        t.server.name,
        count,
        (System.nanoTime() - start) / 1e9);
    AtomicInteger next = new AtomicInteger();
    return connection ->
        new Supplier<>() {
          private byte[] current;
          private int used = WEBHOOKS_PER_POLICY;

          @Override
          public byte[] get() {
            if (used == WEBHOOKS_PER_POLICY) {
              // When none are left, the last one's quota makes every further create a 422.
              current = requests.get(Math.min(next.getAndIncrement(), requests.size() - 1));
              used = 0;
            }
            used++;
            return current;
          }
        };
  }

  private LoadGenerator.Result measure(
      int round, Server server, String scenario, IntFunction<Supplier<byte[]>> requests, int status)
      throws InterruptedException {
    LoadGenerator.Result result = load.run(server.port, requests, status, server.process::cpuNanos);
    if (round > 0) {
      results.computeIfAbsent(server.name + "|" + scenario, k -> new ArrayList<>()).add(result);
    }
    System.out.printf(
        Locale.ROOT,
        "%-9s  %-10s  %-15s  %8.0f req/s  p50 %6.2f ms  p99 %7.2f ms  CPU %6.0f us/req%s%n",
        round > 0 ? "round " + round + "/" + ROUNDS : "warm-up",
        server.name,
        scenario,
        result.perSecond(),
        result.p50Millis(),
        result.p99Millis(),
        result.cpuMicros(),
        result.errors().isEmpty() ? "" : "  ERRORS " + result.errors());
    return result;
  }

  private static IntFunction<Supplier<byte[]>> fixed(byte[] request) {
    return connection -> () -> request;
  }

  private static String[] headers(String name, String value, String... more) {
    String[] headers = Arrays.copyOf(new String[] {name, value}, 2 + more.length);
    System.arraycopy(more, 0, headers, 2, more.length);
    return headers;
  }

  private static String[] operatorHeaders(String token) {
    return headers("Authorization", "Bearer " + token, "Content-Type", "application/json");
  }

  private static String endpointBody(String account) {
    return "{\"data\":{\"type\":\"endpoints\",\"attributes\":{\"name\":\"Benchmark\","
        + "\"url\":\"https://hooks.example.com/benchmark\"},\"relationships\":{\"account\":"
        + "{\"data\":{\"type\":\"accounts\",\"id\":\""
        + account
        + "\"}}}}}";
  }

  // ---- the report ----

  /** One of the ratios: how to compute it for a server, its goal, its figure today. */
  private record Ratio(
      String label, ToDoubleFunction<String> value, boolean atLeast, double goal, String was) {}

  /** The table of medians, the processes' startup and memory, and the ratios. */
  private void print(List<Server> servers, Map<String, Double> startups) throws IOException {
    Map<String, Double> startupMillis = new LinkedHashMap<>();
    Map<String, Double> rssMib = new LinkedHashMap<>();
    for (Server server : servers) {
      startupMillis.put(
          server.name, startups.getOrDefault(server.name, (double) server.startup.toMillis()));
      rssMib.put(server.name, server.process.rssKib() / 1024.0);
    }
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "Medians of %d rounds (%d connections, %.0f s each after %.0f s warm-up, after %d warm-up"
            + " round(s)); CPU is the server JVM's user+system time per request (PostgreSQL's own"
            + " not counted)%n",
        ROUNDS,
        CONNECTIONS,
        SECONDS,
        WARMUP_SECONDS,
        WARMUP_ROUNDS);
    System.out.printf(
        "%-11s %-16s %9s %9s %9s %11s %7s%n",
        "server", "scenario", "req/s", "p50 ms", "p99 ms", "CPU us/req", "errors");
    long errors = 0;
    for (Map.Entry<String, List<LoadGenerator.Result>> entry : results.entrySet()) {
      String[] key = entry.getKey().split("\\|");
      long n = entry.getValue().stream().mapToLong(LoadGenerator.Result::errorCount).sum();
      errors += n;
      System.out.printf(
          Locale.ROOT,
          "%-11s %-16s %9.0f %9.2f %9.2f %11.0f %7d%n",
          key[0],
          key[1],
          rate(key[0], key[1]),
          median(entry.getKey(), LoadGenerator.Result::p50Millis),
          median(entry.getKey(), LoadGenerator.Result::p99Millis),
          cpu(key[0], key[1]),
          n);
    }
    System.out.println();
    System.out.printf("%-11s %11s %12s%n", "process", "startup ms", "RSS MiB");
    for (Server server : servers) {
      System.out.printf(
          Locale.ROOT,
          "%-11s %11.0f %12.0f%n",
          server.name,
          startupMillis.get(server.name),
          rssMib.get(server.name));
    }
    System.out.printf(
        Locale.ROOT,
        "(startup: floor and H2 the median of %d starts each, PostgreSQL one; the servers start"
            + " with their class data sharing archive, as the README deploys them; without it, on"
            + " H2: %.0f ms)%n",
        STARTS,
        startups.get("H2 without CDS"));

    List<Ratio> ratios =
        List.of(
            new Ratio(
                "GET endpoint / floor GET (req/s)",
                s -> rate(s, "GET endpoint") / rate("floor", "GET"),
                true,
                0.7,
                "0.43"),
            new Ratio(
                "GET webhook / floor GET (req/s)",
                s -> rate(s, "GET webhook") / rate("floor", "GET"),
                true,
                0.7,
                "0.28"),
            new Ratio(
                "create endpoint / GET endpoint",
                s -> rate(s, "create endpoint") / rate(s, "GET endpoint"),
                true,
                0.3,
                "0.10"),
            new Ratio(
                "create webhook / GET webhook",
                s -> rate(s, "create webhook") / rate(s, "GET webhook"),
                true,
                0.3,
                "0.12"),
            new Ratio(
                "PUT webhook / GET webhook",
                s -> rate(s, "PUT webhook") / rate(s, "GET webhook"),
                true,
                0.3,
                "0.14"),
            new Ratio("p99 / p50, GET endpoint", s -> tail(s, "GET endpoint"), false, 4, "6.0"),
            new Ratio("p99 / p50, GET webhook", s -> tail(s, "GET webhook"), false, 4, "-"),
            new Ratio(
                "startup / floor startup",
                s -> startupMillis.get(s) / startupMillis.get("floor"),
                false,
                1.5,
                "2.1"),
            new Ratio(
                "RSS after load / floor RSS",
                s -> rssMib.get(s) / rssMib.get("floor"),
                false,
                1.5,
                "2.9"),
            new Ratio(
                "CPU/req GET endpoint / floor",
                s -> cpu(s, "GET endpoint") / cpu("floor", "GET"),
                false,
                Double.NaN,
                "2.8"),
            new Ratio(
                "CPU/req GET webhook / floor",
                s -> cpu(s, "GET webhook") / cpu("floor", "GET"),
                false,
                Double.NaN,
                "-"));
    List<Server> targets = servers.subList(1, servers.size());
    System.out.println();
    StringBuilder header = new StringBuilder(String.format("%-34s", "ratio (issue 12)"));
    targets.forEach(t -> header.append(String.format(" %-15s", t.name)));
    System.out.println(header.append(String.format(" %-7s %s", "goal", "issue (H2, 452b514)")));
    for (Ratio ratio : ratios) {
      StringBuilder line = new StringBuilder(String.format("%-34s", ratio.label));
      for (Server t : targets) {
        double value = ratio.value.applyAsDouble(t.name);
        String verdict =
            Double.isNaN(ratio.goal)
                ? ""
                : (ratio.atLeast ? value >= ratio.goal : value <= ratio.goal) ? " met" : " short";
        line.append(String.format(Locale.ROOT, " %-15s", format(value) + verdict));
      }
      String goal = Double.isNaN(ratio.goal) ? "-" : (ratio.atLeast ? ">= " : "<= ") + ratio.goal;
      System.out.println(line.append(String.format(" %-7s %s", goal, ratio.was)));
    }
    System.out.printf(
        Locale.ROOT,
        "floor's own p99 / p50: %.2f. The list ratios follow (EndpointsListBenchmark).%n"
            + "Load average at the end %.2f; JVM flags %s.%n",
        tail("floor", "GET"),
        loadAverage(),
        jvmFlags());
    if (errors > 0) {
      System.out.printf(
          "FLAGGED: %d requests failed (see the errors column and the round lines); the figures"
              + " above leave them out.%n",
          errors);
    }
  }

  /**
   * The cost of rate limits shared in the database (issue 13): the Auto Scale scenarios on
   * PostgreSQL with shared limits against the same server with limits in its own memory.
   */
  private void printSharing(String shared) {
    System.out.println();
    System.out.printf(
        "%-34s %9s %11s%n", "shared / " + UNSHARED + " limits", "req/s", "CPU us/req");
    for (String scenario : List.of("GET webhook", "create webhook", "PUT webhook")) {
      System.out.printf(
          Locale.ROOT,
          "%-34s %9s %11s%n",
          scenario,
          format(rate(shared, scenario) / rate(UNSHARED, scenario)),
          format(cpu(shared, scenario) / cpu(UNSHARED, scenario)));
    }
  }

  /** A server's arguments for a database of the embedded PostgreSQL, without the demo data. */
  private static List<String> postgresArguments(
      EmbeddedPostgres postgres, String database, String operatorToken) {
    return List.of(
        "--spring.datasource.url=jdbc:postgresql://localhost:"
            + postgres.getPort()
            + "/"
            + database,
        "--spring.datasource.username=postgres",
        "--spring.datasource.password=",
        "--hookwire.operator-token=" + operatorToken,
        "--hookwire.demo.enabled=false");
  }

  private static String createDatabase(EmbeddedPostgres postgres, String name) throws Exception {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    }
    return name;
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  private double rate(String server, String scenario) {
    return median(server + "|" + scenario, LoadGenerator.Result::perSecond);
  }

  private double cpu(String server, String scenario) {
    return median(server + "|" + scenario, LoadGenerator.Result::cpuMicros);
  }

  private double tail(String server, String scenario) {
    String key = server + "|" + scenario;
    return median(key, LoadGenerator.Result::p99Millis)
        / median(key, LoadGenerator.Result::p50Millis);
  }

  private double median(String key, ToDoubleFunction<LoadGenerator.Result> figure) {
    double[] values = results.get(key).stream().mapToDouble(figure).sorted().toArray();
    int middle = values.length / 2;
    return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
  }

  // ---- processes, classpaths, HTTP for the setup ----

  private static <T extends AutoCloseable> T started(T running) {
    RUNNING.push(running);
    return running;
  }

  private static void stopAll() {
    for (AutoCloseable running; (running = RUNNING.poll()) != null; ) {
      try {
        running.close();
      } catch (Exception e) {
        System.err.println("could not stop " + running + ": " + e);
      }
    }
  }

  /**
   * This JVM's application classpath: exec:java runs this class in Maven's JVM, in a class loader
   * of the project's test classpath; from an IDE it is {@code java.class.path}.
   */
  private static List<Path> classpath() throws URISyntaxException {
    if (ServerBenchmark.class.getClassLoader() instanceof URLClassLoader loader) {
      List<Path> paths = new ArrayList<>();
      for (URL url : loader.getURLs()) {
        paths.add(Path.of(url.toURI()));
      }
      return paths;
    }
    return Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
        .map(Path::of)
        .toList();
  }

  /** The test classes (for {@link FloorApplication}) and the jars of {@link #BARE_WEBMVC}. */
  private static List<Path> floorClasspath(List<Path> classpath, Path testClasses) {
    List<Path> floor = new ArrayList<>(List.of(testClasses));
    // A jar of the local repository: <artifactId>/<version>/<artifactId>-<version>.jar.
    classpath.stream()
        .filter(
            p ->
                p.getNameCount() > 2
                    && BARE_WEBMVC.contains(p.getParent().getParent().getFileName().toString()))
        .forEach(floor::add);
    if (floor.size() != BARE_WEBMVC.size() + 1) {
      throw new IllegalStateException("the floor's classpath is not the starter's: " + floor);
    }
    return floor;
  }

  private static String send(
      int port, String method, String path, String[] headers, String body, int status)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
    request.headers(headers);
    HttpResponse<String> response = CLIENT.send(request.build(), BodyHandlers.ofString());
    if (response.statusCode() != status) {
      throw new IllegalStateException(
          method + " " + path + ": " + response.statusCode() + " " + response.body());
    }
    return response.body();
  }

  private static JsonNode json(
      int port, String method, String path, String[] headers, String body, int status)
      throws IOException, InterruptedException {
    return JSON.readTree(send(port, method, path, headers, body, status));
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (Files.exists(directory)) {
      try (Stream<Path> paths = Files.walk(directory)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static List<String> flags(String property) {
    return Arrays.stream(System.getProperty(property, "").trim().split("\\s+"))
        .filter(flag -> !flag.isEmpty())
        .toList();
  }

  private static String jvmFlags() {
    return String.format(
        "floor %s; servers %s",
        JVM_FLAGS.isEmpty() ? "(none)" : String.join(" ", JVM_FLAGS),
        SERVER_JVM_FLAGS.isEmpty() ? "(none)" : String.join(" ", SERVER_JVM_FLAGS));
  }

  private static double doubleProperty(String name, double otherwise) {
    String value = System.getProperty(name);
    return value == null ? otherwise : Double.parseDouble(value);
  }

  /** Only warnings: embedded PostgreSQL logs at INFO, and logback's default is DEBUG. */
  private static void quietLogs() {
    if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
        instanceof ch.qos.logback.classic.Logger root) {
      root.setLevel(ch.qos.logback.classic.Level.WARN);
    }
  }
}
