package io.hookwire.server.auth;

import java.util.Set;

/**
 * The user behind an Endpoints API request.
 *
 * @param userId the user
 * @param accountId the one account the user sees
 * @param role what the user may do in it
 * @param environmentIds the environments the user sees, or null for all of the account's
 */
public record EndpointsCaller(
    String userId, String accountId, Role role, Set<String> environmentIds) {

  /** The request attribute that holds the caller. */
  public static final String ATTRIBUTE = EndpointsCaller.class.getName();

  public enum Role {
    /** Reads and writes in its account. */
    ADMIN,
    /** Reads only. */
    READER
  }

  public boolean canWrite() {
    return role == Role.ADMIN;
  }

  /** Whether the caller sees what lives in this account and environment (null: account scope). */
  public boolean sees(String account, String environment) {
    return accountId.equals(account)
        && (environment == null || environmentIds == null || environmentIds.contains(environment));
  }
}
