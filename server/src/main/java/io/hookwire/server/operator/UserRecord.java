package io.hookwire.server.operator;

import java.time.Instant;
import java.util.Set;

/**
 * A user of the Endpoints API, in one account.
 *
 * @param role {@code admin} or {@code reader}
 * @param environmentIds the environments of the account the user sees, ordered by their creation
 *     time, then id; null when it sees all of them, also those created later
 */
public record UserRecord(
    String id,
    String accountId,
    String name,
    String role,
    Set<String> environmentIds,
    Instant createdAt) {

  /** Whether the user sees every environment of its account. */
  public boolean allEnvironments() {
    return environmentIds == null;
  }
}
