package io.hookwire.server.autoscale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Auto Scale API's limits, under {@code hookwire.autoscale.*}.
 *
 * @param webhooksPerPolicy the most webhooks one policy may have
 * @param rateLimit how many requests are answered before 413 {@code RateLimitError}
 */
@ConfigurationProperties("hookwire.autoscale")
public record AutoscaleProperties(
    @DefaultValue("25") int webhooksPerPolicy, @DefaultValue RateLimit rateLimit) {

  /**
   * @param tenantPerMinute requests a minute for each tenant, over all its tokens
   * @param executePerSecond capability executions a second for each capability URL
   * @param executePerSecondPerClient capability executions a second for each client address, over
   *     all capability URLs, known or not
   * @param shared on PostgreSQL, whether the buckets live in the database, shared by every server
   *     on it (else in each server's memory); on H2 they are always in memory
   */
  public record RateLimit(
      @DefaultValue("1000") int tenantPerMinute,
      @DefaultValue("10") int executePerSecond,
      @DefaultValue("20") int executePerSecondPerClient,
      @DefaultValue("true") boolean shared) {}
}
