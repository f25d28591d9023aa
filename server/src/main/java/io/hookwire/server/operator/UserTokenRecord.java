package io.hookwire.server.operator;

import java.time.Instant;

/** An API token of a user, without its secret. */
public record UserTokenRecord(String id, String userId, Instant createdAt) {}
