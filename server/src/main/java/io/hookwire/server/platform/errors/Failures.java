package io.hookwire.server.platform.errors;

import io.hookwire.server.platform.errors.Failure.Kind;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.io.EOFException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.apache.coyote.BadRequestException;
import org.springframework.core.MethodParameter;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpMethod;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Classifies every exception a request can end in, from Spring MVC, Jackson, Bean Validation, the
 * database or the server itself, into a {@link Failure} that each API's error table renders. The
 * details are written here, never copied from an exception, so nothing internal reaches a client.
 */
public final class Failures {

  /** The SQL state class of connection exceptions (SQL standard, class 08). */
  private static final String SQL_STATE_CONNECTION_EXCEPTION = "08";

  /**
   * PostgreSQL's state of a statement cancelled by its timeout, as a shared rate-limit bucket's
   * take is when its row stays locked too long: the database is too busy, not the request wrong.
   */
  private static final String SQL_STATE_QUERY_CANCELED = "57014";

  private Failures() {}

  public static Failure classify(Throwable failure) {
    if (failure instanceof PayloadTooLargeException e) {
      return Failure.of(Kind.PAYLOAD_TOO_LARGE, e.getMessage(), e);
    }
    if (failure instanceof NotAuthenticatedException e) {
      return Failure.of(Kind.UNAUTHENTICATED, e.getMessage(), e);
    }
    if (failure instanceof ForbiddenException e) {
      return Failure.of(Kind.FORBIDDEN, e.getMessage(), e);
    }
    if (failure instanceof NotFoundException e) {
      return Failure.of(Kind.NOT_FOUND, e.getMessage(), e);
    }
    if (failure instanceof ConflictException e) {
      return new Failure(Kind.CONFLICT, e.getMessage(), e.violations(), Set.of(), e);
    }
    if (failure instanceof UnreadableRequestException e) {
      return Failure.of(Kind.UNREADABLE_REQUEST, e.getMessage(), e);
    }
    if (bodyUnreadable(failure)) {
      return Failure.of(
          Kind.UNREADABLE_REQUEST,
          "The request body cannot be read: its framing is broken or it ended early.",
          failure);
    }
    if (failure instanceof BodyShapeException e) {
      return Failure.invalid(Kind.BODY_SHAPE, e.violations(), e);
    }
    if (failure instanceof InvalidFieldsException e) {
      return Failure.invalid(Kind.BODY_VALUES, e.violations(), e);
    }
    if (failure instanceof InvalidParameterException e) {
      return Failure.invalid(Kind.INVALID_PARAMETER, List.of(e.violation()), e);
    }
    if (failure instanceof org.apache.tomcat.util.http.InvalidParameterException e) {
      return Failure.of(Kind.INVALID_PARAMETER, "The request's URI or query cannot be decoded.", e);
    }
    if (failure instanceof HttpMessageNotReadableException e) {
      return unreadableBody(e);
    }
    if (failure instanceof MethodArgumentNotValidException e) {
      return Failure.invalid(Kind.BODY_VALUES, fieldErrors(e), e);
    }
    if (failure instanceof HandlerMethodValidationException e) {
      return methodValidation(e);
    }
    if (failure instanceof ConstraintViolationException e) {
      return constraintViolations(e);
    }
    if (failure instanceof MethodArgumentTypeMismatchException e) {
      String detail = "'" + e.getName() + "' must be " + expected(e.getRequiredType()) + ".";
      return Failure.invalid(
          Kind.INVALID_PARAMETER, List.of(Violation.atParameter(e.getName(), detail)), e);
    }
    if (failure instanceof MissingServletRequestParameterException e) {
      return missingParameter(e.getParameterName(), e);
    }
    if (failure instanceof MissingRequestHeaderException e) {
      return missingParameter(e.getHeaderName(), e);
    }
    if (failure instanceof MissingPathVariableException e) {
      return missingParameter(e.getVariableName(), e);
    }
    if (failure instanceof HttpMediaTypeNotSupportedException e) {
      return Failure.of(
          Kind.UNSUPPORTED_MEDIA_TYPE, "The request body's media type is not supported.", e);
    }
    if (failure instanceof HttpMediaTypeNotAcceptableException e) {
      return Failure.of(
          Kind.NOT_ACCEPTABLE, "No response media type matches the Accept header.", e);
    }
    if (failure instanceof HttpRequestMethodNotSupportedException e) {
      Set<HttpMethod> allowed = e.getSupportedHttpMethods();
      return new Failure(
          Kind.METHOD_NOT_ALLOWED,
          e.getMethod() + " is not supported on this path.",
          List.of(),
          allowed == null ? Set.of() : allowed,
          e);
    }
    if (failure instanceof NoResourceFoundException || failure instanceof NoHandlerFoundException) {
      return Failure.of(Kind.NO_ROUTE, "No resource is at this path.", failure);
    }
    if (databaseUnavailable(failure)) {
      return Failure.of(
          Kind.UNAVAILABLE, "The service is temporarily unavailable; try again later.", failure);
    }
    return Failure.of(Kind.INTERNAL, "An internal error was encountered.", failure);
  }

