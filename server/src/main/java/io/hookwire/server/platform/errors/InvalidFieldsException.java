package io.hookwire.server.platform.errors;

import java.util.List;

/**
 * Members of a request body that have the right shape but break a rule Bean Validation cannot see,
 * such as an environment of another account: each API renders it as its constraint error.
 */
public class InvalidFieldsException extends RuntimeException {

  private final List<Violation> violations;

  /**
   * @param violations every invalid member, each with a JSON pointer into the body; not empty
   */
  public InvalidFieldsException(List<Violation> violations) {
    super(violations.isEmpty() ? "The request is invalid." : violations.get(0).detail());
    this.violations = List.copyOf(violations);
  }

  public List<Violation> violations() {
    return violations;
  }
}
