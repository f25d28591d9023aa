package io.hookwire.server.platform;

import io.hookwire.server.platform.errors.BodyShapeException;
import io.hookwire.server.platform.errors.InvalidFieldsException;
import io.hookwire.server.platform.errors.Violation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.List;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads every request body as JSON before it is bound, so that a body that is not JSON at all is
 * always told apart from JSON of the wrong shape: binding stops at the first token of the wrong
 * type and would call {@code {"name":} the wrong shape. Bodies are at most 1 MiB (the body limit),
 * so reading one twice is cheap. Text no database stores exactly ({@link StorableText}) is refused
 * here too, wherever it stands in the body.
 */
@ControllerAdvice
class JsonBodySyntax extends RequestBodyAdviceAdapter {

  private final JsonMapper json;

  JsonBodySyntax(JsonMapper json) {
    this.json = json;
  }

  @Override
  public boolean supports(
      MethodParameter parameter, Type type, Class<? extends HttpMessageConverter<?>> converter) {
    return true;
  }

  @Override
  public HttpInputMessage beforeBodyRead(
      HttpInputMessage input,
      MethodParameter parameter,
      Type type,
      Class<? extends HttpMessageConverter<?>> converter)
      throws IOException {
    byte[] body = input.getBody().readAllBytes();
    JsonNode document;
    try {
      document = json.readTree(body);
    } catch (JacksonException e) {
      throw new HttpMessageNotReadableException("The request body is not valid JSON.", e, input);
    }
    if (document == null || document.isMissingNode()) {
      throw new HttpMessageNotReadableException("The request body is empty.", input);
    }
    if (document.isNull()) {
      // Valid JSON of a wrong type (null where an object or array belongs), like any other.
      throw new BodyShapeException(List.of(Violation.atPointer("", "The body must not be null.")));
    }
    List<Violation> unstorable = StorableText.violations(document);
    if (!unstorable.isEmpty()) {
      throw new InvalidFieldsException(unstorable);
    }
    return new HttpInputMessage() {
      @Override
      public InputStream getBody() {
        return new ByteArrayInputStream(body);
      }

      @Override
      public HttpHeaders getHeaders() {
        return input.getHeaders();
      }
    };
  }
}
