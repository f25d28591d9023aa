package io.hookwire.server.auth;

/**
 * The token holder behind an Auto Scale API request.
 *
 * @param tenantId the one tenant the token belongs to
 * @param role what the token may do there
 */
public record TenantCaller(String tenantId, Role role) {

  /** The request attribute that holds the caller. */
  public static final String ATTRIBUTE = TenantCaller.class.getName();

  public enum Role {
    /** Reads and writes. */
    ADMIN,
    /** Reads only. */
    OBSERVER
  }
}
