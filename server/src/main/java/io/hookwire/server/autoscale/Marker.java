package io.hookwire.server.autoscale;

import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Auto Scale's {@code marker}, as Otter reads it: any text, after which come the items whose ids
 * are greater as text. An id in canonical form (lowercase) is compared by the database, where the
 * order of ids is the order of their canonical text; any other text by reading every item.
 */
final class Marker {

  private static final Pattern CANONICAL =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private Marker() {}

  /**
   * @param marker the marker, or null for the first page
   * @param size the page size
   * @param read reads up to a number of items by id, after an id if not null
   * @param id an item's id
   * @return the page after the marker
   */
  static <T> List<T> page(
      String marker, int size, BiFunction<UUID, Integer, List<T>> read, Function<T, UUID> id) {
    if (marker == null || CANONICAL.matcher(marker).matches()) {
      return read.apply(marker == null ? null : UUID.fromString(marker), size);
    }
    return read.apply(null, Integer.MAX_VALUE).stream()
        .filter(item -> id.apply(item).toString().compareTo(marker) > 0)
        .limit(size)
        .toList();
  }
}
