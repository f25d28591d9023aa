package io.hookwire.client;

import io.hookwire.client.operator.model.Problem;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;

/** An error answer of the operator API, with its problem document when it had one. */
public class OperatorApiException extends HookwireApiException {

  private static final long serialVersionUID = 1L;

  private final transient Problem problem;

  /**
   * @param status the HTTP status
   * @param statusText the HTTP reason phrase
   * @param headers the response headers
   * @param body the raw response body
   * @param problem the parsed body, or {@code null} if it could not be parsed
   */
  public OperatorApiException(
      HttpStatusCode status, String statusText, HttpHeaders headers, byte[] body, Problem problem) {
    super(
        message(
            "Operator API",
            status,
            problem == null ? null : titled(problem.getTitle(), problem.getDetail())),
        status,
        statusText,
        headers,
        body);
    this.problem = problem;
  }

  /**
   * @return the parsed problem, empty if the body was not one
   */
  public Optional<Problem> problem() {
    return Optional.ofNullable(problem);
  }

  @Override
  public boolean hasParsedBody() {
    return problem != null;
  }
}
