package io.hookwire.server.autoscale;

import io.hookwire.server.platform.SecureIds;
import io.hookwire.server.platform.StoreTimes;
import io.hookwire.server.platform.errors.InvalidFieldsException;
import io.hookwire.server.platform.errors.NotFoundException;
import io.hookwire.server.platform.errors.Violation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of the Auto Scale webhooks API: bodies are validated before anything is looked up; the
 * group, then the policy, then the webhook must exist; a policy holds at most its quota of
 * webhooks, all or nothing per request; capability URLs reveal nothing.
 */
@Service
public class WebhooksService {

  static final int MAX_PAGE = 100;
  static final int METADATA_MAX = 256;
  private static final String CAPABILITY_VERSION = "1";
  private static final int CAPABILITY_BYTES = 32;

  private final WebhooksStore store;
  private final SecureIds ids;
  private final Clock clock;
  private final int quota;

  public WebhooksService(
      WebhooksStore store, SecureIds ids, Clock clock, AutoscaleProperties properties) {
    this.store = store;
    this.ids = ids;
    this.clock = clock;
    this.quota = properties.webhooksPerPolicy();
  }

  /** Where webhooks live: a policy of a group of a tenant. */
  public record PolicyPath(String tenantId, UUID groupId, UUID policyId) {}

  /**
   * A webhook's name and metadata.
   *
   * @param metadata null for none
   */
  public record WebhookContent(String name, Map<String, String> metadata) {}

  @Transactional
  public List<WebhookRecord> create(PolicyPath path, List<WebhookContent> webhooks) {
    List<Violation> violations = new ArrayList<>();
    for (int i = 0; i < webhooks.size(); i++) {
      checkMetadata(violations, "/" + i + "/metadata", webhooks.get(i).metadata());
    }
    refuse(violations);
    requireGroup(path);
    if (!store.lockPolicy(path.groupId(), path.policyId())) {
      throw new NotFoundException("Policy", path.policyId().toString());
    }
    if (store.count(path.policyId()) + webhooks.size() > quota) {
      throw new WebhookOverLimitsException(quota);
    }
    Instant now = StoreTimes.now(clock);
    List<WebhookRecord> created = new ArrayList<>();
    for (WebhookContent webhook : webhooks) {
      WebhookRecord record =
          new WebhookRecord(
              ids.uuid(),
              path.policyId(),
              webhook.name(),
              webhook.metadata() == null ? Map.of() : new LinkedHashMap<>(webhook.metadata()),
              ids.hex(CAPABILITY_BYTES),
              now);
      store.insert(record);
      created.add(record);
    }
    return created;
  }

  /**
   * A page of the policy's webhooks by id.
   *
   * @param marker only ids after it, or null
   * @param limit null for the largest page; clamped to 1 to 100
   */
  @Transactional(readOnly = true)
  public List<WebhookRecord> list(PolicyPath path, UUID marker, Integer limit) {
    requirePolicy(path);
    return store.list(path.policyId(), marker, pageSize(limit));
  }

  /** The page size a requested limit means. */
  static int pageSize(Integer limit) {
    return limit == null ? MAX_PAGE : Math.max(1, Math.min(MAX_PAGE, limit));
  }

  @Transactional(readOnly = true)
  public WebhookRecord get(PolicyPath path, UUID webhookId) {
    requirePolicy(path);
    return store.find(path.policyId(), webhookId).orElseThrow(() -> webhookNotFound(webhookId));
  }

  @Transactional
  public void replace(PolicyPath path, UUID webhookId, WebhookContent webhook) {
    List<Violation> violations = new ArrayList<>();
    checkMetadata(violations, "/metadata", webhook.metadata());
    refuse(violations);
    requirePolicy(path);
    if (!store.replace(path.policyId(), webhookId, webhook.name(), webhook.metadata())) {
      throw webhookNotFound(webhookId);
    }
  }

  @Transactional
  public void delete(PolicyPath path, UUID webhookId) {
    requirePolicy(path);
    if (!store.delete(path.policyId(), webhookId)) {
      throw webhookNotFound(webhookId);
    }
  }

  /**
   * Executes the policy of the webhook whose capability this is. Unknown versions and hashes do
   * nothing, and the caller is not told which happened.
   */
  @Transactional
  public void execute(String version, String hash) {
    if (CAPABILITY_VERSION.equals(version) && hash.matches("[0-9a-f]{64}")) {
      store.recordExecution(hash, StoreTimes.now(clock));
    }
  }

  private void requireGroup(PolicyPath path) {
    if (!store.groupExists(path.tenantId(), path.groupId())) {
      throw new NotFoundException("ScalingGroup", path.groupId().toString());
    }
  }

  private void requirePolicy(PolicyPath path) {
    requireGroup(path);
    if (!store.policyExists(path.groupId(), path.policyId())) {
      throw new NotFoundException("Policy", path.policyId().toString());
    }
  }

  private static NotFoundException webhookNotFound(UUID webhookId) {
    return new NotFoundException("Webhook", webhookId.toString());
  }

  /** Keys of at most 256 characters to string values of at most 256 characters. */
  private static void checkMetadata(
      List<Violation> violations, String pointer, Map<String, String> metadata) {
    if (metadata == null) {
      return;
    }
    metadata.forEach(
        (key, value) -> {
          if (key.length() > METADATA_MAX) {
            violations.add(
                Violation.atPointer(pointer, "Metadata keys must not exceed 256 characters."));
          }
          if (value == null || value.length() > METADATA_MAX) {
            violations.add(
                Violation.atPointer(
                    pointer + "/" + key,
                    "Metadata values must be strings of at most 256 characters."));
          }
        });
  }

  private static void refuse(List<Violation> violations) {
    if (!violations.isEmpty()) {
      throw new InvalidFieldsException(violations);
    }
  }
}
