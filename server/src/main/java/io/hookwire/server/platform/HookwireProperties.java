package io.hookwire.server.platform;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The server's own settings, under {@code hookwire.*}.
 *
 * @param operatorToken the bearer token of the operator API; without one (and without the demo) the
 *     operator API refuses every request
 * @param publicBaseUrl the base of absolute links, such as {@code https://hooks.example.com}; when
 *     unset, each request's own scheme, host and port (behind a trusted proxy, set {@code
 *     server.forward-headers-strategy=framework} to take them from {@code X-Forwarded-*})
 * @param maxBodySize the largest request body read; larger ones are refused unparsed
 * @param demo the demo data set provisioned on the first start with an empty embedded database
 * @param databaseTimeout the longest a request waits for PostgreSQL to connect, log in or answer a
 *     statement; past it the connection is dropped and the request is 503
 * @param callerCacheTtl how long a server remembers who a token belongs to: the longest a token
 *     deleted through another server on the same database (or in the database by hand) still works
 *     here; zero looks every token up on every request
 */
@ConfigurationProperties("hookwire")
public record HookwireProperties(
    String operatorToken,
    URI publicBaseUrl,
    @DefaultValue("1MB") DataSize maxBodySize,
    @DefaultValue Demo demo,
    @DefaultValue("5s") Duration databaseTimeout,
    @DefaultValue("5s") Duration callerCacheTtl) {

  /**
   * @param enabled whether to provision the demo data set on an empty embedded database
   */
  public record Demo(@DefaultValue("true") boolean enabled) {}
}
