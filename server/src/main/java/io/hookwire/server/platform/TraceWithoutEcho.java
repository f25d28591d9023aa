package io.hookwire.server.platform;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Spring MVC's dispatcher as Boot configures it, except that a {@code TRACE} is answered by the
 * handlers alone (405 with {@code Allow}, or 404 on an unknown path). The servlet's own TRACE would
 * append an echo of the request, credentials included, to that answer.
 */
@Configuration(proxyBeanMethods = false)
class TraceWithoutEcho {

  @Bean(name = DispatcherServletAutoConfiguration.DEFAULT_DISPATCHER_SERVLET_BEAN_NAME)
  DispatcherServlet dispatcherServlet(WebMvcProperties mvc) {
    DispatcherServlet dispatcher = new NoEchoDispatcherServlet();
    dispatcher.setDispatchOptionsRequest(mvc.isDispatchOptionsRequest());
    dispatcher.setPublishEvents(mvc.isPublishRequestHandledEvents());
    dispatcher.setEnableLoggingRequestDetails(mvc.isLogRequestDetails());
    return dispatcher;
  }

  private static final class NoEchoDispatcherServlet extends DispatcherServlet {

    @Override
    protected void doTrace(HttpServletRequest request, HttpServletResponse response)
        throws ServletException, IOException {
      processRequest(request, response);
    }
  }
}
