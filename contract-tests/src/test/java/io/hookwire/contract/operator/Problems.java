package io.hookwire.contract.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.hookwire.client.OperatorApiException;
import io.hookwire.client.operator.model.Problem;
import io.hookwire.client.operator.model.ProblemFieldError;
import io.hookwire.contract.support.RawHttp;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/**
 * The operator API's errors as the suite expects them: an RFC 9457 problem of type {@code
 * about:blank}, titled with the status's reason phrase, whose {@code status} repeats the HTTP
 * status and whose {@code detail} says what went wrong (its shape is checked against the spec by
 * the support package).
 */
final class Problems {

  private Problems() {}

  /**
   * @param status the status the call must fail with
   * @param call a call of the generated client
   * @return the problem the server answered
   */
  static Problem expect(int status, ThrowingCallable call) {
    OperatorApiException failure = catchThrowableOfType(OperatorApiException.class, call);
    assertThat(failure).as("the call fails with %d", status).isNotNull();
    assertThat(failure.status()).as(failure.getMessage()).isEqualTo(status);
    Problem problem = failure.problem().orElseThrow();
    assertProblem(
        status, problem.getType(), problem.getTitle(), problem.getStatus(), problem.getDetail());
    return problem;
  }

  /**
   * @param status the status the answer must have
   * @param answer a raw answer
   * @return its problem document
   */
  static JsonNode expect(int status, RawHttp.Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    JsonNode problem = answer.json();
    assertProblem(
        status,
        problem.path("type").asString(),
        problem.path("title").asString(),
        problem.path("status").asInt(),
        problem.path("detail").asString());
    return problem;
  }

  /**
   * A 404 that names what was not found, the outermost unknown resource of the path.
   *
   * @param kind what it is, as the server words it: {@code Account}, {@code ScalingGroup}, …
   * @param id the id the request gave
   * @param call a call of the generated client
   */
  static void expectNotFound(String kind, String id, ThrowingCallable call) {
    assertThat(expect(404, call).getDetail()).startsWith(kind + " '" + id + "'");
  }

  private static void assertProblem(
      int status, String type, String title, Integer echoed, String detail) {
    assertThat(echoed).isEqualTo(status);
    assertThat(type).isEqualTo("about:blank");
    assertThat(title).isEqualTo(HttpStatus.valueOf(status).getReasonPhrase());
    assertThat(detail).isNotBlank();
  }

  /**
   * @param problem a problem
   * @return the pointers of its field errors, in order
   */
  static List<String> pointers(Problem problem) {
    return problem.getErrors() == null
        ? List.of()
        : problem.getErrors().stream().map(ProblemFieldError::getPointer).toList();
  }

  /**
   * @param problem a raw problem document
   * @return the pointers of its field errors, in order
   */
  static List<String> pointers(JsonNode problem) {
    List<String> pointers = new ArrayList<>();
    problem
        .path("errors")
        .values()
        .forEach(error -> pointers.add(error.path("pointer").asString()));
    return pointers;
  }
}
