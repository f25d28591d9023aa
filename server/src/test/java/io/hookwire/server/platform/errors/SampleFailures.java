package io.hookwire.server.platform.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookwire.server.platform.errors.Failure.Kind;
import java.lang.reflect.Method;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.coyote.BadRequestException;
import org.junit.jupiter.params.provider.Arguments;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One real exception of each kind a request can end in, for the row-by-row tests of each API's
 * exception-to-error table.
 */
public final class SampleFailures {

  private static final JsonMapper STRICT = JsonMapper.builder().build();

  private SampleFailures() {}

  /** A body model for Jackson to fail on. */
  public record Attributes(Integer timeout) {}

  /** A body document for Jackson to fail on: {@code {"data": {"attributes": {...}}}}. */
  public record Data(Attributes attributes) {}

  public record Document(Data data) {}

  /**
   * The rows of an API's table test, each naming its kind first; fails, and with it the test that
   * uses them, unless every kind has exactly one row.
   */
  public static Stream<Arguments> oneRowPerKind(Arguments... rows) {
    assertThat(Stream.of(rows).map(row -> row.get()[0]))
        .as("the kinds of the rows")
        .containsExactlyInAnyOrder((Object[]) Kind.values());
    return Stream.of(rows);
  }

  public static Map<Kind, Exception> all() {
    Map<Kind, Exception> samples = new EnumMap<>(Kind.class);
    // Tomcat's own failure to read a broken chunk, as Spring MVC wraps it.
    samples.put(
        Kind.UNREADABLE_REQUEST,
        new HttpMessageNotReadableException(
            "I/O error while reading input message",
            new BadRequestException("Invalid chunk header"),
            (HttpInputMessage) null));
    samples.put(Kind.MALFORMED_BODY, unreadable("{\"data\": "));
    samples.put(
        Kind.BODY_SHAPE, unreadable("{\"data\": {\"attributes\": {\"timeout\": \"ten\"}}}"));
    samples.put(Kind.BODY_VALUES, invalidBody("data.attributes.timeout", "must be at least 1"));
    samples.put(
        Kind.INVALID_PARAMETER, new MissingServletRequestParameterException("limit", "Integer"));
    samples.put(Kind.UNSUPPORTED_MEDIA_TYPE, new HttpMediaTypeNotSupportedException("text/plain"));
    samples.put(
        Kind.NOT_ACCEPTABLE, new HttpMediaTypeNotAcceptableException(List.of(MediaType.TEXT_XML)));
    samples.put(
        Kind.METHOD_NOT_ALLOWED,
        new HttpRequestMethodNotSupportedException("PUT", List.of("GET", "POST")));
    samples.put(Kind.NO_ROUTE, new NoResourceFoundException(HttpMethod.GET, "/nowhere", "nowhere"));
    samples.put(Kind.PAYLOAD_TOO_LARGE, new PayloadTooLargeException(1_048_576));
    samples.put(Kind.UNAUTHENTICATED, new NotAuthenticatedException("A token is required."));
    samples.put(Kind.FORBIDDEN, new ForbiddenException("The observer role may not write."));
    samples.put(
        Kind.NOT_FOUND, new NotFoundException("Webhook", "23037efb-53a9-4ae5-bc33-e89a56b501b6"));
    samples.put(Kind.CONFLICT, new ConflictException("Tenant '676873' exists.", "/id"));
    samples.put(
        Kind.UNAVAILABLE,
        new CannotGetJdbcConnectionException("no connection", new SQLException("refused")));
    samples.put(Kind.INTERNAL, new IllegalStateException("secret internal detail"));
    return samples;
  }

  private static HttpMessageNotReadableException unreadable(String body) {
    try {
      STRICT.readValue(body, Document.class);
      throw new AssertionError("expected " + body + " to fail");
    } catch (JacksonException e) {
      return new HttpMessageNotReadableException("unreadable", e, (HttpInputMessage) null);
    }
  }

  private static MethodArgumentNotValidException invalidBody(String field, String message) {
    BeanPropertyBindingResult result =
        new BeanPropertyBindingResult(new Document(null), "document");
    result.addError(new FieldError("document", field, message));
    return new MethodArgumentNotValidException(bodyParameter(), result);
  }

  private static MethodParameter bodyParameter() {
    try {
      Method method = SampleFailures.class.getDeclaredMethod("accept", Document.class);
      return new MethodParameter(method, 0);
    } catch (NoSuchMethodException e) {
      throw new AssertionError(e);
    }
  }

  @SuppressWarnings("unused") // the method whose parameter a validation failure is about
  private static void accept(Document document) {}
}
