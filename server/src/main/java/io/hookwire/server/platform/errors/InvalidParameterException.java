package io.hookwire.server.platform.errors;

/** A query parameter whose value the API's rules refuse (bean validation could not see it). */
public class InvalidParameterException extends RuntimeException {

  private final String parameter;

  public InvalidParameterException(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  /** The parameter, with the message. */
  public Violation violation() {
    return Violation.atParameter(parameter, getMessage());
  }
}
