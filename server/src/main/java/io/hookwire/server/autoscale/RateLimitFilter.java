package io.hookwire.server.autoscale;

import io.hookwire.server.auth.TenantCaller;
import io.hookwire.server.platform.FilterOrder;
import io.hookwire.server.platform.errors.ApiErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Auto Scale API's rate limits: Bucket4j token buckets, in this server's memory or, on
 * PostgreSQL, in the database shared by every server on it ({@link RateBuckets}). Capability
 * execution, which is anonymous, takes from two buckets: its client address's, {@code
 * execute-per-second-per-client} a second over every capability URL, known or not, so that one
 * client cannot flood the server and guessing hashes is throttled; then its capability URL's,
 * {@code execute-per-second} a second, so that a burst on one webhook does not hold up another.
 * Every other request, authenticated by then, takes from its tenant's bucket of {@code
 * tenant-per-minute} a minute, whichever of the tenant's tokens it carries. A request over a limit
 * is answered 413 {@code RateLimitError} with {@code Retry-After} and goes no further. The client
 * address is the connection's, or behind a trusted proxy ({@code
 * server.forward-headers-strategy=framework}) the one {@code X-Forwarded-For} names.
 *
 * <p>The buckets refill greedily: a bucket of N a period starts full, so a client may send N at
 * once, and then gets one token back every period/N (60 ms at 1000 a minute) rather than all N at
 * the turn of a fixed window. So the sustained rate is N a period either way, but a client over the
 * limit waits only until its next token (a short {@code Retry-After}) instead of up to a whole
 * minute, and clients that all waited for a window's turn do not come back in one burst.
 *
 * <p>A bucket left alone for its whole period is full again, so it is forgotten then at no cost:
 * memory holds only the buckets (or, when shared, the handles of the database's buckets) of the
 * last period's tenants, clients and capability URLs, and at most {@link KeyedBuckets#MAX_BUCKETS}
 * of each kind. Requests that fail authentication never get here (the auth filter answers them), so
 * they spend no tenant's budget. A bucket the database cannot give is the request's failure (503
 * while the database is away), never a free pass.
 */
@Component
@Order(FilterOrder.AUTHENTICATION + 10)
class RateLimitFilter extends AutoscaleApiFilter {

  private static final long NANOS_PER_SECOND = Duration.ofSeconds(1).toNanos();

  private final ApiErrors errors;
  private final KeyedBuckets tenants;
  private final KeyedBuckets clients;
  private final KeyedBuckets capabilities;

  RateLimitFilter(AutoscaleProperties properties, RateBuckets buckets, ApiErrors errors) {
    this.errors = errors;
    AutoscaleProperties.RateLimit limits = properties.rateLimit();
    this.tenants =
        new KeyedBuckets(
            "tenant", limits.tenantPerMinute(), Duration.ofMinutes(1), buckets, System::nanoTime);
    this.clients =
        new KeyedBuckets(
            "client",
            limits.executePerSecondPerClient(),
            Duration.ofSeconds(1),
            buckets,
            System::nanoTime);
    this.capabilities =
        new KeyedBuckets(
            "capability",
            limits.executePerSecond(),
            Duration.ofSeconds(1),
            buckets,
            System::nanoTime);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long nanosToWait;
    try {
      nanosToWait = nanosToWait(request);
    } catch (RuntimeException e) {
      errors.write(e, request, response);
      return;
    }
    if (nanosToWait > 0) {
      errors.write(new RateLimitedException(wholeSeconds(nanosToWait)), request, response);
      return;
    }
    chain.doFilter(request, response);
  }

  /** Takes the request's tokens: 0 if it may go on, else how long until it may. */
  private long nanosToWait(HttpServletRequest request) {
    String path = ApiErrors.pathOf(request);
    if (path.startsWith(AutoscaleErrors.EXECUTE_PREFIX)) {
      return clients.take(request.getRemoteAddr(), () -> capabilities.take(capability(path)));
    }
    if (request.getAttribute(TenantCaller.ATTRIBUTE) instanceof TenantCaller caller) {
      return tenants.take(caller.tenantId());
    }
    // Unreachable: every other path of the API is authenticated before this filter.
    return 0;
  }

  /** The capability URL's version and hash, with or without a trailing slash. */
  private static String capability(String path) {
    String capability = path.substring(AutoscaleErrors.EXECUTE_PREFIX.length());
    return capability.endsWith("/") ? capability.substring(0, capability.length() - 1) : capability;
  }

  /** Nanoseconds rounded up to whole seconds, at least 1: {@code Retry-After} has no fractions. */
  static long wholeSeconds(long nanos) {
    return Math.max(1, -Math.floorDiv(-nanos, NANOS_PER_SECOND));
  }
}
