package io.hookwire.server.endpoints;

import io.hookwire.server.endpoints.model.JsonApiError;
import io.hookwire.server.endpoints.model.JsonApiErrorDocument;
import io.hookwire.server.endpoints.model.JsonApiErrorSource;
import io.hookwire.server.platform.errors.ApiErrorTable;
import io.hookwire.server.platform.errors.Failure;
import io.hookwire.server.platform.errors.Failures;
import io.hookwire.server.platform.errors.NotFoundException;
import io.hookwire.server.platform.errors.Violation;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** The Endpoints API's exception-to-error table: JSON:API error documents. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class EndpointsErrors implements ApiErrorTable {

  public static final String PATH_PREFIX = "/api/iacp/v3/";
  public static final MediaType JSON_API = MediaType.valueOf("application/vnd.api+json");

  @Override
  public boolean serves(String path) {
    return path.startsWith(PATH_PREFIX);
  }

  @Override
  public ResponseEntity<Object> respond(Throwable exception, String path) {
    Failure failure = Failures.classify(exception);
    String detail = failure.detail();
    return switch (failure.kind()) {
      case UNREADABLE_REQUEST -> single(HttpStatus.BAD_REQUEST, "Bad Request", detail);
      case MALFORMED_BODY -> single(HttpStatus.BAD_REQUEST, "Malformed JSON", detail);
      case BODY_SHAPE, BODY_VALUES -> invalidBody(failure.violations());
      case INVALID_PARAMETER ->
          failure.violations().isEmpty()
              ? single(HttpStatus.BAD_REQUEST, "Invalid Query Parameter", detail)
              : errors(HttpStatus.BAD_REQUEST, "Invalid Query Parameter", failure.violations());
      case UNAUTHENTICATED -> single(HttpStatus.UNAUTHORIZED, "Unauthorized", detail);
      case FORBIDDEN ->
          errors(
              HttpStatus.FORBIDDEN,
              "Forbidden",
              List.of(Violation.atPointer("/data/id", exception.getMessage())));
      case NOT_FOUND -> notFound((NotFoundException) exception);
      case CONFLICT -> errors(HttpStatus.CONFLICT, "Conflict", conflictAt(failure));
      case METHOD_NOT_ALLOWED ->
          withAllow(single(HttpStatus.METHOD_NOT_ALLOWED, "Method Not Allowed", detail), failure);
      case NOT_ACCEPTABLE -> single(HttpStatus.NOT_ACCEPTABLE, "Not Acceptable", detail);
      case UNSUPPORTED_MEDIA_TYPE ->
          single(
              HttpStatus.UNSUPPORTED_MEDIA_TYPE,
              "Unsupported Media Type",
              "Request bodies must be application/vnd.api+json or application/json.");
      case NO_ROUTE -> single(HttpStatus.NOT_FOUND, "Not Found", detail);
      case PAYLOAD_TOO_LARGE -> single(HttpStatus.CONTENT_TOO_LARGE, "Payload Too Large", detail);
      case UNAVAILABLE -> single(HttpStatus.SERVICE_UNAVAILABLE, "Service Unavailable", detail);
      case INTERNAL -> single(HttpStatus.INTERNAL_SERVER_ERROR, "Internal Server Error", detail);
    };
  }

  /**
   * A wrong {@code data.type} is a conflict, as JSON:API has it; invalid attributes and
   * relationships are 422, each reported; anything else is a malformed document.
   */
  private static ResponseEntity<Object> invalidBody(List<Violation> violations) {
    if (violations.stream().anyMatch(v -> "/data/type".equals(v.pointer()))) {
      return errors(
          HttpStatus.CONFLICT,
          "Conflict",
          List.of(Violation.atPointer("/data/type", "data.type must be 'endpoints'.")));
    }
    boolean attributes =
        violations.stream()
            .allMatch(
                v ->
                    v.pointer() != null
                        && (v.pointer().startsWith("/data/attributes")
                            || v.pointer().startsWith("/data/relationships")));
    return attributes
        ? errors(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid Attribute", violations)
        : errors(HttpStatus.BAD_REQUEST, "Invalid Document", violations);
  }

  private static List<Violation> conflictAt(Failure failure) {
    return failure.violations().isEmpty()
        ? List.of(new Violation(null, null, failure.detail()))
        : failure.violations();
  }

  private static ResponseEntity<Object> notFound(NotFoundException e) {
    String message = e.kind() + " with ID '" + e.id() + "' not found or user unauthorized.";
    Violation source = e.source();
    Violation error =
        source == null
            ? new Violation(null, null, message)
            : new Violation(source.pointer(), source.parameter(), message);
    return errors(HttpStatus.NOT_FOUND, message, List.of(error));
  }

  private static ResponseEntity<Object> single(HttpStatus status, String title, String detail) {
    return errors(status, title, List.of(new Violation(null, null, detail)));
  }

  private static ResponseEntity<Object> errors(
      HttpStatus status, String title, List<Violation> violations) {
    JsonApiErrorDocument document = new JsonApiErrorDocument();
    for (Violation violation : violations) {
      JsonApiError error =
          new JsonApiError(String.valueOf(status.value()), title).detail(violation.detail());
      if (violation.pointer() != null || violation.parameter() != null) {
        error.source(
            new JsonApiErrorSource().pointer(violation.pointer()).parameter(violation.parameter()));
      }
      document.addErrorsItem(error);
    }
    return ResponseEntity.status(status).contentType(JSON_API).body(document);
  }

  private static ResponseEntity<Object> withAllow(
      ResponseEntity<Object> response, Failure failure) {
    HttpHeaders headers = new HttpHeaders();
    headers.putAll(response.getHeaders());
    headers.setAllow(failure.allowed());
    return new ResponseEntity<>(response.getBody(), headers, response.getStatusCode());
  }
}
