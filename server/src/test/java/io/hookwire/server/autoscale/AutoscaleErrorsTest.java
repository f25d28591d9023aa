package io.hookwire.server.autoscale;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookwire.server.autoscale.model.ErrorDetail;
import io.hookwire.server.autoscale.model.ErrorResponse;
import io.hookwire.server.autoscale.model.ErrorType;
import io.hookwire.server.platform.errors.Failure.Kind;
import io.hookwire.server.platform.errors.NotFoundException;
import io.hookwire.server.platform.errors.SampleFailures;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The Auto Scale API's exception-to-error table, row by row. */
class AutoscaleErrorsTest {

  private static final String WEBHOOKS =
      "/v1.0/676873/groups/605e13f6-1452-4588-b5da-ac6bb468c5bf/policies/eb0fe1bf-3428-4f34-afd9-a5ac36f60511/webhooks";

  private final AutoscaleErrors table = new AutoscaleErrors();

  static Stream<Arguments> rows() {
    return SampleFailures.oneRowPerKind(
        Arguments.of(Kind.UNREADABLE_REQUEST, 400, ErrorType.VALIDATION_ERROR),
        Arguments.of(Kind.MALFORMED_BODY, 400, ErrorType.INVALID_JSON_ERROR),
        Arguments.of(Kind.BODY_SHAPE, 400, ErrorType.VALIDATION_ERROR),
        Arguments.of(Kind.BODY_VALUES, 400, ErrorType.VALIDATION_ERROR),
        Arguments.of(Kind.INVALID_PARAMETER, 400, ErrorType.INVALID_QUERY_ARGUMENT),
        Arguments.of(Kind.UNSUPPORTED_MEDIA_TYPE, 415, ErrorType.UNSUPPORTED_MEDIA_TYPE),
        // The transport filter drops Accept, so this cannot happen; it still gets a seed type.
        Arguments.of(Kind.NOT_ACCEPTABLE, 400, ErrorType.VALIDATION_ERROR),
        Arguments.of(Kind.METHOD_NOT_ALLOWED, 405, ErrorType.INVALID_METHOD),
        Arguments.of(Kind.NO_ROUTE, 404, ErrorType.NO_SUCH_WEBHOOK_ERROR),
        // 413 is the rate limit in this API.
        Arguments.of(Kind.PAYLOAD_TOO_LARGE, 400, ErrorType.VALIDATION_ERROR),
        Arguments.of(Kind.UNAUTHENTICATED, 401, ErrorType.INVALID_CREDENTIALS),
        Arguments.of(Kind.FORBIDDEN, 403, ErrorType.FORBIDDEN),
        Arguments.of(Kind.NOT_FOUND, 404, ErrorType.NO_SUCH_WEBHOOK_ERROR),
        Arguments.of(Kind.CONFLICT, 400, ErrorType.VALIDATION_ERROR),
        Arguments.of(Kind.UNAVAILABLE, 503, ErrorType.SERVICE_UNAVAILABLE),
        Arguments.of(Kind.INTERNAL, 500, ErrorType.INTERNAL_ERROR));
  }

  @ParameterizedTest(name = "{0} is {1} {2}")
  @MethodSource("rows")
  void mapsEachKindOfFailure(Kind kind, int status, ErrorType type) {
    ErrorDetail error =
        errorOf(table.respond(SampleFailures.all().get(kind), WEBHOOKS + "/x/y"), status);

    assertThat(error.getType()).isEqualTo(type);
    assertThat(error.getMessage()).isNotBlank().doesNotContain("secret internal detail");
    assertThat(error.getDetails()).isEmpty();
  }

  @Test
  void internalErrorsSayNothingMore() {
    ErrorDetail error =
        errorOf(table.respond(SampleFailures.all().get(Kind.INTERNAL), WEBHOOKS), 500);

    assertThat(error.getMessage()).isEqualTo("An Internal Error was encountered");
  }

  @Test
  void aRateLimitIs413WithRetryAfter() {
    ResponseEntity<Object> response = table.respond(new RateLimitedException(7), WEBHOOKS);

    ErrorDetail error = errorOf(response, 413);
    assertThat(error.getType()).isEqualTo(ErrorType.RATE_LIMIT_ERROR);
    assertThat(error.getMessage()).isEqualTo("The user has surpassed their rate limit.");
    assertThat(error.getDetails()).isEmpty();
    assertThat(response.getHeaders().get("Retry-After")).containsExactly("7");
  }

  /** A missing level is named by the kind not found; an unknown route by the deepest level. */
  static Stream<Arguments> missingLevels() {
    Throwable noRoute = SampleFailures.all().get(Kind.NO_ROUTE);
    return Stream.of(
        Arguments.of(
            new NotFoundException("ScalingGroup", "x"), WEBHOOKS, "NoSuchScalingGroupError"),
        Arguments.of(new NotFoundException("Policy", "x"), WEBHOOKS, "NoSuchPolicyError"),
        Arguments.of(new NotFoundException("Webhook", "x"), WEBHOOKS, "NoSuchWebhookError"),
        Arguments.of(noRoute, "/v1.0/676873/nothing", "NoSuchScalingGroupError"),
        Arguments.of(noRoute, "/v1.0/676873/groups/g/policies/p/other", "NoSuchPolicyError"),
        Arguments.of(
            noRoute, "/v1.0/676873/groups/g/policies/p/webhooks/w/other", "NoSuchWebhookError"));
  }

  @ParameterizedTest(name = "{0} at {1} is {2}")
  @MethodSource("missingLevels")
  void eachMissingLevelHasItsOwnType(Throwable failure, String path, String type) {
    ErrorDetail error = errorOf(table.respond(failure, path), 404);

    assertThat(error.getType().getValue()).isEqualTo(type);
  }

  private static ErrorDetail errorOf(ResponseEntity<Object> response, int status) {
    assertThat(response.getStatusCode().value()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
    ErrorDetail error = ((ErrorResponse) response.getBody()).getError();
    assertThat(error.getCode()).isEqualTo(status);
    return error;
  }
}