  /**
   * Whether reading the request body failed, however it is wrapped: the container refused its
   * framing (a bad chunk), it ended before its announced length, or it stopped arriving until the
   * read timed out. Whatever answered first, the container renders this failure last. The same I/O
   * failures under a database's exception are the database's.
   */
  private static boolean bodyUnreadable(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException) {
        return false;
      }
      if (cause instanceof BadRequestException
          || cause instanceof EOFException
          || cause instanceof SocketTimeoutException) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the failure comes from a database that cannot be reached, however it is wrapped: a lost
   * connection may surface first as a failed commit or rollback.
   */
  private static boolean databaseUnavailable(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof DataAccessResourceFailureException
          || cause instanceof CannotCreateTransactionException
          || cause instanceof TransientDataAccessException
          || cause instanceof SQLTransientConnectionException
          || cause instanceof SQLNonTransientConnectionException
          || (cause instanceof SQLException sql
              && sql.getSQLState() != null
              && (sql.getSQLState().startsWith(SQL_STATE_CONNECTION_EXCEPTION)
                  || sql.getSQLState().equals(SQL_STATE_QUERY_CANCELED)))) {
        return true;
      }
      // A commit or rollback that failed: the connection broke under the transaction (a rollback
      // on a connection the pool already closed hides the commit's own failure).
      if (cause instanceof TransactionSystemException) {
        return true;
      }
    }
    return false;
  }

  private static Failure unreadableBody(HttpMessageNotReadableException e) {
    // The body limit fails the read wherever the parser is; the parser may wrap that failure.
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof PayloadTooLargeException tooLarge) {
        return Failure.of(Kind.PAYLOAD_TOO_LARGE, tooLarge.getMessage(), e);
      }
    }
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      // Valid JSON whose number does not fit the field's type: a value out of range.
      if (cause instanceof InputCoercionException coercion) {
        String pointer = JsonPointers.of(coercion.getPath());
        return Failure.invalid(
            Kind.BODY_VALUES,
            List.of(Violation.atPointer(pointer, "'" + pointer + "' is out of range.")),
            e);
      }
      if (cause instanceof StreamReadException) {
        return Failure.of(Kind.MALFORMED_BODY, "The request body is not valid JSON.", e);
      }
      if (cause instanceof DatabindException databind) {
        if (databind.getPath().isEmpty()
            && databind instanceof MismatchedInputException mismatch
            && mismatch.getTargetType() == null) {
          return Failure.of(Kind.MALFORMED_BODY, "The request body is not valid JSON.", e);
        }
        Kind kind = enumMissed(databind) != null ? Kind.BODY_VALUES : Kind.BODY_SHAPE;
        return Failure.invalid(kind, List.of(shapeViolation(databind)), e);
      }
    }
    return Failure.of(Kind.MALFORMED_BODY, "The request body is missing or not valid JSON.", e);
  }

  /**
   * The enum a string was none of the values of, or null for any other failure: such a value breaks
   * a constraint, like a number out of range, rather than the shape of the body.
   */
  private static Class<?> enumMissed(DatabindException e) {
    if (e instanceof InvalidFormatException format
        && format.getValue() instanceof String
        && format.getTargetType() != null
        && format.getTargetType().isEnum()) {
      return format.getTargetType();
    }
    // The generated enums' creators refuse an unknown string themselves.
    if (e instanceof ValueInstantiationException instantiation
        && instantiation.getType() != null
        && instantiation.getType().isEnumType()) {
      return instantiation.getType().getRawClass();
    }
    return null;
  }

  private static Violation shapeViolation(DatabindException e) {
    String pointer = JsonPointers.of(e.getPath());
    String name = pointer.isEmpty() ? "The body" : "'" + pointer + "'";
    if (e instanceof UnrecognizedPropertyException unknown) {
      return Violation.atPointer(pointer, "Unknown member '" + unknown.getPropertyName() + "'.");
    }
    Class<?> enumType = enumMissed(e);
    if (enumType != null) {
      return Violation.atPointer(pointer, name + " must be " + expected(enumType) + ".");
    }
    if (e instanceof InvalidNullException) {
      return Violation.atPointer(pointer, name + " must not be null.");
    }
    if (e instanceof MismatchedInputException mismatch) {
      return Violation.atPointer(
          pointer, name + " must be " + expected(mismatch.getTargetType()) + ".");
    }
    return Violation.atPointer(pointer, name + " is invalid.");
  }

  /** The JSON a Java type reads from, in words. */
  private static String expected(Class<?> type) {
    if (type == null) {
      return "of another type";
    }
    if (type.isEnum()) {
      List<String> values = new ArrayList<>();
      for (Object constant : type.getEnumConstants()) {
        values.add("'" + constant + "'");
      }
      return "one of " + String.join(", ", values);
    }
    if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class) {
      return Integer.class == type || Long.class == type || type.isPrimitive()
          ? "an integer"
          : "a number";
    }
    if (CharSequence.class.isAssignableFrom(type)) {
      return "a string";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "a boolean";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    if (type == java.util.UUID.class) {
      return "a UUID";
    }
    return "an object";
  }

  private static List<Violation> fieldErrors(MethodArgumentNotValidException e) {
    Object target = e.getBindingResult().getTarget();
    Class<?> root = target == null ? Object.class : target.getClass();
    List<Violation> violations = new ArrayList<>();
    for (FieldError error : e.getBindingResult().getFieldErrors()) {
      violations.add(
          error instanceof RuleViolation rule ? rule.violation() : bodyViolation(root, "", error));
    }
    return violations;
  }

  private static Failure methodValidation(HandlerMethodValidationException e) {
    List<Violation> body = new ArrayList<>();
    List<Violation> parameters = new ArrayList<>();
    for (ParameterValidationResult result : e.getParameterValidationResults()) {
      MethodParameter parameter = result.getMethodParameter();
      if (parameter.hasParameterAnnotation(RequestBody.class)) {
        String prefix = result.getContainerIndex() == null ? "" : "/" + result.getContainerIndex();
        if (result instanceof ParameterErrors errors && errors.hasFieldErrors()) {
          Class<?> root =
              errors.getArgument() == null ? Object.class : errors.getArgument().getClass();
          errors.getFieldErrors().forEach(error -> body.add(bodyViolation(root, prefix, error)));
        } else {
          result
              .getResolvableErrors()
              .forEach(
                  error ->
                      body.add(
                          Violation.atPointer(
                              prefix, "The body " + error.getDefaultMessage() + ".")));
        }
      } else {
        String name = parameterName(parameter);
        result
            .getResolvableErrors()
            .forEach(
                error ->
                    parameters.add(
                        Violation.atParameter(
                            name, "'" + name + "' " + error.getDefaultMessage() + ".")));
      }
    }
    return body.isEmpty()
        ? Failure.invalid(Kind.INVALID_PARAMETER, parameters, e)
        : Failure.invalid(Kind.BODY_VALUES, body, e);
  }

  private static Violation bodyViolation(Class<?> root, String prefix, FieldError error) {
    String pointer = prefix + JsonPointers.ofBeanPath(root, error.getField());
    return Violation.atPointer(pointer, "'" + pointer + "' " + error.getDefaultMessage() + ".");
  }

  private static String parameterName(MethodParameter parameter) {
    RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
    if (query != null && !query.value().isEmpty()) {
      return query.value();
    }
    PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
    if (path != null && !path.value().isEmpty()) {
      return path.value();
    }
    RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
    if (header != null && !header.value().isEmpty()) {
      return header.value();
    }
    return String.valueOf(parameter.getParameterName());
  }

  private static Failure constraintViolations(ConstraintViolationException e) {
    List<Violation> violations = new ArrayList<>();
    for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
      String name = "";
      for (Path.Node node : violation.getPropertyPath()) {
        name = node.getName();
      }
      violations.add(Violation.atParameter(name, "'" + name + "' " + violation.getMessage() + "."));
    }
    return Failure.invalid(Kind.INVALID_PARAMETER, violations, e);
  }

  private static Failure missingParameter(String name, Exception e) {
    return Failure.invalid(
        Kind.INVALID_PARAMETER,
        List.of(Violation.atParameter(name, "'" + name + "' is required.")),
        e);
  }
}
