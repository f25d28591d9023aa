package io.hookwire.server.autoscale;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * Where the rate limits' token buckets live: in this server's memory, or in the database, shared by
 * every server on it ({@link SharedRateBuckets}). {@link RateLimitFilter} keeps the buckets it uses
 * by key either way.
 */
interface RateBuckets {

  /**
   * @param key the limit's name and what it limits (a tenant, a client address, a capability URL)
   * @param limit the bucket's capacity and refill
   * @return the key's bucket, full if it is new
   */
  Bucket bucket(String key, Bandwidth limit);

  /** Each server's own buckets: the default on H2, which only one server can open. */
  static RateBuckets inMemory() {
    return (key, limit) -> Bucket.builder().addLimit(limit).build();
  }
}
