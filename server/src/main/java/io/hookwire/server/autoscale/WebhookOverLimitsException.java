package io.hookwire.server.autoscale;

/** Creating the webhooks would take their policy over its quota; none was created. */
public class WebhookOverLimitsException extends RuntimeException {

  public WebhookOverLimitsException(int quota) {
    super("The user has reached their quota for webhooks, currently " + quota + ".");
  }
}
