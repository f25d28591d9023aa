package io.hookwire.server.platform.errors;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every exception a controller, or Spring MVC around it, ends in goes to the error table of its
 * API: Spring's own error bodies never reach a client.
 */
@RestControllerAdvice
public class ApiExceptionHandler {

  private final ApiErrors errors;

  public ApiExceptionHandler(ApiErrors errors) {
    this.errors = errors;
  }

  @ExceptionHandler(Exception.class)
  public ResponseEntity<Object> handle(Exception failure, HttpServletRequest request) {
    return errors.respond(failure, ApiErrors.pathOf(request));
  }
}
