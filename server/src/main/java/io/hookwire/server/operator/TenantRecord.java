package io.hookwire.server.operator;

import java.time.Instant;

/** A tenant of the Auto Scale API. */
public record TenantRecord(String id, Instant createdAt) {}
