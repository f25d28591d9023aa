package io.hookwire.server.autoscale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A greedy bucket of N a period per key, from {@link RateBuckets}, kept while it is used and
 * forgotten once left alone for a period (it is full again then).
 *
 * <p>A refused key is refused again, without asking its bucket, until the bucket said it would have
 * a token: nobody can put tokens back sooner, so the answer is the bucket's own, and a flood over a
 * limit costs no round trip to a shared bucket's database.
 */
final class KeyedBuckets {

  /** The most buckets of one kind in memory; past it the least recently used go (full or not). */
  static final int MAX_BUCKETS = 100_000;

  private final Cache<String, Limited> buckets;
  private final String name;
  private final Bandwidth limit;
  private final RateBuckets source;
  private final LongSupplier nanoTime;

  /**
   * @param name the limit's name, which prefixes its keys in the source
   * @param nanoTime the clock of the refusals, {@link System#nanoTime} outside tests
   */
  KeyedBuckets(
      String name, int perPeriod, Duration period, RateBuckets source, LongSupplier nanoTime) {
    this.name = name;
    this.limit = Bandwidth.builder().capacity(perPeriod).refillGreedy(perPeriod, period).build();
    this.source = source;
    this.nanoTime = nanoTime;
    this.buckets = Caffeine.newBuilder().expireAfterAccess(period).maximumSize(MAX_BUCKETS).build();
  }

  /**
   * Takes one token of the key's bucket, then, if it had one, whatever {@code next} takes.
   *
   * @return 0 if taken, else the nanoseconds until the refusing bucket has a token again
   */
  long take(String key, LongSupplier next) {
    Limited limited =
        buckets.get(
            key, k -> new Limited(source.bucket(name + ":" + k, limit), nanoTime.getAsLong()));
    long now = nanoTime.getAsLong();
    long refusedFor = limited.refusedUntil - now;
    if (refusedFor > 0) {
      return refusedFor;
    }
    ConsumptionProbe probe = limited.bucket.tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      limited.refusedUntil = now + probe.getNanosToWaitForRefill();
      return probe.getNanosToWaitForRefill();
    }
    return next.getAsLong();
  }

  long take(String key) {
    return take(key, () -> 0);
  }

  /** A key's bucket, and until when it is known to have no token. */
  private static final class Limited {

    private final Bucket bucket;
    private volatile long refusedUntil;

    /**
     * @param now not refused before now (nanoseconds on the clock, whose origin may be anywhere)
     */
    Limited(Bucket bucket, long now) {
      this.bucket = bucket;
      this.refusedUntil = now;
    }
  }
}
