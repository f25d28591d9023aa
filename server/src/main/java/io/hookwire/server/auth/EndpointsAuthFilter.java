package io.hookwire.server.auth;

import io.hookwire.server.endpoints.EndpointsErrors;
import io.hookwire.server.platform.FilterOrder;
import io.hookwire.server.platform.Tokens;
import io.hookwire.server.platform.errors.ApiErrors;
import io.hookwire.server.platform.errors.NotAuthenticatedException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Endpoints API: {@code Authorization: Bearer <user token>}; anything else is 401. */
@Component
@Order(FilterOrder.AUTHENTICATION)
class EndpointsAuthFilter extends ApiAuthFilter {

  private final CallerCache callers;

  EndpointsAuthFilter(ApiErrors errors, CallerCache callers) {
    super(errors, path -> path.startsWith(EndpointsErrors.PATH_PREFIX));
    this.callers = callers;
  }

  @Override
  void authenticate(HttpServletRequest request) {
    EndpointsCaller caller =
        Credentials.bearerToken(request)
            .flatMap(token -> callers.findUser(Tokens.hash(token)))
            .orElseThrow(() -> new NotAuthenticatedException("A valid bearer token is required."));
    request.setAttribute(EndpointsCaller.ATTRIBUTE, caller);
  }
}
