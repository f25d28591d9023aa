package io.hookwire.server.platform;

import org.springframework.core.Ordered;

/**
 * The order of the server's servlet filters: transport first, then the Host check and the body
 * limit, then auth.
 */
public final class FilterOrder {

  /** Response ids and request logs, so that every later answer carries them. */
  public static final int TRANSPORT = Ordered.HIGHEST_PRECEDENCE + 10;

  /** Refuses a request without a host to build its links on. */
  public static final int HOST = Ordered.HIGHEST_PRECEDENCE + 15;

  /** Refuses oversized bodies before anything reads them. */
  public static final int BODY_LIMIT = Ordered.HIGHEST_PRECEDENCE + 20;

  /** Authenticates before Spring MVC parses anything. */
  public static final int AUTHENTICATION = Ordered.HIGHEST_PRECEDENCE + 100;

  private FilterOrder() {}
}
