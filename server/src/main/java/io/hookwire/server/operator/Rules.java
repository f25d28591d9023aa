package io.hookwire.server.operator;

import io.hookwire.server.platform.errors.InvalidFieldsException;
import io.hookwire.server.platform.errors.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The checks both operator services make on values the spec constrains. */
final class Rules {

  /**
   * The specs' "contains a non-whitespace character", read as Bean Validation reads it (Java's
   * {@code \s}), so that a name the schema accepts is never refused here as blank.
   */
  private static final Pattern NOT_BLANK = Pattern.compile("[\\s\\S]*\\S[\\s\\S]*");

  private Rules() {}

  /** Adds a violation at {@code pointer} unless the name is 1 to max characters and not blank. */
  static void checkName(List<Violation> violations, String pointer, String name, int max) {
    if (name == null) {
      violations.add(Violation.atPointer(pointer, "'" + pointer + "' is required."));
    } else if (!NOT_BLANK.matcher(name).matches()) {
      violations.add(Violation.atPointer(pointer, "'" + pointer + "' must not be blank."));
    } else if (name.length() > max) {
      violations.add(
          Violation.atPointer(
              pointer, "'" + pointer + "' must be at most " + max + " characters long."));
    }
  }

  /** Adds a violation at {@code pointer} unless the role is one of the given ones. */
  static void checkRole(
      List<Violation> violations, String pointer, String role, Set<String> roles) {
    if (role == null || !roles.contains(role)) {
      violations.add(
          Violation.atPointer(
              pointer,
              "'"
                  + pointer
                  + "' must be one of "
                  + String.join(", ", roles.stream().sorted().toList())
                  + "."));
    }
  }

  /** Refuses a name that is not 1 to max characters or is blank, at {@code /name}. */
  static void requireName(String name, int max) {
    List<Violation> violations = new ArrayList<>();
    checkName(violations, "/name", name, max);
    refuse(violations);
  }

  /** Refuses a role that is not one of the given ones, at {@code /role}. */
  static void requireRole(String role, Set<String> roles) {
    List<Violation> violations = new ArrayList<>();
    checkRole(violations, "/role", role, roles);
    refuse(violations);
  }

  /** Throws the violations, if there are any. */
  static void refuse(List<Violation> violations) {
    if (!violations.isEmpty()) {
      throw new InvalidFieldsException(violations);
    }
  }
}
