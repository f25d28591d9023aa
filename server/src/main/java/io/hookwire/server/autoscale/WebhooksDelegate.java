package io.hookwire.server.autoscale;

import io.hookwire.server.autoscale.WebhooksService.PolicyPath;
import io.hookwire.server.autoscale.WebhooksService.WebhookContent;
import io.hookwire.server.autoscale.api.WebhooksApiDelegate;
import io.hookwire.server.autoscale.model.CreatedWebhooks;
import io.hookwire.server.autoscale.model.Link;
import io.hookwire.server.autoscale.model.Webhook;
import io.hookwire.server.autoscale.model.WebhookCreate;
import io.hookwire.server.autoscale.model.WebhookDocument;
import io.hookwire.server.autoscale.model.WebhookList;
import io.hookwire.server.autoscale.model.WebhookReplace;
import io.hookwire.server.platform.PublicUrls;
import io.hookwire.server.platform.errors.InvalidFieldsException;
import io.hookwire.server.platform.errors.Violation;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/** The Auto Scale webhooks API's operations: bodies to service calls and back, with links. */
@Component
public record WebhooksDelegate(WebhooksService webhooks, PublicUrls urls)
    implements WebhooksApiDelegate {

  @Override
  public ResponseEntity<WebhookList> listWebhooks(
      String tenantId, String groupId, String policyId, Integer limit, String marker) {
    ListArguments.refuseOthers();
    PolicyPath path = new PolicyPath(tenantId, groupId, policyId);
    List<WebhookRecord> page = webhooks.list(path, marker, limit);
    int size = WebhooksService.pageSize(limit);
    List<Link> next =
        page.size() < size
            ? List.of()
            : List.of(
                new Link(
                    collection(path)
                        .queryParam("limit", size)
                        .queryParam("marker", page.get(page.size() - 1).id())
                        .build()
                        .toUri(),
                    Link.RelEnum.NEXT));
    return ResponseEntity.ok(
        new WebhookList(page.stream().map(webhook -> webhook(path, webhook)).toList(), next));
  }

  @Override
  public ResponseEntity<CreatedWebhooks> createWebhooks(
      String tenantId, String groupId, String policyId, List<WebhookCreate> body) {
    PolicyPath path = new PolicyPath(tenantId, groupId, policyId);
    List<WebhookContent> contents = new ArrayList<>();
    for (int i = 0; i < body.size(); i++) {
      WebhookCreate webhook = body.get(i);
      if (webhook == null) {
        throw new InvalidFieldsException(
            List.of(Violation.atPointer("/" + i, "Each webhook must be an object.")));
      }
      contents.add(new WebhookContent(webhook.getName(), webhook.getMetadata()));
    }
    List<WebhookRecord> created = webhooks.create(path, contents);
    return ResponseEntity.created(collection(path).build().toUri())
        .body(
            new CreatedWebhooks(created.stream().map(webhook -> webhook(path, webhook)).toList()));
  }

  @Override
  public ResponseEntity<WebhookDocument> getWebhook(
      String tenantId, String groupId, String policyId, String webhookId) {
    PolicyPath path = new PolicyPath(tenantId, groupId, policyId);
    return ResponseEntity.ok(new WebhookDocument(webhook(path, webhooks.get(path, webhookId))));
  }

  @Override
  public ResponseEntity<Void> replaceWebhook(
      String tenantId, String groupId, String policyId, String webhookId, WebhookReplace body) {
    webhooks.replace(
        new PolicyPath(tenantId, groupId, policyId),
        webhookId,
        new WebhookContent(body.getName(), body.getMetadata()));
    return ResponseEntity.noContent().build();
  }

  @Override
  public ResponseEntity<Void> deleteWebhook(
      String tenantId, String groupId, String policyId, String webhookId) {
    webhooks.delete(new PolicyPath(tenantId, groupId, policyId), webhookId);
    return ResponseEntity.noContent().build();
  }

  private Webhook webhook(PolicyPath path, WebhookRecord webhook) {
    URI self = collection(path).pathSegment(webhook.id().toString()).path("/").build().toUri();
    URI capability =
        urls.base()
            .pathSegment("v1.0", "execute", "1", webhook.capabilityHash())
            .path("/")
            .build()
            .toUri();
    return new Webhook(
        webhook.id(),
        webhook.name(),
        new LinkedHashMap<>(webhook.metadata()),
        List.of(new Link(self, Link.RelEnum.SELF), new Link(capability, Link.RelEnum.CAPABILITY)));
  }

  /**
   * The policy's webhooks collection, with the trailing slash the API's links carry; its ids, which
   * the service has found, are written in canonical form.
   */
  private UriComponentsBuilder collection(PolicyPath path) {
    return urls.base()
        .pathSegment(
            "v1.0",
            path.tenantId(),
            "groups",
            UUID.fromString(path.groupId()).toString(),
            "policies",
            UUID.fromString(path.policyId()).toString(),
            "webhooks")
        .path("/");
  }
}
