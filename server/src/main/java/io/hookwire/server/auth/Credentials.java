package io.hookwire.server.auth;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.http.HttpHeaders;

/** Reads the secret a request presents. */
final class Credentials {

  private static final String BEARER = "Bearer ";

  private Credentials() {}

  /** The token of an {@code Authorization: Bearer <token>} header, if well formed. */
  static Optional<String> bearerToken(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Optional.empty();
    }
    return nonBlank(header.substring(BEARER.length()).trim());
  }

  /** The value of a token header such as {@code X-Auth-Token}, if present. */
  static Optional<String> headerToken(HttpServletRequest request, String name) {
    String value = request.getHeader(name);
    return value == null ? Optional.empty() : nonBlank(value.trim());
  }

  private static Optional<String> nonBlank(String token) {
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }
}
