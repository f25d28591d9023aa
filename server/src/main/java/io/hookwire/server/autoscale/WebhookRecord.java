package io.hookwire.server.autoscale;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A webhook as stored.
 *
 * @param capabilityHash the secret of its capability URL: 64 lowercase hex digits
 */
public record WebhookRecord(
    UUID id,
    UUID policyId,
    String name,
    Map<String, String> metadata,
    String capabilityHash,
    Instant createdAt) {}
