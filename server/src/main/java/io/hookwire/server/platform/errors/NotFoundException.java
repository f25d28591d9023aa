package io.hookwire.server.platform.errors;

/**
 * A resource that does not exist, or that the caller may not see: the two are one answer, so that
 * existence does not leak. Each API words it its own way from the kind and the id.
 */
public class NotFoundException extends RuntimeException {

  private final String kind;
  private final String id;
  private final Violation source;

  public NotFoundException(String kind, String id) {
    this(kind, id, null);
  }

  private NotFoundException(String kind, String id, Violation source) {
    super(kind + " '" + id + "' not found");
    this.kind = kind;
    this.id = id;
    this.source = source;
  }

  /**
   * Throws not found unless the resource was found (looked up, locked or deleted).
   *
   * @param id the resource's id, by its string form
   */
  public static void unless(boolean found, String kind, Object id) {
    if (!found) {
      throw new NotFoundException(kind, String.valueOf(id));
    }
  }

  /** Not found, named by the request body at this JSON pointer (a relationship, say). */
  public static NotFoundException atPointer(String kind, String id, String pointer) {
    return new NotFoundException(kind, id, Violation.atPointer(pointer, null));
  }

  /** Not found, named by this query parameter (a filter, say). */
  public static NotFoundException atParameter(String kind, String id, String parameter) {
    return new NotFoundException(kind, id, Violation.atParameter(parameter, null));
  }

  /** What was not found, such as {@code Account} or {@code ScalingGroup}. */
  public String kind() {
    return kind;
  }

  public String id() {
    return id;
  }

  /** Where the request named it, or null when the path did. */
  public Violation source() {
    return source;
  }
}
