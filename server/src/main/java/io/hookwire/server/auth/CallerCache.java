package io.hookwire.server.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.hookwire.server.platform.HookwireProperties;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Who a token belongs to, remembered for a short while so that a request does not look its token up
 * in the database each time. Only tokens that exist are remembered (a new one works at once), by
 * the hash of the token, so an entry is only ever found by the holder of that token. A token this
 * server's operator API deletes stops working here at once; one deleted through another server
 * sharing the database, or removed by hand, works here for at most the cache's time to live.
 */
@Component
public class CallerCache {

  /** Enough for every active token of a large installation; beyond it the least used go. */
  private static final int MAX_TOKENS = 10_000;

  private final CallerStore store;
  private final Cache<String, EndpointsCaller> users;
  private final Cache<String, TenantCaller> tenants;

  /** How many times the callers were forgotten: a lookup that spans a forgetting is not kept. */
  private final AtomicLong forgettings = new AtomicLong();

  @Autowired
  CallerCache(CallerStore store, HookwireProperties properties) {
    this(store, properties.callerCacheTtl(), Ticker.systemTicker());
  }

  /** With the clock the time to live is measured by. */
  CallerCache(CallerStore store, Duration timeToLive, Ticker ticker) {
    this.store = store;
    this.users = cache(timeToLive, ticker);
    this.tenants = cache(timeToLive, ticker);
  }

  private static <T> Cache<String, T> cache(Duration timeToLive, Ticker ticker) {
    return Caffeine.newBuilder()
        .expireAfterWrite(timeToLive)
        .maximumSize(MAX_TOKENS)
        .ticker(ticker)
        .build();
  }

  /** The Endpoints API user whose token has this hash. */
  Optional<EndpointsCaller> findUser(String tokenHash) {
    return find(users, tokenHash, store::findUser);
  }

  /** The Auto Scale tenant token with this hash. */
  Optional<TenantCaller> findTenantToken(String tokenHash) {
    return find(tenants, tokenHash, store::findTenantToken);
  }

  private <T> Optional<T> find(
      Cache<String, T> cache, String tokenHash, Function<String, Optional<T>> lookup) {
    T cached = cache.getIfPresent(tokenHash);
    if (cached != null) {
      return Optional.of(cached);
    }
    long forgottenBefore = forgettings.get();
    Optional<T> found = lookup.apply(tokenHash);
    if (found.isPresent() && forgettings.get() == forgottenBefore) {
      cache.put(tokenHash, found.get());
    }
    return found;
  }

  /**
   * Forgets every caller when the current transaction commits (at once outside one): for an
   * operation that deletes or changes callers. A lookup under way meanwhile may have read the old
   * rows, so its result is used once but not kept.
   */
  public void forgetAfterCommit() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      forgetAll();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            forgetAll();
          }
        });
  }

  private void forgetAll() {
    forgettings.incrementAndGet();
    users.invalidateAll();
    tenants.invalidateAll();
  }
}
