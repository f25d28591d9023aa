package io.hookwire.server.platform.errors;

/** The request carries no credentials, or unknown ones. */
public class NotAuthenticatedException extends RuntimeException {

  public NotAuthenticatedException(String message) {
    super(message);
  }
}
