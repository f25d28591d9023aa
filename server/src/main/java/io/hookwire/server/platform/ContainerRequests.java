package io.hookwire.server.platform;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Lets requests Tomcat would answer itself reach the APIs, which answer them in their own format:
 *
 * <ul>
 *   <li>an encoded {@code /} or {@code \} in a path segment ({@code %2F}, {@code %5C}) stays
 *       encoded, so that it is part of an id (which then names nothing: 404) rather than a 400 of
 *       the container. Routing and the auth filters both read the raw URI, so nothing is decoded
 *       into another path;
 *   <li>{@code TRACE} is dispatched like any method, so that it is a 405 with the path's {@code
 *       Allow} header, never an echo ({@link TraceWithoutEcho}).
 * </ul>
 */
@Component
class ContainerRequests implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

  private static final String PASS_THROUGH = "passthrough";

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addConnectorCustomizers(
        connector -> {
          connector.setEncodedSolidusHandling(PASS_THROUGH);
          connector.setEncodedReverseSolidusHandling(PASS_THROUGH);
          connector.setAllowTrace(true);
        });
  }
}
