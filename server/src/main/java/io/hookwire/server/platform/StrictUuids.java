package io.hookwire.server.platform;

import java.beans.PropertyEditorSupport;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Path and query values typed {@code format: uuid} (in every API) are read only in the canonical
 * 8-4-4-4-12 form. {@link UUID#fromString} also takes shorter groups ({@code 1-2-3-4-5}, or a group
 * one digit short) and pads them, so that a value which is not a UUID would name one; it is 400
 * instead.
 */
@ControllerAdvice
class StrictUuids {

  private static final Pattern CANONICAL =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  @InitBinder
  void strictUuids(WebDataBinder binder) {
    binder.registerCustomEditor(
        UUID.class,
        new PropertyEditorSupport() {
          @Override
          public void setAsText(String text) {
            setValue(parse(text));
          }
        });
  }

  static UUID parse(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    if (!CANONICAL.matcher(text).matches()) {
      throw new IllegalArgumentException("Not a UUID: " + text);
    }
    return UUID.fromString(text);
  }
}
