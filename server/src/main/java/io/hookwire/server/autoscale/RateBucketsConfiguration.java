package io.hookwire.server.autoscale;

import io.hookwire.server.platform.Databases;
import io.hookwire.server.platform.HookwireProperties;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Chooses where the rate limits' buckets live: on PostgreSQL in the database, shared by every
 * server on it, unless {@code hookwire.autoscale.rate-limit.shared} is false; on H2 (one server) in
 * memory. Scheduling runs the shared buckets' clean-up.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RateBucketsConfiguration {

  @Bean
  RateBuckets rateBuckets(
      DataSource dataSource, AutoscaleProperties autoscale, HookwireProperties hookwire) {
    if (autoscale.rateLimit().shared() && !Databases.isH2(dataSource)) {
      return new SharedRateBuckets(dataSource, hookwire.databaseTimeout());
    }
    return RateBuckets.inMemory();
  }
}
