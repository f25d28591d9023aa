package io.hookwire.client;

import io.hookwire.client.endpoints.model.JsonApiError;
import io.hookwire.client.endpoints.model.JsonApiErrorDocument;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;

/** An error answer of the Endpoints API, with its JSON:API error document when it had one. */
public class EndpointsApiException extends HookwireApiException {

  private static final long serialVersionUID = 1L;

  private final transient JsonApiErrorDocument document;

  /**
   * @param status the HTTP status
   * @param statusText the HTTP reason phrase
   * @param headers the response headers
   * @param body the raw response body
   * @param document the parsed body, or {@code null} if it could not be parsed
   */
  public EndpointsApiException(
      HttpStatusCode status,
      String statusText,
      HttpHeaders headers,
      byte[] body,
      JsonApiErrorDocument document) {
    super(message("Endpoints API", status, summary(document)), status, statusText, headers, body);
    this.document = document;
  }

  private static String summary(JsonApiErrorDocument document) {
    if (document == null || document.getErrors().isEmpty()) {
      return null;
    }
    JsonApiError first = document.getErrors().get(0);
    return titled(first.getTitle(), first.getDetail());
  }

  /**
   * @return the parsed error document, empty if the body was not one
   */
  public Optional<JsonApiErrorDocument> errorDocument() {
    return Optional.ofNullable(document);
  }

  /**
   * @return the errors of the document, empty if the body was not one
   */
  public List<JsonApiError> errors() {
    return document == null ? List.of() : document.getErrors();
  }

  @Override
  public boolean hasParsedBody() {
    return document != null;
  }
}
