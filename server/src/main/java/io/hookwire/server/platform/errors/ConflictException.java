package io.hookwire.server.platform.errors;

/** The request contradicts the state of the server or its own path. */
public class ConflictException extends RuntimeException {

  private final String pointer;

  /**
   * @param pointer the JSON pointer of the conflicting member of the body, or null
   */
  public ConflictException(String message, String pointer) {
    super(message);
    this.pointer = pointer;
  }

  public String pointer() {
    return pointer;
  }
}
