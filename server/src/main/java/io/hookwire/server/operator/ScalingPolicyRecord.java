package io.hookwire.server.operator;

import java.time.Instant;
import java.util.UUID;

/**
 * A scaling policy of a scaling group.
 *
 * @param executions how many times a capability URL executed it
 * @param lastExecutedAt when it was last executed; null while it never was
 */
public record ScalingPolicyRecord(
    UUID id,
    UUID groupId,
    String name,
    long executions,
    Instant lastExecutedAt,
    Instant createdAt) {}
