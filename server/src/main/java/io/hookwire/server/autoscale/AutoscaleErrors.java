package io.hookwire.server.autoscale;

import io.hookwire.server.autoscale.model.ErrorDetail;
import io.hookwire.server.autoscale.model.ErrorResponse;
import io.hookwire.server.autoscale.model.ErrorType;
import io.hookwire.server.platform.errors.ApiErrorTable;
import io.hookwire.server.platform.errors.Failure;
import io.hookwire.server.platform.errors.Failures;
import io.hookwire.server.platform.errors.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The Auto Scale API's exception-to-error table: the {@code {"error": {type, code, message,
 * details}}} envelope, with the type names of the API's reference document. 413 means a rate limit
 * here, so an oversized body is a {@code ValidationError}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class AutoscaleErrors implements ApiErrorTable {

  public static final String PATH_PREFIX = "/v1.0/";

  /** Where the anonymous capability URLs are: {@code /v1.0/execute/{version}/{hash}}. */
  public static final String EXECUTE_PREFIX = PATH_PREFIX + "execute/";

  /** What is not found, by the kind a {@link NotFoundException} names. */
  private static final Map<String, ErrorType> NOT_FOUND_TYPES =
      Map.of(
          "ScalingGroup", ErrorType.NO_SUCH_SCALING_GROUP_ERROR,
          "Policy", ErrorType.NO_SUCH_POLICY_ERROR,
          "Webhook", ErrorType.NO_SUCH_WEBHOOK_ERROR);

  @Override
  public boolean serves(String path) {
    return path.startsWith(PATH_PREFIX);
  }

  @Override
  public String routedPath(String path) {
    return AutoscaleTransportFilter.withoutTrailingSlash(path);
  }

  @Override
  public void addTransportHeaders(HttpServletResponse response) {
    AutoscaleTransportFilter.addResponseId(response);
  }

  @Override
  public ResponseEntity<Object> respond(Throwable exception, String path) {
    if (exception instanceof WebhookOverLimitsException overLimits) {
      return error(
          HttpStatus.UNPROCESSABLE_CONTENT,
          ErrorType.WEBHOOK_OVER_LIMITS_ERROR,
          overLimits.getMessage());
    }
    if (exception instanceof RateLimitedException limited) {
      return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
          .header(
              org.springframework.http.HttpHeaders.RETRY_AFTER,
              String.valueOf(limited.retryAfterSeconds()))
          .contentType(MediaType.APPLICATION_JSON)
          .body(
              envelope(
                  HttpStatus.CONTENT_TOO_LARGE, ErrorType.RATE_LIMIT_ERROR, limited.getMessage()));
    }
    Failure failure = Failures.classify(exception);
    String detail = failure.detail();
    return switch (failure.kind()) {
      case MALFORMED_BODY -> error(HttpStatus.BAD_REQUEST, ErrorType.INVALID_JSON_ERROR, detail);
      case UNREADABLE_REQUEST,
          BODY_SHAPE,
          BODY_VALUES,
          PAYLOAD_TOO_LARGE,
          NOT_ACCEPTABLE,
          CONFLICT ->
          error(HttpStatus.BAD_REQUEST, ErrorType.VALIDATION_ERROR, detail);
      case INVALID_PARAMETER ->
          error(HttpStatus.BAD_REQUEST, ErrorType.INVALID_QUERY_ARGUMENT, detail);
      case UNAUTHENTICATED -> error(HttpStatus.UNAUTHORIZED, ErrorType.INVALID_CREDENTIALS, detail);
      case FORBIDDEN -> error(HttpStatus.FORBIDDEN, ErrorType.FORBIDDEN, detail);
      case NOT_FOUND -> notFound((NotFoundException) exception);
      case NO_ROUTE ->
          error(
              HttpStatus.NOT_FOUND,
              nearestMissingLevel(path),
              "No resource of this API is at this path; nothing was looked up.");
      case METHOD_NOT_ALLOWED ->
          ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
              .allow(failure.allowed().toArray(org.springframework.http.HttpMethod[]::new))
              .contentType(MediaType.APPLICATION_JSON)
              .body(envelope(HttpStatus.METHOD_NOT_ALLOWED, ErrorType.INVALID_METHOD, detail));
      case UNSUPPORTED_MEDIA_TYPE ->
          error(
              HttpStatus.UNSUPPORTED_MEDIA_TYPE,
              ErrorType.UNSUPPORTED_MEDIA_TYPE,
              "The request body must be application/json.");
      case UNAVAILABLE ->
          error(HttpStatus.SERVICE_UNAVAILABLE, ErrorType.SERVICE_UNAVAILABLE, detail);
      case INTERNAL ->
          error(
              HttpStatus.INTERNAL_SERVER_ERROR,
              ErrorType.INTERNAL_ERROR,
              "An Internal Error was encountered");
    };
  }

  private static ResponseEntity<Object> notFound(NotFoundException e) {
    ErrorType type = NOT_FOUND_TYPES.getOrDefault(e.kind(), ErrorType.NO_SUCH_WEBHOOK_ERROR);
    return error(HttpStatus.NOT_FOUND, type, e.getMessage() + ".");
  }

  /**
   * An unknown route is reported with the type of the deepest level the path names (the error types
   * are the API's), and a message that says the path is unknown, not that the level is missing.
   */
  private static ErrorType nearestMissingLevel(String path) {
    if (path.matches("^/v1\\.0/[^/]+/groups/[^/]+/policies/[^/]+/webhooks(/.*)?$")) {
      return ErrorType.NO_SUCH_WEBHOOK_ERROR;
    }
    if (path.matches("^/v1\\.0/[^/]+/groups/[^/]+/policies(/.*)?$")) {
      return ErrorType.NO_SUCH_POLICY_ERROR;
    }
    return ErrorType.NO_SUCH_SCALING_GROUP_ERROR;
  }

  public static ResponseEntity<Object> error(HttpStatus status, ErrorType type, String message) {
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_JSON)
        .body(envelope(status, type, message));
  }

  private static ErrorResponse envelope(HttpStatus status, ErrorType type, String message) {
    return new ErrorResponse(new ErrorDetail(type, status.value(), message, ""));
  }
}
