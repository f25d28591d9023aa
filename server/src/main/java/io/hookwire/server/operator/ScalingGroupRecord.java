package io.hookwire.server.operator;

import java.time.Instant;
import java.util.UUID;

/** A scaling group of a tenant. */
public record ScalingGroupRecord(UUID id, String tenantId, String name, Instant createdAt) {}
