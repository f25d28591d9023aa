package io.hookwire.server.endpoints;

import io.hookwire.server.TestDatabases;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * How long the list of the Endpoints API takes in the database, on in-memory H2 and on an embedded
 * PostgreSQL, with 100,000 endpoints in one account (and 1,000 in another): {@link
 * EndpointsStore#count} and {@link EndpointsStore#page}, as the service calls them for one page,
 * each timed separately and together, over 50 runs after 10 warm-up runs. It prints the median and
 * 95th percentile in milliseconds, and the ratios of issue 12 beside their goals. {@code
 * ServerBenchmark} runs it at its end.
 *
 * <p>A plain program, not a test, so that the build never runs it. Run it from the project root
 * with
 *
 * <pre>
 * ./mvnw -B -q -pl server test-compile exec:java \
 *     -Dexec.mainClass=io.hookwire.server.endpoints.EndpointsListBenchmark \
 *     -Dexec.classpathScope=test
 * </pre>
 *
 * <p>(exec-maven-plugin's version is pinned in the parent pom). It takes a few minutes. Optional
 * system properties, given to the same command: {@code -Dbenchmark.rows=100000}, {@code
 * -Dbenchmark.warmup=10}, {@code -Dbenchmark.runs=50}, {@code -Dbenchmark.databases=h2,postgres}.
 *
 * <p>The queries run on one connection, as they would on a pooled one, in auto-commit mode. The
 * figures are only as steady as the machine: the load average is printed with them.
 */
public final class EndpointsListBenchmark {

  private static final String BIG = "acc-big";
  private static final String SMALL = "acc-small";
  private static final int SMALL_ROWS = 1_000;
  private static final int ENVIRONMENTS = 6;
  private static final int PAGE_SIZE = 20;

  /** Ten by ten words: each pair of the name is in 1% of the rows. */
  private static final String[] ADJECTIVES = {
    "amber", "brisk", "coral", "dusky", "eager", "fuzzy", "gentle", "hollow", "ivory", "jolly"
  };

  private static final String[] NOUNS = {
    "falcon", "badger", "heron", "lynx", "marten", "otter", "puffin", "raven", "stoat", "wren"
  };

  private static final String[] HOSTS = {
    "hooks.acme.com",
    "api.example.org",
    "events.shop.io",
    "ingest.billing.net",
    "callbacks.crm.dev",
    "wh.internal.corp",
    "notify.payments.co"
  };

  private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();

  private final int rows = Integer.getInteger("benchmark.rows", 100_000);
  private final int warmup = Integer.getInteger("benchmark.warmup", 10);
  private final int runs = Integer.getInteger("benchmark.runs", 50);
  private final List<String> results = new ArrayList<>();
  private final List<String> ratios = new ArrayList<>();

  private EndpointsListBenchmark() {}

  public static void main(String[] args) throws Exception {
    quietLogs();
    EndpointsListBenchmark benchmark = new EndpointsListBenchmark();
    List<String> databases =
        Arrays.asList(System.getProperty("benchmark.databases", "h2,postgres").split(","));
    System.out.printf(
        Locale.ROOT,
        "Java %s on %s %s, %d processors (load average %.2f); %d endpoints in %s, %d in %s; %d"
            + " warm-up runs, %d measured%n",
        System.getProperty("java.version"),
        System.getProperty("os.name"),
        System.getProperty("os.arch"),
        Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        benchmark.rows,
        BIG,
        SMALL_ROWS,
        SMALL,
        benchmark.warmup,
        benchmark.runs);
    if (databases.contains("h2")) {
      benchmark.run("H2", TestDatabases.h2());
    }
    if (databases.contains("postgres")) {
      try (EmbeddedPostgres server = TestDatabases.startPostgres()) {
        benchmark.run("PostgreSQL", TestDatabases.postgres(server));
      }
    }
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "%-10s  %-44s  %6s  %17s  %17s  %17s%n",
        "database",
        "query (count + page)",
        "total",
        "count med / p95",
        "page med / p95",
        "both med / p95");
    benchmark.results.forEach(System.out::println);
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "%-10s  %-26s  %12s  %6s  %s%n",
        "database",
        "ratio of medians (issue 12)",
        "value",
        "goal",
        "issue");
    benchmark.ratios.forEach(System.out::println);
    System.out.printf(
        Locale.ROOT,
        "(milliseconds; system load average at the end %.2f)%n",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private void run(String database, DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      System.out.printf(
          Locale.ROOT,
          "%s %s%n",
          connection.getMetaData().getDatabaseProductName(),
          connection.getMetaData().getDatabaseProductVersion());
      long start = System.nanoTime();
      fill(connection);
      System.out.printf(
          Locale.ROOT,
          "  inserted %d endpoints in %.1f s%n",
          rows + SMALL_ROWS,
          (System.nanoTime() - start) / 1e9);
      SingleConnectionDataSource single = new SingleConnectionDataSource(connection, true);
      JdbcClient jdbc = JdbcClient.create(single);
      EndpointsStore store = new EndpointsStore(jdbc, single);
      String touched =
          jdbc.sql("SELECT MIN(id) FROM endpoints WHERE account_id = :account")
              .param("account", SMALL)
              .query(String.class)
              .single();
      Runnable touch =
          () ->
              jdbc.sql("UPDATE endpoints SET timeout = timeout + 0 WHERE id = :id")
                  .param("id", touched)
                  .update();

      // The code all queries share is compiled before the first measurement, not during it.
      for (int i = 0; i < 5 * warmup; i++) {
        touch.run();
        store.page(all(order("name")), 0, PAGE_SIZE, store.count(all(order("name"))));
      }
      double first = measure(database, store, touch, "page 1, sort=name", all(order("name")), 1);
      double unsorted = measure(database, store, touch, "page 1, no sort", all(List.of()), 1);
      double byNameDown =
          measure(database, store, touch, "page 1, sort=-name", all(order("-name")), 1);
      double byUrlDown =
          measure(database, store, touch, "page 1, sort=-url", all(order("-url")), 1);
      int last = rows / PAGE_SIZE;
      double lastPage =
          measure(
              database,
              store,
              touch,
              "page " + last + " (last), sort=name",
              all(order("name")),
              last);
      measure(
          database,
          store,
          touch,
          "page " + last / 2 + " (middle), sort=-url",
          all(order("-url")),
          last / 2);
      double text =
          measure(
              database,
              store,
              touch,
              "query=\"amber falcon\" (1%), page 1, sort=name",
              new EndpointQuery(BIG, null, null, "amber falcon", order("name")),
              1);
      measure(
          database,
          store,
          touch,
          "2 of 6 environments, page 1, sort=name",
          new EndpointQuery(BIG, Set.of("env-1", "env-2"), null, null, order("name")),
          1);
      double textGoal = database.equals("H2") ? 5 : 3;
      ratio(database, "query (1%) / page 1", text / first, textGoal, "31");
      ratio(database, "no sort / sort=name", unsorted / first, 1.5, "~11");
      ratio(database, "sort=-name / sort=name", byNameDown / first, 1.5, "~11");
      ratio(database, "sort=-url / sort=name", byUrlDown / first, 1.5, "~11");
      ratio(database, "last page / page 1", lastPage / first, 1.5, "2.9");
    }
  }

  private void ratio(String database, String label, double value, double goal, String issue) {
    boolean met = value <= goal;
    ratios.add(
        String.format(
            Locale.ROOT,
            "%-10s  %-26s  %6.2f %-5s  <= %.1f  %s",
            database,
            label,
            value,
            met ? "met" : "short",
            goal,
            issue));
  }

  /**
   * Times count and page of one query, and adds a line to the results. Before each run, one
   * endpoint of the other account is updated, outside the timing: a live table changes, and H2
   * would otherwise answer a repeated query on an unchanged table from the result it kept of the
   * last run (in well under a millisecond, whatever the query).
   */
  private double measure(
      String database,
      EndpointsStore store,
      Runnable touch,
      String label,
      EndpointQuery query,
      int page) {
    long offset = (long) (page - 1) * PAGE_SIZE;
    long[] counts = new long[runs];
    long[] pages = new long[runs];
    long[] both = new long[runs];
    long total = 0;
    for (int i = -warmup; i < runs; i++) {
      touch.run();
      long start = System.nanoTime();
      total = store.count(query);
      long counted = System.nanoTime();
      List<EndpointRecord> items = store.page(query, offset, PAGE_SIZE, total);
      long end = System.nanoTime();
      if (items.size() != PAGE_SIZE) {
        throw new IllegalStateException(label + ": a page of " + items.size());
      }
      if (i >= 0) {
        counts[i] = counted - start;
        pages[i] = end - counted;
        both[i] = end - start;
      }
    }
    String line =
        String.format(
            Locale.ROOT,
            "%-10s  %-44s  %6d  %17s  %17s  %17s",
            database,
            label,
            total,
            stats(counts),
            stats(pages),
            stats(both));
    System.out.println(line);
    results.add(line);
    return median(both);
  }

  private static String stats(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    double p95 = sorted[(int) Math.ceil(0.95 * sorted.length) - 1];
    return String.format(Locale.ROOT, "%7.2f / %7.2f", median(nanos) / 1e6, p95 / 1e6);
  }

  private static double median(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted.length % 2 == 1
        ? sorted[sorted.length / 2]
        : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
  }

  private static EndpointQuery all(List<EndpointQuery.SortKey> order) {
    return new EndpointQuery(BIG, null, null, null, order);
  }

  private static List<EndpointQuery.SortKey> order(String key) {
    return key.startsWith("-")
        ? List.of(new EndpointQuery.SortKey(key.substring(1), true))
        : List.of(new EndpointQuery.SortKey(key, false));
  }

  /** The two accounts, their environments and endpoints, then fresh statistics. */
  private void fill(Connection connection) throws SQLException {
    TestDatabases.reset(new SingleConnectionDataSource(connection, true));
    OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
    connection.setAutoCommit(false);
    try (PreparedStatement accounts =
            connection.prepareStatement(
                "INSERT INTO accounts (id, name, created_at) VALUES (?, ?, ?)");
        PreparedStatement environments =
            connection.prepareStatement(
                "INSERT INTO environments (id, account_id, name, created_at) VALUES (?, ?, ?, ?)")) {
      for (String account : List.of(BIG, SMALL)) {
        accounts.setString(1, account);
        accounts.setString(2, account);
        accounts.setObject(3, now);
        accounts.executeUpdate();
      }
      for (int e = 1; e <= ENVIRONMENTS; e++) {
        environment(environments, "env-" + e, BIG, now);
      }
      environment(environments, "env-small", SMALL, now);
    }
    Random random = new Random(42);
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO endpoints (id, account_id, environment_id, name, url, max_attempts,"
                + " timeout, secret_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (int i = 0; i < rows + SMALL_ROWS; i++) {
        boolean big = i < rows;
        // One in seven is account-scoped, the others are spread over the environments.
        int environment = random.nextInt(ENVIRONMENTS + 1);
        insert.setString(1, id(random));
        insert.setString(2, big ? BIG : SMALL);
        insert.setString(3, environment == 0 ? null : big ? "env-" + environment : "env-small");
        insert.setString(
            4,
            ADJECTIVES[random.nextInt(ADJECTIVES.length)]
                + " "
                + NOUNS[random.nextInt(NOUNS.length)]
                + " "
                + i);
        insert.setString(
            5,
            "https://"
                + HOSTS[random.nextInt(HOSTS.length)]
                + "/webhooks/"
                + Integer.toString(random.nextInt(1 << 30), 36));
        insert.setInt(6, 3);
        insert.setInt(7, 30);
        insert.setString(8, "whsec_" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36));
        insert.setObject(9, now);
        insert.addBatch();
        if (i % 1_000 == 999) {
          insert.executeBatch();
        }
      }
      insert.executeBatch();
    }
    connection.commit();
    connection.setAutoCommit(true);
    try (Statement statement = connection.createStatement()) {
      boolean postgres =
          connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
      // What autovacuum would have done by the time a list is read.
      statement.execute(postgres ? "VACUUM ANALYZE" : "ANALYZE");
    }
  }

  private static void environment(
      PreparedStatement insert, String id, String account, OffsetDateTime now) throws SQLException {
    insert.setString(1, id);
    insert.setString(2, account);
    insert.setString(3, id);
    insert.setObject(4, now);
    insert.executeUpdate();
  }

  /** An id as the server makes them: {@code ep-} and 17 characters of [0-9a-z]. */
  private static String id(Random random) {
    char[] id = new char[17];
    for (int i = 0; i < id.length; i++) {
      id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return "ep-" + new String(id);
  }

  /** Only warnings: embedded PostgreSQL logs every line of its server at INFO. */
  private static void quietLogs() {
    if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
        instanceof ch.qos.logback.classic.Logger root) {
      root.setLevel(ch.qos.logback.classic.Level.WARN);
    }
  }
}
