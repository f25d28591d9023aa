package io.hookwire.server.autoscale;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.hookwire.server.PostgresForClass;
import io.hookwire.server.TestDatabases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rate-limit buckets in a real PostgreSQL, as two servers see them: two {@link SharedRateBuckets}
 * on one database.
 */
class SharedRateBucketsTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final Bandwidth HUNDRED_AN_HOUR =
      Bandwidth.builder().capacity(100).refillGreedy(100, Duration.ofHours(1)).build();

  @RegisterExtension static final PostgresForClass POSTGRES = new PostgresForClass();

  @BeforeEach
  void emptyTables() {
    TestDatabases.reset(POSTGRES.dataSource());
  }

  @Test
  void serversTakeFromOneBucketPerKey() {
    Bucket first =
        new SharedRateBuckets(POSTGRES.dataSource(), TIMEOUT).bucket("tenant:1", HUNDRED_AN_HOUR);
    Bucket second =
        new SharedRateBuckets(POSTGRES.dataSource(), TIMEOUT).bucket("tenant:1", HUNDRED_AN_HOUR);

    int served = 0;
    for (int i = 0; i < 150; i++) {
      if ((i % 2 == 0 ? first : second).tryConsume(1)) {
        served++;
      }
    }

    // 100 an hour refills one token in 36 s: none during the test.
    assertThat(served).isEqualTo(100);
    Bucket other =
        new SharedRateBuckets(POSTGRES.dataSource(), TIMEOUT).bucket("tenant:2", HUNDRED_AN_HOUR);
    assertThat(other.getAvailableTokens()).isEqualTo(100);
  }

  @Test
  void aBucketKeepsTheLimitItWasMadeWith() {
    Bandwidth tenAnHour =
        Bandwidth.builder().capacity(10).refillGreedy(10, Duration.ofHours(1)).build();
    Bucket made =
        new SharedRateBuckets(POSTGRES.dataSource(), TIMEOUT).bucket("tenant:1", HUNDRED_AN_HOUR);
    assertThat(made.tryConsume(50)).isTrue();

    Bucket otherLimit =
        new SharedRateBuckets(POSTGRES.dataSource(), TIMEOUT).bucket("tenant:1", tenAnHour);

    assertThat(otherLimit.getAvailableTokens()).isEqualTo(50);
  }

  @Test
  void anyKeyIsStoredUnderAFixedLengthId() {
    SharedRateBuckets buckets = new SharedRateBuckets(POSTGRES.dataSource(), TIMEOUT);
    // PostgreSQL refuses NUL in text and rewrites lone surrogates; a client may send either.
    String hostile = "client:\u0000\ud800" + "x".repeat(10_000);

    assertThat(buckets.bucket(hostile, HUNDRED_AN_HOUR).tryConsume(1)).isTrue();
    assertThat(buckets.bucket(hostile, HUNDRED_AN_HOUR).getAvailableTokens()).isEqualTo(99);
    assertThat(jdbc().sql("SELECT id FROM rate_limit_buckets").query(String.class).single())
        .hasSize(64)
        .isEqualTo(SharedRateBuckets.rowId(hostile));
  }

  @Test
  void rowsOfBucketsThatAreFullAgainAreRemoved() throws InterruptedException {
    SharedRateBuckets buckets = new SharedRateBuckets(POSTGRES.dataSource(), TIMEOUT);
    Bandwidth tenASecond =
        Bandwidth.builder().capacity(10).refillGreedy(10, Duration.ofSeconds(1)).build();
    buckets.bucket("client:0", tenASecond).tryConsume(1);
    // More buckets like it than one batch removes, copied in SQL rather than made one by one.
    jdbc()
        .sql(
            "INSERT INTO rate_limit_buckets (id, state, expires_at)"
                + " SELECT md5(n::text) || md5(n::text), state, expires_at"
                + " FROM rate_limit_buckets, generate_series(1, :copies) AS n")
        .param("copies", SharedRateBuckets.REMOVAL_BATCH + 4)
        .update();
    buckets.bucket("tenant:busy", HUNDRED_AN_HOUR).tryConsume(1);
    assertThat(rows()).isEqualTo(SharedRateBuckets.REMOVAL_BATCH + 6);

    // One token of ten a second is back after 100 ms: those buckets are full again.
    Thread.sleep(300);
    buckets.removeExpired();

    // More than one batch went; the bucket still short of tokens stays.
    assertThat(jdbc().sql("SELECT id FROM rate_limit_buckets").query(String.class).list())
        .containsExactly(SharedRateBuckets.rowId("tenant:busy"));
  }

  @Test
  void concurrentTakesSurviveTheRemovalOfTheirRow() throws Exception {
    // So generous that the bucket is full again at once: its row is always expired, and the
    // removal below deletes it between takes, as it did under the benchmark's load.
    Bandwidth unreachable =
        Bandwidth.builder()
            .capacity(100_000_000)
            .refillGreedy(100_000_000, Duration.ofMinutes(1))
            .build();
    SharedRateBuckets buckets = new SharedRateBuckets(POSTGRES.dataSource(), TIMEOUT);
    Bucket bucket = buckets.bucket("tenant:busy", unreachable);
    AtomicBoolean taking = new AtomicBoolean(true);
    ExecutorService threads = Executors.newFixedThreadPool(9);
    try {
      Future<?> removing =
          threads.submit(
              () -> {
                while (taking.get()) {
                  buckets.removeExpired();
                }
              });
      List<Future<Integer>> takers = new ArrayList<>();
      for (int thread = 0; thread < 8; thread++) {
        takers.add(
            threads.submit(
                () -> {
                  int taken = 0;
                  for (int i = 0; i < 100; i++) {
                    taken += bucket.tryConsume(1) ? 1 : 0;
                  }
                  return taken;
                }));
      }
      for (Future<Integer> taker : takers) {
        assertThat(taker.get(60, TimeUnit.SECONDS)).isEqualTo(100);
      }
      taking.set(false);
      removing.get(10, TimeUnit.SECONDS);
    } finally {
      taking.set(false);
      threads.shutdownNow();
    }
  }

  private static long rows() {
    return jdbc().sql("SELECT COUNT(*) FROM rate_limit_buckets").query(Long.class).single();
  }

  private static JdbcClient jdbc() {
    return JdbcClient.create(POSTGRES.dataSource());
  }
}
