package io.hookwire.server.operator;

import java.time.Instant;

/** An account of the Endpoints API. */
public record AccountRecord(String id, String name, Instant createdAt) {}
