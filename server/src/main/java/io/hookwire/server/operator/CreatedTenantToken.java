package io.hookwire.server.operator;

/**
 * A tenant token just created, with its secret: the only time the secret is known to the server.
 */
public record CreatedTenantToken(TenantTokenRecord token, String secret) {}
