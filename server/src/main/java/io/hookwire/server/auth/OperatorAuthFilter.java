package io.hookwire.server.auth;

import io.hookwire.server.operator.OperatorErrors;
import io.hookwire.server.platform.DemoMode;
import io.hookwire.server.platform.FilterOrder;
import io.hookwire.server.platform.HookwireProperties;
import io.hookwire.server.platform.Tokens;
import io.hookwire.server.platform.errors.ApiErrors;
import io.hookwire.server.platform.errors.NotAuthenticatedException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Operator API: {@code Authorization: Bearer <operator token>}, the token of the configuration
 * ({@code hookwire.operator-token}), or the demo's while the demo runs. Without either, the
 * operator API refuses every request.
 */
@Component
@Order(FilterOrder.AUTHENTICATION)
class OperatorAuthFilter extends ApiAuthFilter {

  private static final Logger log = LoggerFactory.getLogger(OperatorAuthFilter.class);

  /** The hash of the one valid token, or null when there is none. */
  private final String tokenHash;

  OperatorAuthFilter(ApiErrors errors, HookwireProperties properties, DemoMode demo) {
    super(errors, path -> path.startsWith(OperatorErrors.PATH_PREFIX));
    String token = properties.operatorToken();
    if (!StringUtils.hasText(token) && demo.active()) {
      token = DemoMode.OPERATOR_TOKEN;
    }
    if (!StringUtils.hasText(token)) {
      log.warn("No hookwire.operator-token is configured: the operator API refuses every request.");
    }
    this.tokenHash = StringUtils.hasText(token) ? Tokens.hash(token) : null;
  }

  @Override
  void authenticate(HttpServletRequest request) {
    boolean valid =
        tokenHash != null
            && Credentials.bearerToken(request)
                .map(token -> Tokens.sameHash(Tokens.hash(token), tokenHash))
                .orElse(false);
    if (!valid) {
      throw new NotAuthenticatedException("A valid operator bearer token is required.");
    }
  }
}
