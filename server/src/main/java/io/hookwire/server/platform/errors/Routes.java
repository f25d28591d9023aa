package io.hookwire.server.platform.errors;

import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The methods the APIs serve at a path, from Spring MVC's own mappings: what a 405 the container
 * answers by itself (a {@code CONNECT}, which never reaches Spring MVC) lists in {@code Allow}.
 */
@Component
public class Routes {

  private final ObjectProvider<RequestMappingHandlerMapping> mappings;

  public Routes(
      @Qualifier("requestMappingHandlerMapping")
          ObjectProvider<RequestMappingHandlerMapping> mappings) {
    this.mappings = mappings;
  }

  /**
   * @param path a request path, as the API routes it
   * @return the methods served there, empty when nothing is
   */
  public Set<HttpMethod> methodsAt(String path) {
    PathContainer target = PathContainer.parsePath(path);
    Set<HttpMethod> methods = new LinkedHashSet<>();
    for (RequestMappingInfo route : mappings.getObject().getHandlerMethods().keySet()) {
      if (route.getPathPatternsCondition() != null
          && route.getPathPatternsCondition().getPatterns().stream()
              .anyMatch(pattern -> pattern.matches(target))) {
        route.getMethodsCondition().getMethods().stream()
            .map(RequestMethod::asHttpMethod)
            .forEach(methods::add);
      }
    }
    return methods;
  }
}
