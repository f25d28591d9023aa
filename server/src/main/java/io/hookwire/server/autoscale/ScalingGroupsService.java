package io.hookwire.server.autoscale;

import io.hookwire.server.operator.ScalingGroupRecord;
import io.hookwire.server.operator.ScalingPolicyRecord;
import io.hookwire.server.operator.TenantsStore;
import io.hookwire.server.platform.errors.NotFoundException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The scaling groups and policies of a tenant, read through the Auto Scale API (the operator API
 * creates them). A group that is not the tenant's, or an id that is not a UUID, names nothing.
 */
@Service
public class ScalingGroupsService {

  private final TenantsStore store;

  public ScalingGroupsService(TenantsStore store) {
    this.store = store;
  }

  /**
   * A scaling group and its first policies by id.
   *
   * @param policies at most a page of them
   */
  public record GroupManifest(ScalingGroupRecord group, List<ScalingPolicyRecord> policies) {}

  @Transactional(readOnly = true)
  public GroupManifest group(String tenantId, String groupId) {
    ScalingGroupRecord group = requireGroup(tenantId, groupId);
    return new GroupManifest(
        group, store.pageOfScalingPolicies(group.id(), null, WebhooksService.MAX_PAGE));
  }

  /**
   * A page of the group's policies by id.
   *
   * @param marker only ids after it as text ({@link Marker}), or null
   * @param limit null for the largest page; clamped to 1 to 100
   */
  @Transactional(readOnly = true)
  public List<ScalingPolicyRecord> policies(
      String tenantId, String groupId, String marker, Integer limit) {
    UUID group = requireGroup(tenantId, groupId).id();
    return Marker.page(
        marker,
        WebhooksService.pageSize(limit),
        (after, size) -> store.pageOfScalingPolicies(group, after, size),
        ScalingPolicyRecord::id);
  }

  @Transactional(readOnly = true)
  public ScalingPolicyRecord policy(String tenantId, String groupId, String policyId) {
    UUID group = requireGroup(tenantId, groupId).id();
    return Optional.ofNullable(WebhooksService.uuid(policyId))
        .flatMap(policy -> store.findScalingPolicy(group, policy))
        .orElseThrow(() -> new NotFoundException("Policy", policyId));
  }

  private ScalingGroupRecord requireGroup(String tenantId, String groupId) {
    return Optional.ofNullable(WebhooksService.uuid(groupId))
        .flatMap(group -> store.findScalingGroup(tenantId, group))
        .orElseThrow(() -> new NotFoundException("ScalingGroup", groupId));
  }
}
