package io.hookwire.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.http.client.ClientHttpRequestInterceptor;

/**
 * Transport options shared by the Hookwire entry points ({@link HookwireEndpoints}, {@link
 * HookwireAutoscale}, {@link HookwireOperator}).
 *
 * <p>Start from {@link #defaults()} and change what you need with the {@code with…} methods.
 *
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for a response
 * @param maxAttempts how many times an idempotent request is sent at most (1 disables retries)
 * @param initialBackoff the wait before the first retry when the answer has no {@code Retry-After}
 * @param maxBackoff the longest wait between attempts when the answer has no {@code Retry-After}
 * @param sleeper how the client waits between attempts (replaceable in tests)
 * @param interceptors called for every attempt, in order, e.g. to log or to meter exchanges
 */
public record ClientOptions(
    Duration connectTimeout,
    Duration readTimeout,
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    Sleeper sleeper,
    List<ClientHttpRequestInterceptor> interceptors) {

  /** Validates the options. */
  public ClientOptions {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(sleeper, "sleeper");
    interceptors = List.copyOf(interceptors);
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
    }
    if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("need 0 <= initialBackoff <= maxBackoff");
    }
  }

  /**
   * Connect timeout 10 s, read timeout 30 s, 3 attempts, backoff from 500 ms doubling up to 10 s,
   * real sleeping.
   *
   * @return the default options
   */
  public static ClientOptions defaults() {
    return new ClientOptions(
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        3,
        Duration.ofMillis(500),
        Duration.ofSeconds(10),
        Sleeper.SYSTEM,
        List.of());
  }

  /**
   * @param timeout the connect timeout
   * @return a copy with that connect timeout
   */
  public ClientOptions withConnectTimeout(Duration timeout) {
    return new ClientOptions(
        timeout, readTimeout, maxAttempts, initialBackoff, maxBackoff, sleeper, interceptors);
  }

  /**
   * @param timeout the read timeout
   * @return a copy with that read timeout
   */
  public ClientOptions withReadTimeout(Duration timeout) {
    return new ClientOptions(
        connectTimeout, timeout, maxAttempts, initialBackoff, maxBackoff, sleeper, interceptors);
  }

  /**
   * @param attempts the largest number of attempts per idempotent request (1: no retry)
   * @return a copy with that number of attempts
   */
  public ClientOptions withMaxAttempts(int attempts) {
    return new ClientOptions(
        connectTimeout, readTimeout, attempts, initialBackoff, maxBackoff, sleeper, interceptors);
  }

  /**
   * @param initial the wait before the first retry without {@code Retry-After}
   * @param max the cap of the doubling wait
   * @return a copy with that backoff
   */
  public ClientOptions withBackoff(Duration initial, Duration max) {
    return new ClientOptions(
        connectTimeout, readTimeout, maxAttempts, initial, max, sleeper, interceptors);
  }

  /**
   * @param newSleeper how to wait between attempts
   * @return a copy with that sleeper
   */
  public ClientOptions withSleeper(Sleeper newSleeper) {
    return new ClientOptions(
        connectTimeout,
        readTimeout,
        maxAttempts,
        initialBackoff,
        maxBackoff,
        newSleeper,
        interceptors);
  }

  /**
   * @param interceptor sees every attempt of every request (after the retry decision), e.g. to log
   *     or to meter exchanges
   * @return a copy that also calls that interceptor, after those already added
   */
  public ClientOptions withInterceptor(ClientHttpRequestInterceptor interceptor) {
    List<ClientHttpRequestInterceptor> more = new ArrayList<>(interceptors);
    more.add(Objects.requireNonNull(interceptor, "interceptor"));
    return new ClientOptions(
        connectTimeout, readTimeout, maxAttempts, initialBackoff, maxBackoff, sleeper, more);
  }

  /** Waits between retry attempts; replace it in tests so they do not wait. */
  @FunctionalInterface
  public interface Sleeper {

    /** Sleeps on the calling thread. */
    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

    /**
     * Waits for the given time.
     *
     * @param duration how long to wait
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;
  }
}
