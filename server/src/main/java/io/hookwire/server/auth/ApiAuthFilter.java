package io.hookwire.server.auth;

import io.hookwire.server.platform.errors.ApiErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every request to one API before anything else reads it; a request that fails is
 * answered in that API's error format and goes no further.
 */
abstract class ApiAuthFilter extends OncePerRequestFilter {

  private final ApiErrors errors;

  ApiAuthFilter(ApiErrors errors) {
    this.errors = errors;
  }

  /** Whether this filter guards the path (without the context path). */
  abstract boolean guards(String path);

  /**
   * Checks the request's credentials and stores the caller as a request attribute.
   *
   * @throws RuntimeException the failure to answer with, such as a {@code
   *     NotAuthenticatedException}
   */
  abstract void authenticate(HttpServletRequest request);

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !guards(ApiErrors.pathOf(request));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      authenticate(request);
    } catch (RuntimeException failure) {
      errors.write(failure, request, response);
      return;
    }
    chain.doFilter(request, response);
  }
}
