package io.hookwire.server.operator;

import java.time.Instant;

/** An environment of an account. */
public record EnvironmentRecord(String id, String accountId, String name, Instant createdAt) {}
