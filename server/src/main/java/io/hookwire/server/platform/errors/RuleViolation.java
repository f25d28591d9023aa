package io.hookwire.server.platform.errors;

import org.springframework.validation.FieldError;

/**
 * A violation found by one of the API's own rules while the body is validated, so that it is
 * reported in one answer with the schema's violations, worded as the rule words it.
 */
public final class RuleViolation extends FieldError {

  private final transient Violation violation;

  /**
   * @param objectName the name of the validated body, as the binder knows it
   * @param field the bean path of the invalid member
   * @param violation what the rule found, with its JSON pointer
   */
  public RuleViolation(String objectName, String field, Violation violation) {
    super(objectName, field, violation.detail());
    this.violation = violation;
  }

  /**
   * @return what the rule found
   */
  public Violation violation() {
    return violation;
  }
}
