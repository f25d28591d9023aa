package io.hookwire.server.auth;

import io.hookwire.server.platform.errors.ApiErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Predicate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every request to one API before anything else reads it; a request that fails is
 * answered in that API's error format and goes no further.
 */
abstract class ApiAuthFilter extends OncePerRequestFilter {

  private final ApiErrors errors;
  private final Predicate<String> guards;

  /**
   * @param guards whether this filter guards a path (without the context path)
   */
  ApiAuthFilter(ApiErrors errors, Predicate<String> guards) {
    this.errors = errors;
    this.guards = guards;
  }

  /**
   * Checks the request's credentials and stores the caller as a request attribute.
   *
   * @throws RuntimeException the failure to answer with, such as a {@code
   *     NotAuthenticatedException}
   */
  abstract void authenticate(HttpServletRequest request);

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !guards.test(ApiErrors.pathOf(request));
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
