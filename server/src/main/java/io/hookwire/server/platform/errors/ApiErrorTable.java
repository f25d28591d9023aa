package io.hookwire.server.platform.errors;

import org.springframework.http.ResponseEntity;

/** One API's exception-to-error table: every failure of its requests, in its own error format. */
public interface ApiErrorTable {

  /** Whether a request to this path (without the context path) belongs to the API. */
  boolean serves(String path);

  /** The response for a failure; it sets the status, the media type and any header it needs. */
  ResponseEntity<Object> respond(Throwable failure, String path);
}
