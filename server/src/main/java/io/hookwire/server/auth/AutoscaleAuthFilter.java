package io.hookwire.server.auth;

import io.hookwire.server.autoscale.AutoscaleErrors;
import io.hookwire.server.platform.FilterOrder;
import io.hookwire.server.platform.Tokens;
import io.hookwire.server.platform.errors.ApiErrors;
import io.hookwire.server.platform.errors.ForbiddenException;
import io.hookwire.server.platform.errors.NotAuthenticatedException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Auto Scale API: {@code X-Auth-Token}. Missing or unknown is 401; a token of another tenant than
 * the path's, or an observer's token on a write, is 403. Capability execution needs no token.
 */
@Component
@Order(FilterOrder.AUTHENTICATION)
class AutoscaleAuthFilter extends ApiAuthFilter {

  static final String TOKEN_HEADER = "X-Auth-Token";
  private static final Set<String> READS = Set.of("GET", "HEAD");

  private final CallerCache callers;

  AutoscaleAuthFilter(ApiErrors errors, CallerCache callers) {
    super(
        errors,
        path ->
            path.startsWith(AutoscaleErrors.PATH_PREFIX)
                && !path.startsWith(AutoscaleErrors.EXECUTE_PREFIX));
    this.callers = callers;
  }

  @Override
  void authenticate(HttpServletRequest request) {
    TenantCaller caller =
        Credentials.headerToken(request, TOKEN_HEADER)
            .flatMap(token -> callers.findTenantToken(Tokens.hash(token)))
            .orElseThrow(
                () -> new NotAuthenticatedException("The X-Auth-Token the user supplied is bad."));
    String path = ApiErrors.pathOf(request).substring(AutoscaleErrors.PATH_PREFIX.length());
    String tenant = path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
    if (!caller.tenantId().equals(tenant)) {
      throw new ForbiddenException("The token may not act for tenant " + tenant + ".");
    }
    if (caller.role() == TenantCaller.Role.OBSERVER && !READS.contains(request.getMethod())) {
      throw new ForbiddenException("The observer role may not perform this action.");
    }
    request.setAttribute(TenantCaller.ATTRIBUTE, caller);
  }
}
