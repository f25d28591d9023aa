package io.hookwire.server.autoscale;

import io.hookwire.server.PostgresForClass;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The webhooks store on a real PostgreSQL server, started for this class. */
class WebhooksStoreOnPostgresTest extends WebhooksStoreTest {

  @RegisterExtension static final PostgresForClass POSTGRES = new PostgresForClass();

  @Override
  protected DataSource dataSource() {
    return POSTGRES.dataSource();
  }
}
