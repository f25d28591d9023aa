package io.hookwire.server.platform.errors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.DisconnectedClientHelper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Routes every failure to the error table of the API its request belongs to, whether it arises in a
 * controller, in a filter, or in the servlet container; the last table serves any other path.
 */
@Component
public class ApiErrors {

  private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

  private final List<ApiErrorTable> tables;
  private final Routes routes;
  private final JsonMapper json;

  public ApiErrors(List<ApiErrorTable> tables, Routes routes, JsonMapper json) {
    this.tables = tables;
    this.routes = routes;
    this.json = json;
  }

  public ResponseEntity<Object> respond(Throwable failure, String path) {
    ResponseEntity<Object> response = tableFor(path).respond(failure, path);
    // Logged by outcome: a client's error is the client's; the server's are kept, with the cause.
    if (response.getStatusCode().value() == 503) {
      log.warn("Request to {} failed, the database is unavailable: {}", path, failure.toString());
    } else if (DisconnectedClientHelper.isClientDisconnectedException(failure)) {
      // Not the server's fault, and nobody is left to answer.
      log.debug("The client of a request to {} went away: {}", path, failure.toString());
    } else if (response.getStatusCode().is5xxServerError()) {
      log.error("Unexpected failure of a request to {}", path, failure);
    }
    return response;
  }

  /**
   * Writes the error response directly, for failures outside Spring MVC (filters, the container).
   */
  public void write(Throwable failure, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = pathOf(request);
    tableFor(path).addTransportHeaders(response);
    ResponseEntity<Object> error = respond(failure, path);
    response.setStatus(error.getStatusCode().value());
    error.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
    if (error.getBody() != null) {
      json.writeValue(response.getOutputStream(), error.getBody());
    }
  }

  /**
   * The failure of a request whose method Spring MVC never saw: 405 listing the methods the path
   * has, or 404 when it has none.
   */
  public Exception unservedMethod(String method, String path) {
    Set<HttpMethod> allowed = routes.methodsAt(tableFor(path).routedPath(path));
    return allowed.isEmpty()
        ? new NoResourceFoundException(HttpMethod.valueOf(method), path, "")
        : new HttpRequestMethodNotSupportedException(
            method, allowed.stream().map(HttpMethod::name).toList());
  }

  public static String pathOf(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  /** The first table that serves the path; the last one (the operator API's) serves every path. */
  private ApiErrorTable tableFor(String path) {
    return tables.stream().filter(table -> table.serves(path)).findFirst().orElseThrow();
  }
}
