package io.hookwire.server.endpoints;

import java.time.Instant;

/**
 * An endpoint as stored.
 *
 * @param environmentId its environment, or null when it is account-scoped
 */
public record EndpointRecord(
    String id,
    String accountId,
    String environmentId,
    String name,
    String url,
    int maxAttempts,
    int timeout,
    String secretKey,
    Instant createdAt) {}
