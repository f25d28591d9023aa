package io.hookwire.server.operator;

/** A user token just created, with its secret: the only time the secret is known to the server. */
public record CreatedUserToken(UserTokenRecord token, String secret) {}
