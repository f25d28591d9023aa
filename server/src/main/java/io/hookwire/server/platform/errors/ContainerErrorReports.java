package io.hookwire.server.platform.errors;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Errors Tomcat answers before any servlet runs, such as a malformed percent-encoding in the path,
 * in the format of the API the path belongs to instead of Tomcat's HTML page.
 */
@Component
class ContainerErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

  /** The method Tomcat refuses itself (501), before any servlet sees it. */
  private static final String CONNECT = "CONNECT";

  private final ApiErrors errors;

  ContainerErrorReports(ApiErrors errors) {
    this.errors = errors;
  }

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(
        context -> {
          if (context.getParent() instanceof StandardHost host) {
            // The host adds a report valve of this class only if it has none: this one, which
            // answers with this server's tables (several servers may share a JVM).
            host.setErrorReportValveClass(ApiErrorReportValve.class.getName());
            host.getPipeline().addValve(new ApiErrorReportValve(errors));
          }
        });
  }

  /** Writes the API's error body for an error response that has none yet. */
  static class ApiErrorReportValve extends ErrorReportValve {

    private final ApiErrors tables;

    ApiErrorReportValve(ApiErrors tables) {
      this.tables = tables;
    }

    @Override
    protected void report(Request request, Response response, Throwable failure) {
      if (response.getStatus() < 400
          || response.getContentWritten() > 0
          || !response.setErrorReported()) {
        return;
      }
      try {
        response.resetBuffer();
        tables.write(failureOf(request, response.getStatus(), failure), request, response);
        response.finishResponse();
      } catch (IOException | IllegalStateException e) {
        // The client is gone or the response was committed meanwhile: nothing more to say.
      }
    }

    /**
     * What a refused request stands for. A {@code CONNECT} never reaches Spring MVC, so its 405 (or
     * 404) is decided here. A status Tomcat chose (400 for a malformed header, say) decides the
     * answer; the exception only says why, and would otherwise be rendered as an unexpected 500.
     */
    private Throwable failureOf(Request request, int status, Throwable failure) {
      if (CONNECT.equals(request.getMethod())) {
        return tables.unservedMethod(request.getMethod(), ApiErrors.pathOf(request));
      }
      return failure == null || status != HttpServletResponse.SC_INTERNAL_SERVER_ERROR
          ? ContainerErrorController.failureFor(status)
          : failure;
    }
  }
}
