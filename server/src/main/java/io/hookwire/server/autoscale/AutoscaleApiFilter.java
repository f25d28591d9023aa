package io.hookwire.server.autoscale;

import io.hookwire.server.platform.errors.ApiErrors;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.filter.OncePerRequestFilter;

/** A filter of the Auto Scale API's requests only, capability execution included. */
abstract class AutoscaleApiFilter extends OncePerRequestFilter {

  @Override
  protected final boolean shouldNotFilter(HttpServletRequest request) {
    return !ApiErrors.pathOf(request).startsWith(AutoscaleErrors.PATH_PREFIX);
  }
}
