package io.hookwire.server.platform.errors;

import java.util.List;
import java.util.Set;
import org.springframework.http.HttpMethod;

/**
 * A failure of a request, classified the same way for every API; each API's error table decides the
 * status and the words.
 *
 * @param kind what went wrong
 * @param detail what went wrong, in words fit for the client
 * @param violations the invalid parts, for the kinds about invalid input
 * @param allowed the methods the path supports, for {@link Kind#METHOD_NOT_ALLOWED}
 * @param cause the exception classified
 */
public record Failure(
    Kind kind,
    String detail,
    List<Violation> violations,
    Set<HttpMethod> allowed,
    Throwable cause) {

  public enum Kind {
    /** The request cannot be read as HTTP: its request line, headers or body framing are broken. */
    UNREADABLE_REQUEST,
    /** The body is not JSON, or is missing. */
    MALFORMED_BODY,
    /** The body is JSON of the wrong shape: a wrong type, an unknown member, a forbidden null. */
    BODY_SHAPE,
    /** The body has the right shape, but values break the spec's constraints. */
    BODY_VALUES,
    /** A query, path or header parameter is missing, of the wrong type, or out of range. */
    INVALID_PARAMETER,
    UNSUPPORTED_MEDIA_TYPE,
    NOT_ACCEPTABLE,
    METHOD_NOT_ALLOWED,
    NO_ROUTE,
    PAYLOAD_TOO_LARGE,
    UNAUTHENTICATED,
    FORBIDDEN,
    NOT_FOUND,
    CONFLICT,
    /** The database cannot be reached: the client may retry. */
    UNAVAILABLE,
    /** Anything unexpected; nothing of it reaches the client. */
    INTERNAL
  }

  static Failure of(Kind kind, String detail, Throwable cause) {
    return new Failure(kind, detail, List.of(), Set.of(), cause);
  }

  static Failure invalid(Kind kind, List<Violation> violations, Throwable cause) {
    String detail = violations.isEmpty() ? "The request is invalid." : violations.get(0).detail();
    return new Failure(kind, detail, List.copyOf(violations), Set.of(), cause);
  }
}
