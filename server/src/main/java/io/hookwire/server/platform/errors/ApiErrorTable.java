package io.hookwire.server.platform.errors;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;

/** One API's exception-to-error table: every failure of its requests, in its own error format. */
public interface ApiErrorTable {

  /** Whether a request to this path (without the context path) belongs to the API. */
  boolean serves(String path);

  /** The response for a failure; it sets the status, the media type and any header it needs. */
  ResponseEntity<Object> respond(Throwable failure, String path);

  /** The path as the API's routes read it. */
  default String routedPath(String path) {
    return path;
  }

  /**
   * Adds the headers every response of the API carries to an error response written outside Spring
   * MVC, which its filters may never have seen (the container refused the request first).
   */
  default void addTransportHeaders(HttpServletResponse response) {}
}
