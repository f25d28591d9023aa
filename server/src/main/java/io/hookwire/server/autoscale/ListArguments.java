package io.hookwire.server.autoscale;

import io.hookwire.server.platform.errors.InvalidParameterException;
import java.util.Set;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The query arguments of the API's lists (webhooks, policies): {@code limit} and {@code marker}.
 */
final class ListArguments {

  private static final Set<String> NAMES = Set.of("limit", "marker");

  private ListArguments() {}

  /**
   * Only the pagination arguments are accepted by a list, and {@code limit} with a value: Spring
   * reads an empty {@code limit=} as absent, but it is no integer. Any marker is text, the empty
   * one too: every id comes after it, as after none.
   */
  static void refuseOthers() {
    var request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes());
    for (var argument : request.getRequest().getParameterMap().entrySet()) {
      String name = argument.getKey();
      if (!NAMES.contains(name)) {
        throw new InvalidParameterException(name, "Invalid query argument: " + name);
      }
      for (String value : argument.getValue()) {
        if (name.equals("limit") && value.isBlank()) {
          throw new InvalidParameterException(
              name, "Invalid query argument: " + name + " is empty");
        }
      }
    }
  }
}
