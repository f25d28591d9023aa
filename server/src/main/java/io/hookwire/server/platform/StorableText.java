package io.hookwire.server.platform;

import io.hookwire.server.platform.errors.JsonPointers;
import io.hookwire.server.platform.errors.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Text that both databases store exactly as it was given: valid Unicode without NUL. PostgreSQL
 * refuses NUL in text and rewrites an unpaired surrogate; H2 keeps both. Such text is invalid input
 * on both, so that what a 2xx acknowledges is what is stored, whatever the database.
 */
public final class StorableText {

  static final String RULE = "must be valid Unicode text without NUL characters";

  private StorableText() {}

  /**
   * @param text any text
   * @return whether it has no NUL character and no surrogate outside a pair
   */
  static boolean isStorable(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\0' || Character.isLowSurrogate(c)) {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return false;
        }
        i++;
      }
    }
    return true;
  }

  /**
   * @param document a JSON document
   * @return a violation at every string value or member name that is not storable text
   */
  static List<Violation> violations(JsonNode document) {
    List<Violation> violations = new ArrayList<>();
    collect(document, "", violations);
    return violations;
  }

  private static void collect(JsonNode node, String pointer, List<Violation> violations) {
    if (node.isString() && !isStorable(node.stringValue())) {
      violations.add(Violation.atPointer(pointer, "'" + pointer + "' " + RULE + "."));
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(node.get(i), pointer + "/" + i, violations);
      }
    }
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> member : node.properties()) {
        String at = pointer + "/" + JsonPointers.escape(member.getKey());
        if (!isStorable(member.getKey())) {
          violations.add(Violation.atPointer(at, "The member name at '" + at + "' " + RULE + "."));
        }
        collect(member.getValue(), at, violations);
      }
    }
  }
}
