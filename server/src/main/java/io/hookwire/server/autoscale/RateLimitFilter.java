package io.hookwire.server.autoscale;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.hookwire.server.auth.TenantCaller;
import io.hookwire.server.platform.FilterOrder;
import io.hookwire.server.platform.errors.ApiErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The Auto Scale API's rate limits (Bucket4j token buckets, in this server's memory): capability
 * execution, which is anonymous, shares one bucket of {@code execute-per-second} a second; every
 * other request, authenticated by then, takes from its tenant's bucket of {@code tenant-per-minute}
 * a minute, whichever of the tenant's tokens it carries. A request over its limit is answered 413
 * {@code RateLimitError} with {@code Retry-After} and goes no further.
 *
 * <p>Both buckets refill greedily: a bucket of N a period starts full, so a client may send N at
 * once, and then gets one token back every period/N (60 ms at 1000 a minute) rather than all N at
 * the turn of a fixed window. So the sustained rate is N a period either way, but a client over the
 * limit waits only until its next token (a short {@code Retry-After}) instead of up to a whole
 * minute, and clients that all waited for a window's turn do not come back in one burst.
 *
 * <p>Requests that fail authentication never get here (the auth filter answers them), so they spend
 * no tenant's budget, and the tenants' buckets are bounded by the tenants that exist.
 */
@Component
@Order(FilterOrder.AUTHENTICATION + 10)
class RateLimitFilter extends OncePerRequestFilter {

  static final String EXECUTE_PREFIX = AutoscaleErrors.PATH_PREFIX + "execute/";
  private static final long NANOS_PER_SECOND = Duration.ofSeconds(1).toNanos();

  private final ApiErrors errors;
  private final int tenantPerMinute;
  private final Bucket executions;
  private final Map<String, Bucket> tenants = new ConcurrentHashMap<>();

  RateLimitFilter(AutoscaleProperties properties, ApiErrors errors) {
    this.errors = errors;
    this.tenantPerMinute = properties.rateLimit().tenantPerMinute();
    this.executions =
        greedyBucket(properties.rateLimit().executePerSecond(), Duration.ofSeconds(1));
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !ApiErrors.pathOf(request).startsWith(AutoscaleErrors.PATH_PREFIX);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Bucket bucket = bucketFor(request);
    if (bucket != null) {
      ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
      if (!probe.isConsumed()) {
        errors.write(
            new RateLimitedException(wholeSeconds(probe.getNanosToWaitForRefill())),
            request,
            response);
        return;
      }
    }
    chain.doFilter(request, response);
  }

  /** The bucket the request takes from, or null for a request no limit applies to. */
  private Bucket bucketFor(HttpServletRequest request) {
    if (ApiErrors.pathOf(request).startsWith(EXECUTE_PREFIX)) {
      return executions;
    }
    if (request.getAttribute(TenantCaller.ATTRIBUTE) instanceof TenantCaller caller) {
      return tenants.computeIfAbsent(
          caller.tenantId(), tenant -> greedyBucket(tenantPerMinute, Duration.ofMinutes(1)));
    }
    // Unreachable: every other path of the API is authenticated before this filter.
    return null;
  }

  private static Bucket greedyBucket(int perPeriod, Duration period) {
    return Bucket.builder()
        .addLimit(limit -> limit.capacity(perPeriod).refillGreedy(perPeriod, period))
        .build();
  }

  /** Nanoseconds rounded up to whole seconds, at least 1: {@code Retry-After} has no fractions. */
  static long wholeSeconds(long nanos) {
    return Math.max(1, -Math.floorDiv(-nanos, NANOS_PER_SECOND));
  }
}
