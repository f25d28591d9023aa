package io.hookwire.server.platform.errors;

import java.util.List;

/**
 * A request body that is JSON but not of the shape its operation reads, found before binding (such
 * as the literal {@code null} where an object belongs): each API renders it as a wrong JSON type.
 */
public class BodyShapeException extends RuntimeException {

  private final List<Violation> violations;

  /**
   * @param violations what is wrong, each with a JSON pointer into the body; not empty
   */
  public BodyShapeException(List<Violation> violations) {
    super(violations.get(0).detail());
    this.violations = List.copyOf(violations);
  }

  public List<Violation> violations() {
    return violations;
  }
}
