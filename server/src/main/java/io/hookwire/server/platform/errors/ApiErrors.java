package io.hookwire.server.platform.errors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Routes every failure to the error table of the API its request belongs to, whether it arises in a
 * controller, in a filter, or in the servlet container; the last table serves any other path.
 */
@Component
public class ApiErrors {

  private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

  private final List<ApiErrorTable> tables;
  private final JsonMapper json;

  public ApiErrors(List<ApiErrorTable> tables, JsonMapper json) {
    this.tables = tables;
    this.json = json;
  }

  public ResponseEntity<Object> respond(Throwable failure, String path) {
    ResponseEntity<Object> response = tableFor(path).respond(failure, path);
    // Logged by outcome: a client's error is the client's; the server's are kept, with the cause.
    if (response.getStatusCode().value() == 503) {
      log.warn("Request to {} failed, the database is unavailable: {}", path, failure.toString());
    } else if (response.getStatusCode().is5xxServerError()) {
      log.error("Unexpected failure of a request to {}", path, failure);
    }
    return response;
  }

  /** Writes the error response directly, for failures outside Spring MVC (filters). */
  public void write(Throwable failure, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    ResponseEntity<Object> error = respond(failure, pathOf(request));
    response.setStatus(error.getStatusCode().value());
    error.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
    if (error.getBody() != null) {
      json.writeValue(response.getOutputStream(), error.getBody());
    }
  }

  public static String pathOf(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  private ApiErrorTable tableFor(String path) {
    return tables.stream()
        .filter(table -> table.serves(path))
        .findFirst()
        .orElse(tables.get(tables.size() - 1));
  }
}
