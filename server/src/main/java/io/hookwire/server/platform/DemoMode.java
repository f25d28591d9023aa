package io.hookwire.server.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether the server runs the demo: the demo is on (the default) and the database is the embedded
 * one. A server on PostgreSQL never creates demo tokens.
 */
@Component
public class DemoMode {

  /** The operator token while the demo runs and none is configured. */
  public static final String OPERATOR_TOKEN = "demo-operator-token";

  private final boolean active;

  public DemoMode(HookwireProperties properties, @Value("${spring.datasource.url:}") String url) {
    this.active = properties.demo().enabled() && url.startsWith("jdbc:h2:");
  }

  public boolean active() {
    return active;
  }
}
