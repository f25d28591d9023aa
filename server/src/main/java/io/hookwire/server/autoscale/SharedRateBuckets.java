package io.hookwire.server.autoscale;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Rate-limit buckets kept in PostgreSQL, so that every server on the database takes from the same
 * bucket of a tenant, a client address or a capability URL. Bucket4j's PostgreSQL proxy manager
 * makes each take a short transaction that locks the bucket's row ({@code SELECT … FOR UPDATE}), so
 * the limits hold exactly across servers. Bucket4j's optimizations are not used: with batching, a
 * take of a bucket whose row was just removed fails instead of making the bucket anew (8.18; the
 * benchmark met it under load), and the others trade exactness for fewer round trips.
 *
 * <p>A row is keyed by the SHA-256 of its key: what a client chose (an address in {@code
 * X-Forwarded-For}, a path) becomes a fixed-length id PostgreSQL can always store. A row expires
 * when its bucket is full again; whichever server comes first deletes expired rows each minute
 * (forgetting a full bucket loses nothing).
 *
 * <p>A bucket keeps the limit it was made with until its row goes: servers on one database should
 * run with the same limits, and a changed limit applies to a bucket once it is full again (or at
 * once to every bucket after {@code DELETE FROM rate_limit_buckets}, which fills them all).
 * Bucket4j can replace a stored configuration instead, but in our measurements that let a few more
 * requests through than the limit plus its refill.
 */
final class SharedRateBuckets implements RateBuckets {

  private static final Logger log = LoggerFactory.getLogger(SharedRateBuckets.class);

  /** How many expired rows one statement deletes: short transactions, however many expired. */
  static final int REMOVAL_BATCH = 1_000;

  private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

  /**
   * @param dataSource the PostgreSQL database every server shares
   * @param timeout how long one take may wait for the database
   */
  SharedRateBuckets(DataSource dataSource, Duration timeout) {
    this.buckets =
        Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
            .primaryKeyMapper(PrimaryKeyMapper.STRING)
            .table("rate_limit_buckets")
            .idColumn("id")
            .stateColumn("state")
            .expiresAtColumn("expires_at")
            .expirationAfterWrite(
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
            .requestTimeout(timeout)
            .build();
  }

  @Override
  public Bucket bucket(String key, Bandwidth limit) {
    BucketConfiguration configuration = BucketConfiguration.builder().addLimit(limit).build();
    return buckets.builder().build(rowId(key), () -> configuration);
  }

  /** Deletes the rows of buckets that are full again, a batch at a time. */
  @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.MINUTES)
  void removeExpired() {
    try {
      int removed;
      do {
        removed = buckets.removeExpired(REMOVAL_BATCH);
      } while (removed == REMOVAL_BATCH);
    } catch (RuntimeException e) {
      // The database is away; the rows wait for the next round.
      log.warn("Could not delete expired rate-limit buckets: {}", e.toString());
    }
  }

  static String rowId(String key) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
