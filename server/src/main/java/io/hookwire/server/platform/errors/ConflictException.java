package io.hookwire.server.platform.errors;

import java.util.List;

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

  /** The conflicting member of the body, if one is named, with the message. */
  public List<Violation> violations() {
    return pointer == null ? List.of() : List.of(Violation.atPointer(pointer, getMessage()));
  }
}
