package io.hookwire.server.platform.errors;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The container's error page: failures the servlet container itself answers (a malformed request
 * line, an exception escaping a filter) are rendered by the API the original path belongs to.
 */
@RestController
public class ContainerErrorController implements ErrorController {

  private final ApiErrors errors;

  public ContainerErrorController(ApiErrors errors) {
    this.errors = errors;
  }

  @RequestMapping("${server.error.path:/error}")
  public ResponseEntity<Object> error(HttpServletRequest request) {
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = uri == null ? ApiErrors.pathOf(request) : uri.toString();
    Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    if (exception instanceof Throwable failure) {
      return errors.respond(failure, path);
    }
    return errors.respond(
        failureFor(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE)), path);
  }

  /** The failure an error status without an exception stands for. */
  static Exception failureFor(Object status) {
    int code = status instanceof Integer value ? value : 500;
    if (code == HttpStatus.NOT_FOUND.value()) {
      return new NoResourceFoundException(org.springframework.http.HttpMethod.GET, "", "");
    }
    if (code >= 400 && code < 500) {
      return new InvalidParameterException(
          null, "The request cannot be read: its URI, query or headers are malformed.");
    }
    return new IllegalStateException("container error status " + code);
  }
}
