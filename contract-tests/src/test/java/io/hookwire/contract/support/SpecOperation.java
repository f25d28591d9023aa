package io.hookwire.contract.support;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One operation of a spec and the statuses it documents.
 *
 * @param api the API whose spec declares it
 * @param method the HTTP method, upper case
 * @param pathTemplate the path as the spec writes it, e.g. {@code /operator/v1/tenants/{tenantId}}
 * @param operationId the operation's id
 * @param statuses the documented response statuses, in the spec's order
 * @param requestExample the first named example of its request body, as JSON, if it has a body
 * @param pathExamples the spec's example value of each path parameter
 */
public record SpecOperation(
    Api api,
    String method,
    String pathTemplate,
    String operationId,
    List<Integer> statuses,
    Optional<String> requestExample,
    Map<String, String> pathExamples) {

  /**
   * @param values a value for each path parameter
   * @return the path with those values
   */
  public String path(Map<String, String> values) {
    String path = pathTemplate;
    for (var value : values.entrySet()) {
      path = path.replace("{" + value.getKey() + "}", value.getValue());
    }
    return path;
  }

  /**
   * @param status a status
   * @return whether the operation documents it
   */
  public boolean documents(int status) {
    return statuses.contains(status);
  }

  @Override
  public String toString() {
    return operationId;
  }

  /**
   * @param path a request path
   * @return whether the path matches this operation's template (a trailing slash is allowed)
   */
  public boolean matches(String path) {
    String pattern = Pattern.quote(pathTemplate).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q") + "/?";
    return path.matches(pattern);
  }
}
