package io.hookwire.server.autoscale;

/**
 * The tenant, or capability execution, is over its rate limit: 413 {@code RateLimitError} with
 * {@code Retry-After}. Thrown for every refused request, so it has no stack trace to fill in.
 */
public final class RateLimitedException extends RuntimeException {

  private final long retryAfterSeconds;

  /**
   * @param retryAfterSeconds whole seconds until the limit allows another request, at least 1
   */
  public RateLimitedException(long retryAfterSeconds) {
    super("The user has surpassed their rate limit.", null, false, false);
    if (retryAfterSeconds < 1) {
      throw new IllegalArgumentException("retryAfterSeconds must be at least 1");
    }
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Whole seconds until the limit allows another request, at least 1. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
