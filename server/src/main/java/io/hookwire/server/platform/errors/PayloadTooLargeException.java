package io.hookwire.server.platform.errors;

/** The request body is larger than the server reads. */
public class PayloadTooLargeException extends RuntimeException {

  public PayloadTooLargeException(long limit) {
    super("The request body must not exceed " + limit + " bytes.");
  }
}
