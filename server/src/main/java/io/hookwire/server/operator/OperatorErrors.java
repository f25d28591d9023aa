package io.hookwire.server.operator;

import io.hookwire.server.operator.model.Problem;
import io.hookwire.server.operator.model.ProblemFieldError;
import io.hookwire.server.platform.errors.ApiErrorTable;
import io.hookwire.server.platform.errors.Failure;
import io.hookwire.server.platform.errors.Failures;
import io.hookwire.server.platform.errors.NotFoundException;
import io.hookwire.server.platform.errors.Violation;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The operator API's exception-to-error table: RFC 9457 problem documents; also those of requests
 * to paths of no API.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class OperatorErrors implements ApiErrorTable {

  public static final String PATH_PREFIX = "/operator/";

  /** Every path: being ordered last, this table answers what no other API serves. */
  @Override
  public boolean serves(String path) {
    return true;
  }

  @Override
  public ResponseEntity<Object> respond(Throwable exception, String path) {
    Failure failure = Failures.classify(exception);
    HttpStatus status =
        switch (failure.kind()) {
          case UNREADABLE_REQUEST, MALFORMED_BODY, BODY_SHAPE, INVALID_PARAMETER ->
              HttpStatus.BAD_REQUEST;
          case BODY_VALUES -> HttpStatus.UNPROCESSABLE_CONTENT;
          case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
          case FORBIDDEN -> HttpStatus.FORBIDDEN;
          case NOT_FOUND, NO_ROUTE -> HttpStatus.NOT_FOUND;
          case METHOD_NOT_ALLOWED -> HttpStatus.METHOD_NOT_ALLOWED;
          case NOT_ACCEPTABLE -> HttpStatus.NOT_ACCEPTABLE;
          case CONFLICT -> HttpStatus.CONFLICT;
          case PAYLOAD_TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
          case UNSUPPORTED_MEDIA_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
          case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
          case INTERNAL -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
    String detail =
        exception instanceof NotFoundException notFound
            ? notFound.kind() + " '" + notFound.id() + "' not found."
            : failure.detail();
    Problem problem =
        new Problem(status.getReasonPhrase(), status.value()).detail(detail).errors(null);
    for (Violation violation : failure.violations()) {
      if (violation.pointer() != null) {
        problem.addErrorsItem(new ProblemFieldError(violation.pointer(), violation.detail()));
      }
    }
    ResponseEntity.BodyBuilder response =
        ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
    if (!failure.allowed().isEmpty()) {
      response.allow(failure.allowed().toArray(HttpMethod[]::new));
    }
    return response.body(problem);
  }
}
