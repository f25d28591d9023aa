package io.hookwire.server.operator;

import java.time.Instant;

/**
 * An API token of a tenant, without its secret.
 *
 * @param role {@code admin} or {@code observer}
 */
public record TenantTokenRecord(String id, String tenantId, String role, Instant createdAt) {}
