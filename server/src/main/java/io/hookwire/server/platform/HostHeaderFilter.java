package io.hookwire.server.platform;

import io.hookwire.server.platform.errors.ApiErrors;
import io.hookwire.server.platform.errors.UnreadableRequestException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Absolute links are built on the request's host unless a public base URL is configured. A request
 * with an empty {@code Host} could only be answered with broken links, or none: without a
 * configured base it is refused with 400, in its API's format, before anything reads it.
 */
@Component
@Order(FilterOrder.HOST)
class HostHeaderFilter extends OncePerRequestFilter {

  private final boolean baseConfigured;
  private final ApiErrors errors;

  HostHeaderFilter(HookwireProperties properties, ApiErrors errors) {
    this.baseConfigured = properties.publicBaseUrl() != null;
    this.errors = errors;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return baseConfigured;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getServerName() == null || request.getServerName().isBlank()) {
      errors.write(
          new UnreadableRequestException("The request's Host header is empty: name the server."),
          request,
          response);
      return;
    }
    chain.doFilter(request, response);
  }
}
