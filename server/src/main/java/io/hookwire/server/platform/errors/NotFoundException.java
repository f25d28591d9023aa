package io.hookwire.server.platform.errors;

/**
 * A resource that does not exist, or that the caller may not see: the two are one answer, so that
 * existence does not leak. Each API words it its own way from the kind and the id.
 */
public class NotFoundException extends RuntimeException {

  private final String kind;
  private final String id;

  public NotFoundException(String kind, String id) {
    super(kind + " '" + id + "' not found");
    this.kind = kind;
    this.id = id;
  }

  /** What was not found, such as {@code Account} or {@code ScalingGroup}. */
  public String kind() {
    return kind;
  }

  public String id() {
    return id;
  }
}
