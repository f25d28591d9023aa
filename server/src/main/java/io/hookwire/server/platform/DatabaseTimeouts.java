package io.hookwire.server.platform;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Bounds how long a request waits for a PostgreSQL server that stops answering (a frozen host, a
 * network partition): the driver gives up connecting, logging in or reading after {@code
 * hookwire.database-timeout}, drops the connection, and the request is 503; the pool reconnects
 * once the server answers again. A setting given in the datasource's own properties wins. H2 runs
 * inside the server and needs none.
 */
@Component
class DatabaseTimeouts implements BeanPostProcessor {

  /** The PostgreSQL JDBC driver's timeouts, each in seconds. */
  private static final List<String> DRIVER_TIMEOUTS =
      List.of("connectTimeout", "loginTimeout", "socketTimeout");

  /** Resolved when the pool is made: a post-processor is created before other beans. */
  private final ObjectProvider<HookwireProperties> properties;

  DatabaseTimeouts(ObjectProvider<HookwireProperties> properties) {
    this.properties = properties;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String name) {
    if (bean instanceof HikariDataSource pool
        && pool.getJdbcUrl() != null
        && pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
      long seconds = Math.max(1, properties.getObject().databaseTimeout().toSeconds());
      DRIVER_TIMEOUTS.forEach(
          timeout -> pool.getDataSourceProperties().putIfAbsent(timeout, String.valueOf(seconds)));
    }
    return bean;
  }
}
