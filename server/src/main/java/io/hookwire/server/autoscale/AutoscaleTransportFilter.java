package io.hookwire.server.autoscale;

import io.hookwire.server.platform.FilterOrder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * The Auto Scale API's transport: every response, errors included, carries a fresh {@code
 * X-Response-Id}, which the request's log lines carry too (its DEBUG line, and any warning); and
 * the API always answers JSON, whatever the request's {@code Accept}.
 */
@Component
@Order(FilterOrder.TRANSPORT)
class AutoscaleTransportFilter extends AutoscaleApiFilter {

  static final String RESPONSE_ID = "X-Response-Id";
  private static final Logger log =
      LoggerFactory.getLogger("io.hookwire.server.autoscale.requests");

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String responseId = UUID.randomUUID().toString();
    response.setHeader(RESPONSE_ID, responseId);
    MDC.put("responseId", responseId);
    long start = System.nanoTime();
    try {
      chain.doFilter(new AutoscaleRequest(request), response);
    } finally {
      // DEBUG: a line per request costs a fifth of a read's time; access logs are opt-in.
      log.debug(
          "{} {} {} {}ms",
          request.getMethod(),
          request.getRequestURI(),
          response.getStatus(),
          (System.nanoTime() - start) / 1_000_000);
      MDC.remove("responseId");
    }
  }

  /** Every path of the API is served with and without a trailing slash. */
  static String withoutTrailingSlash(String path) {
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  /** A response id for a response that has none yet. */
  static void addResponseId(HttpServletResponse response) {
    if (!response.containsHeader(RESPONSE_ID)) {
      response.setHeader(RESPONSE_ID, UUID.randomUUID().toString());
    }
  }

  /** The request without {@code Accept} and without a trailing slash on its path. */
  private static final class AutoscaleRequest extends HttpServletRequestWrapper {

    private final String uri;
    private final String servletPath;

    AutoscaleRequest(HttpServletRequest request) {
      super(request);
      this.uri = withoutTrailingSlash(request.getRequestURI());
      this.servletPath = withoutTrailingSlash(request.getServletPath());
    }

    @Override
    public String getRequestURI() {
      return uri;
    }

    @Override
    public String getServletPath() {
      return servletPath;
    }

    @Override
    public StringBuffer getRequestURL() {
      StringBuffer url = super.getRequestURL();
      return url.length() > 0 && url.charAt(url.length() - 1) == '/'
          ? url.deleteCharAt(url.length() - 1)
          : url;
    }

    @Override
    public String getHeader(String name) {
      return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? null : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return HttpHeaders.ACCEPT.equalsIgnoreCase(name)
          ? Collections.emptyEnumeration()
          : super.getHeaders(name);
    }
  }
}
