package io.hookwire.server.platform.errors;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpMethod;
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

  /**
   * The failure an error status of the container stands for. Every one the container sets is about
   * a request it could not read, so each is a 400 of the API, never a 500: the HTTP version (505)
   * and transfer codings (501) it does not implement included.
   */
  static Exception failureFor(Object status) {
    int code = status instanceof Integer value ? value : 500;
    if (code == HttpStatus.NOT_FOUND.value()) {
      return new NoResourceFoundException(HttpMethod.GET, "", "");
    }
    if (code == HttpStatus.HTTP_VERSION_NOT_SUPPORTED.value()) {
      return new UnreadableRequestException(
          "The request's HTTP version is not supported: send HTTP/1.1 or HTTP/1.0.");
    }
    if (code == HttpStatus.NOT_IMPLEMENTED.value()) {
      return new UnreadableRequestException(
          "The request's Transfer-Encoding is not supported: send chunked or a Content-Length.");
    }
    if (code >= 400 && code < 500) {
      return new UnreadableRequestException(
          "The request cannot be read: its request line, URI, headers or body are malformed.");
    }
    return new IllegalStateException("container error status " + code);
  }
}
