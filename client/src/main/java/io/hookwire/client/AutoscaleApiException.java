package io.hookwire.client;

import io.hookwire.client.autoscale.model.ErrorDetail;
import io.hookwire.client.autoscale.model.ErrorResponse;
import io.hookwire.client.autoscale.model.ErrorType;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;

/**
 * An error answer of the Auto Scale API, with its {@code ErrorResponse} envelope when it had one.
 */
public class AutoscaleApiException extends HookwireApiException {

  private static final long serialVersionUID = 1L;

  private final transient ErrorResponse response;

  /**
   * @param status the HTTP status
   * @param statusText the HTTP reason phrase
   * @param headers the response headers
   * @param body the raw response body
   * @param response the parsed body, or {@code null} if it could not be parsed
   */
  public AutoscaleApiException(
      HttpStatusCode status,
      String statusText,
      HttpHeaders headers,
      byte[] body,
      ErrorResponse response) {
    super(message("Auto Scale API", status, summary(response)), status, statusText, headers, body);
    this.response = response;
  }

  private static String summary(ErrorResponse response) {
    if (response == null) {
      return null;
    }
    ErrorDetail error = response.getError();
    return error.getType() + " " + error.getMessage();
  }

  /**
   * @return the parsed envelope, empty if the body was not one
   */
  public Optional<ErrorResponse> errorResponse() {
    return Optional.ofNullable(response);
  }

  /**
   * @return the envelope's error, empty if the body was not an envelope
   */
  public Optional<ErrorDetail> error() {
    return errorResponse().map(ErrorResponse::getError);
  }

  /**
   * @return the error's type, e.g. {@link ErrorType#RATE_LIMIT_ERROR}; empty if unknown
   */
  public Optional<ErrorType> type() {
    return error().map(ErrorDetail::getType);
  }

  @Override
  public boolean hasParsedBody() {
    return response != null;
  }
}
