package io.hookwire.server.endpoints;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookwire.server.endpoints.model.JsonApiError;
import io.hookwire.server.endpoints.model.JsonApiErrorDocument;
import io.hookwire.server.platform.errors.Failure.Kind;
import io.hookwire.server.platform.errors.SampleFailures;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.ResponseEntity;

/** The Endpoints API's exception-to-error table, row by row. */
class EndpointsErrorsTest {

  private final EndpointsErrors table = new EndpointsErrors();

  static Stream<Arguments> rows() {
    return SampleFailures.oneRowPerKind(
        Arguments.of(Kind.UNREADABLE_REQUEST, 400, "Bad Request", null),
        Arguments.of(Kind.MALFORMED_BODY, 400, "Malformed JSON", null),
        Arguments.of(Kind.BODY_SHAPE, 422, "Invalid Attribute", "/data/attributes/timeout"),
        Arguments.of(Kind.BODY_VALUES, 422, "Invalid Attribute", "/data/attributes/timeout"),
        Arguments.of(Kind.INVALID_PARAMETER, 400, "Invalid Query Parameter", null),
        Arguments.of(Kind.UNSUPPORTED_MEDIA_TYPE, 415, "Unsupported Media Type", null),
        Arguments.of(Kind.NOT_ACCEPTABLE, 406, "Not Acceptable", null),
        Arguments.of(Kind.METHOD_NOT_ALLOWED, 405, "Method Not Allowed", null),
        Arguments.of(Kind.NO_ROUTE, 404, "Not Found", null),
        Arguments.of(Kind.PAYLOAD_TOO_LARGE, 413, "Payload Too Large", null),
        Arguments.of(Kind.UNAUTHENTICATED, 401, "Unauthorized", null),
        Arguments.of(Kind.FORBIDDEN, 403, "Forbidden", "/data/id"),
        Arguments.of(
            Kind.NOT_FOUND,
            404,
            "Webhook with ID '23037efb-53a9-4ae5-bc33-e89a56b501b6' not found or user unauthorized.",
            null),
        Arguments.of(Kind.CONFLICT, 409, "Conflict", "/id"),
        Arguments.of(Kind.UNAVAILABLE, 503, "Service Unavailable", null),
        Arguments.of(Kind.INTERNAL, 500, "Internal Server Error", null));
  }

  @ParameterizedTest(name = "{0} is {1} {2}")
  @MethodSource("rows")
  void mapsEachKindOfFailure(Kind kind, int status, String title, String pointer) {
    ResponseEntity<Object> response =
        table.respond(SampleFailures.all().get(kind), "/api/iacp/v3/endpoints");

    assertThat(response.getStatusCode().value()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType()).isEqualTo(EndpointsErrors.JSON_API);
    JsonApiError error = ((JsonApiErrorDocument) response.getBody()).getErrors().get(0);
    assertThat(error.getStatus()).isEqualTo(String.valueOf(status));
    assertThat(error.getTitle()).isEqualTo(title);
    assertThat(error.getDetail()).isNotBlank().doesNotContain("secret internal detail");
    if (pointer != null) {
      assertThat(error.getSource().getPointer()).isEqualTo(pointer);
    }
  }

  @Test
  void methodNotAllowedListsTheAllowedMethods() {
    ResponseEntity<Object> response =
        table.respond(SampleFailures.all().get(Kind.METHOD_NOT_ALLOWED), "/api/iacp/v3/endpoints");

    assertThat(response.getHeaders().getAllow())
        .extracting(Object::toString)
        .containsExactlyInAnyOrder("GET", "POST");
  }

  @Test
  void aWrongResourceTypeIsAConflict() {
    ResponseEntity<Object> response =
        table.respond(
            new io.hookwire.server.platform.errors.ConflictException("x", "/data/type"),
            "/api/iacp/v3/endpoints");

    assertThat(response.getStatusCode().value()).isEqualTo(409);
  }

  @Test
  void servesOnlyItsOwnPaths() {
    assertThat(table.serves("/api/iacp/v3/endpoints/ep-1")).isTrue();
    assertThat(Arrays.asList("/v1.0/1/groups", "/operator/v1/accounts", "/"))
        .noneMatch(table::serves);
  }
}
