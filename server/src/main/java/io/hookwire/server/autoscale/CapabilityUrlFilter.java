package io.hookwire.server.autoscale;

import io.hookwire.server.platform.FilterOrder;
import io.hookwire.server.platform.errors.ApiErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every path under {@code /v1.0/execute/} belongs to capability execution (API notes §2): {@code
 * /v1.0/execute/{version}/{hash}} takes POST only, so any other method is 405 {@code InvalidMethod}
 * with {@code Allow: POST}, and a longer path is no resource. Without this, {@code GET
 * /v1.0/execute/groups/{id}} would reach the scaling group route, whose tenant id is a path
 * variable too, as tenant {@code execute}, without a token.
 */
@Component
@Order(FilterOrder.AUTHENTICATION + 20)
class CapabilityUrlFilter extends AutoscaleApiFilter {

  private final ApiErrors errors;

  CapabilityUrlFilter(ApiErrors errors) {
    this.errors = errors;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = ApiErrors.pathOf(request);
    if (!path.startsWith(AutoscaleErrors.EXECUTE_PREFIX)) {
      chain.doFilter(request, response);
      return;
    }
    String method = request.getMethod();
    if (path.substring(AutoscaleErrors.EXECUTE_PREFIX.length()).split("/", -1).length != 2) {
      errors.write(
          new NoResourceFoundException(HttpMethod.valueOf(method), path, ""), request, response);
    } else if (!HttpMethod.POST.matches(method)) {
      errors.write(
          new HttpRequestMethodNotSupportedException(method, List.of(HttpMethod.POST.name())),
          request,
          response);
    } else {
      chain.doFilter(request, response);
    }
  }
}
