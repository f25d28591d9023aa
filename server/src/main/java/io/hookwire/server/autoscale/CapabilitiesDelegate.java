package io.hookwire.server.autoscale;

import io.hookwire.server.autoscale.api.CapabilitiesApiDelegate;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Capability execution: always 202 with an empty body, so that a URL cannot be probed. */
@Component
public class CapabilitiesDelegate implements CapabilitiesApiDelegate {

  private final WebhooksService webhooks;

  public CapabilitiesDelegate(WebhooksService webhooks) {
    this.webhooks = webhooks;
  }

  @Override
  public ResponseEntity<Void> executeCapability(String capabilityVersion, String capabilityHash) {
    webhooks.execute(capabilityVersion, capabilityHash);
    return ResponseEntity.accepted().build();
  }
}
