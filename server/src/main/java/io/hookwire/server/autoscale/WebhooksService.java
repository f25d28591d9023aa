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
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
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
  private static final Pattern UUID_PATTERN =
      Pattern.compile("\\p{XDigit}{8}(-\\p{XDigit}{4}){3}-\\p{XDigit}{12}");

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

  /**
   * Where webhooks live: a policy of a group of a tenant, with the ids as the path has them; an id
   * that is not a UUID names nothing.
   */
  public record PolicyPath(String tenantId, String groupId, String policyId) {}

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
    UUID group = requireGroup(path);
    UUID policy = uuid(path.policyId());
    if (policy == null || !store.lockPolicy(group, policy)) {
      throw policyNotFound(path);
    }
    if (store.count(policy) + webhooks.size() > quota) {
      throw new WebhookOverLimitsException(quota);
    }
    Instant now = StoreTimes.now(clock);
    List<WebhookRecord> created = new ArrayList<>();
    for (WebhookContent webhook : webhooks) {
      WebhookRecord record =
          new WebhookRecord(
              ids.uuid(),
              policy,
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
   * @param marker only ids after it as text ({@link Marker}), or null
   * @param limit null for the largest page; clamped to 1 to 100
   */
  public List<WebhookRecord> list(PolicyPath path, String marker, Integer limit) {
    List<WebhookRecord> page =
        scope(path)
            .map(
                scope ->
                    Marker.page(
                        marker,
                        pageSize(limit),
                        (after, size) -> store.list(scope, after, size),
                        WebhookRecord::id))
            .orElse(List.of());
    if (page.isEmpty()) {
      requirePolicy(path);
    }
    return page;
  }

  /** The page size a requested limit means. */
  static int pageSize(Integer limit) {
    return limit == null ? MAX_PAGE : Math.max(1, Math.min(MAX_PAGE, limit));
  }

  public WebhookRecord get(PolicyPath path, String webhookId) {
    UUID id = uuid(webhookId);
    return scope(path)
        .filter(scope -> id != null)
        .flatMap(scope -> store.find(scope, id))
        .orElseThrow(() -> notFound(path, webhookId));
  }

  public void replace(PolicyPath path, String webhookId, WebhookContent webhook) {
    List<Violation> violations = new ArrayList<>();
    checkMetadata(violations, "/metadata", webhook.metadata());
    refuse(violations);
    UUID id = uuid(webhookId);
    Optional<WebhooksStore.Scope> scope = scope(path).filter(s -> id != null);
    if (scope.isEmpty() || !store.replace(scope.get(), id, webhook.name(), webhook.metadata())) {
      throw notFound(path, webhookId);
    }
  }

  public void delete(PolicyPath path, String webhookId) {
    UUID id = uuid(webhookId);
    Optional<WebhooksStore.Scope> scope = scope(path).filter(s -> id != null);
    if (scope.isEmpty() || !store.delete(scope.get(), id)) {
      throw notFound(path, webhookId);
    }
  }

  /**
   * Executes the policy of the webhook whose capability this is. Unknown versions and hashes do
   * nothing, and the caller is not told which happened.
   */
  public void execute(String version, String hash) {
    if (CAPABILITY_VERSION.equals(version) && hash.matches("[0-9a-f]{64}")) {
      store.recordExecution(hash, StoreTimes.now(clock));
    }
  }

  /**
   * The policy the path names, for the store to find webhooks in with one statement that checks the
   * whole path; empty where an id is not a UUID.
   */
  private static Optional<WebhooksStore.Scope> scope(PolicyPath path) {
    UUID group = uuid(path.groupId());
    UUID policy = uuid(path.policyId());
    return group == null || policy == null
        ? Optional.empty()
        : Optional.of(new WebhooksStore.Scope(path.tenantId(), group, policy));
  }

  /**
   * Why a statement at the path found no webhook: the first of group, policy and webhook that does
   * not exist (looked up after the statement, only when it failed).
   */
  private NotFoundException notFound(PolicyPath path, String webhookId) {
    requirePolicy(path);
    return webhookNotFound(webhookId);
  }

  /** The group's id, once it is known to exist in the tenant. */
  private UUID requireGroup(PolicyPath path) {
    UUID group = uuid(path.groupId());
    if (group == null || !store.groupExists(path.tenantId(), group)) {
      throw new NotFoundException("ScalingGroup", path.groupId());
    }
    return group;
  }

  /** The policy's id, once its group and then it are known to exist. */
  private UUID requirePolicy(PolicyPath path) {
    UUID group = requireGroup(path);
    UUID policy = uuid(path.policyId());
    if (policy == null || !store.policyExists(group, policy)) {
      throw policyNotFound(path);
    }
    return policy;
  }

  private static NotFoundException policyNotFound(PolicyPath path) {
    return new NotFoundException("Policy", path.policyId());
  }

  private static NotFoundException webhookNotFound(String webhookId) {
    return new NotFoundException("Webhook", webhookId);
  }

  /** The UUID an id of a path stands for, or null when it is none. */
  static UUID uuid(String id) {
    return id != null && UUID_PATTERN.matcher(id).matches() ? UUID.fromString(id) : null;
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
