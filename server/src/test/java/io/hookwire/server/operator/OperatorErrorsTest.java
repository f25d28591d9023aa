package io.hookwire.server.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookwire.server.operator.model.Problem;
import io.hookwire.server.platform.errors.Failure.Kind;
import io.hookwire.server.platform.errors.SampleFailures;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The operator API's exception-to-error table, row by row; it also answers paths of no API. */
class OperatorErrorsTest {

  private final OperatorErrors table = new OperatorErrors();

  static Stream<Arguments> rows() {
    return SampleFailures.oneRowPerKind(
        Arguments.of(Kind.UNREADABLE_REQUEST, 400),
        Arguments.of(Kind.MALFORMED_BODY, 400),
        Arguments.of(Kind.BODY_SHAPE, 400),
        Arguments.of(Kind.BODY_VALUES, 422),
        Arguments.of(Kind.INVALID_PARAMETER, 400),
        Arguments.of(Kind.UNSUPPORTED_MEDIA_TYPE, 415),
        Arguments.of(Kind.NOT_ACCEPTABLE, 406),
        Arguments.of(Kind.METHOD_NOT_ALLOWED, 405),
        Arguments.of(Kind.NO_ROUTE, 404),
        Arguments.of(Kind.PAYLOAD_TOO_LARGE, 413),
        Arguments.of(Kind.UNAUTHENTICATED, 401),
        Arguments.of(Kind.FORBIDDEN, 403),
        Arguments.of(Kind.NOT_FOUND, 404),
        Arguments.of(Kind.CONFLICT, 409),
        Arguments.of(Kind.UNAVAILABLE, 503),
        Arguments.of(Kind.INTERNAL, 500));
  }

  @ParameterizedTest(name = "{0} is {1}")
  @MethodSource("rows")
  void mapsEachKindOfFailure(Kind kind, int status) {
    Problem problem =
        problemOf(table.respond(SampleFailures.all().get(kind), "/operator/v1/x"), status);

    assertThat(problem.getTitle()).isNotBlank();
    assertThat(problem.getDetail()).isNotBlank().doesNotContain("secret internal detail");
  }

  @Test
  void invalidValuesArePointedAt() {
    Problem problem =
        problemOf(table.respond(SampleFailures.all().get(Kind.BODY_VALUES), "/operator/v1/x"), 422);

    assertThat(problem.getErrors())
        .singleElement()
        .satisfies(e -> assertThat(e.getPointer()).isEqualTo("/data/attributes/timeout"));
  }

  @Test
  void aMissingResourceIsNamed() {
    Problem problem =
        problemOf(table.respond(SampleFailures.all().get(Kind.NOT_FOUND), "/operator/v1/x"), 404);

    assertThat(problem.getDetail())
        .isEqualTo("Webhook '23037efb-53a9-4ae5-bc33-e89a56b501b6' not found.");
  }

  private static Problem problemOf(ResponseEntity<Object> response, int status) {
    assertThat(response.getStatusCode().value()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    Problem problem = (Problem) response.getBody();
    assertThat(problem.getStatus()).isEqualTo(status);
    return problem;
  }
}
