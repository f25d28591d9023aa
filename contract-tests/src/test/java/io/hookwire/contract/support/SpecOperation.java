package io.hookwire.contract.support;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One operation of a spec and the statuses it documents.
 *
 * @param api the API whose spec declares it
 * @param method the HTTP method, upper case
 * @param pathTemplate the path as the spec writes it, e.g. {@code /operator/v1/tenants/{tenantId}}
 * @param operationId the operation's id
 * @param statuses the documented response statuses, in the spec's order
 */
public record SpecOperation(
    Api api, String method, String pathTemplate, String operationId, List<Integer> statuses) {

  /**
   * @param path a request path
   * @return whether the path matches this operation's template (a trailing slash is allowed)
   */
  public boolean matches(String path) {
    String pattern = Pattern.quote(pathTemplate).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q") + "/?";
    return path.matches(pattern);
  }
}
