package io.hookwire.client;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClientResponseException;

/**
 * A 4xx or 5xx answer of a Hookwire API. The subclasses add the API's parsed error body; when the
 * body could not be parsed, the status, headers and raw body ({@link #getResponseBodyAsString()})
 * are still here.
 */
public abstract class HookwireApiException extends RestClientResponseException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message the exception message
   * @param status the HTTP status
   * @param statusText the HTTP reason phrase
   * @param headers the response headers
   * @param body the raw response body
   */
  protected HookwireApiException(
      String message, HttpStatusCode status, String statusText, HttpHeaders headers, byte[] body) {
    super(message, status, statusText, headers, body, StandardCharsets.UTF_8);
  }

  /**
   * The message of every subclass: the API, the status, and what the parsed body says.
   *
   * @param summary what the body says, or {@code null} when it was not parsed
   */
  static String message(String api, HttpStatusCode status, String summary) {
    String message = api + " answered " + status.value();
    return summary == null ? message : message + ": " + summary;
  }

  /** A summary of an error's title and its optional detail, as JSON:API and problems have. */
  static String titled(String title, String detail) {
    return detail == null ? title : title + " (" + detail + ")";
  }

  /**
   * @return the HTTP status code, e.g. 404
   */
  public int status() {
    return getStatusCode().value();
  }

  /**
   * @return whether the body was parsed into the API's error schema
   */
  public abstract boolean hasParsedBody();
}
