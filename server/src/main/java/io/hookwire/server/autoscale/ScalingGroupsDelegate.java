package io.hookwire.server.autoscale;

import io.hookwire.server.autoscale.ScalingGroupsService.GroupManifest;
import io.hookwire.server.autoscale.api.PoliciesApiDelegate;
import io.hookwire.server.autoscale.api.ScalingGroupsApiDelegate;
import io.hookwire.server.autoscale.model.GroupConfiguration;
import io.hookwire.server.autoscale.model.GroupState;
import io.hookwire.server.autoscale.model.LaunchArguments;
import io.hookwire.server.autoscale.model.LaunchConfiguration;
import io.hookwire.server.autoscale.model.Policy;
import io.hookwire.server.autoscale.model.PolicyDocument;
import io.hookwire.server.autoscale.model.PolicyList;
import io.hookwire.server.autoscale.model.ResourceLink;
import io.hookwire.server.autoscale.model.ScalingGroup;
import io.hookwire.server.autoscale.model.ScalingGroupDocument;
import io.hookwire.server.operator.ScalingGroupRecord;
import io.hookwire.server.operator.ScalingPolicyRecord;
import io.hookwire.server.platform.PublicUrls;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Scaling groups and policies in the shapes of the Rackspace Auto Scale reference. What Hookwire
 * does not keep (it launches no servers) has the fixed values the spec documents.
 */
@Component
public record ScalingGroupsDelegate(ScalingGroupsService groups, PublicUrls urls)
    implements ScalingGroupsApiDelegate, PoliciesApiDelegate {

  /** Every policy adds one server, with no cooldown. */
  private static final int CHANGE = 1;

  /** Both generated interfaces offer the request; neither API's operations use it. */
  @Override
  public Optional<NativeWebRequest> getRequest() {
    return Optional.empty();
  }

  @Override
  public ResponseEntity<ScalingGroupDocument> getScalingGroup(String tenantId, String groupId) {
    GroupManifest manifest = groups.group(tenantId, groupId);
    ScalingGroupRecord group = manifest.group();
    List<ResourceLink> policiesLinks = new ArrayList<>();
    policiesLinks.add(link(policies(tenantId, group.id()), ResourceLink.RelEnum.POLICIES));
    policiesLinks.addAll(next(tenantId, group.id(), manifest.policies(), WebhooksService.MAX_PAGE));
    return ResponseEntity.ok(
        new ScalingGroupDocument()
            .group(
                new ScalingGroup()
                    .id(group.id())
                    .links(List.of(link(self(tenantId, group.id()), ResourceLink.RelEnum.SELF)))
                    .groupConfiguration(
                        new GroupConfiguration()
                            .name(group.name())
                            .cooldown(0)
                            .minEntities(0)
                            .maxEntities(0)
                            .metadata(Map.of()))
                    .launchConfiguration(
                        new LaunchConfiguration()
                            .type(LaunchConfiguration.TypeEnum.LAUNCH_SERVER)
                            .args(new LaunchArguments().server(Map.of())))
                    .scalingPolicies(
                        manifest.policies().stream()
                            .map(policy -> policy(tenantId, policy))
                            .toList())
                    .scalingPoliciesLinks(policiesLinks)
                    .state(
                        new GroupState()
                            .active(List.of())
                            .activeCapacity(0)
                            .desiredCapacity(0)
                            .pendingCapacity(0)
                            .paused(false)
                            .name(group.name())
                            .status(GroupState.StatusEnum.ACTIVE))));
  }

  @Override
  public ResponseEntity<PolicyList> listPolicies(
      String tenantId, String groupId, Integer limit, String marker) {
    ListArguments.refuseOthers();
    List<ScalingPolicyRecord> page = groups.policies(tenantId, groupId, marker, limit);
    // The service found the group, so its id is a UUID; links carry it in canonical form.
    UUID group = UUID.fromString(groupId);
    return ResponseEntity.ok(
        new PolicyList()
            .policies(page.stream().map(policy -> policy(tenantId, policy)).toList())
            .policiesLinks(next(tenantId, group, page, WebhooksService.pageSize(limit))));
  }

  @Override
  public ResponseEntity<PolicyDocument> getPolicy(
      String tenantId, String groupId, String policyId) {
    return ResponseEntity.ok(
        new PolicyDocument().policy(policy(tenantId, groups.policy(tenantId, groupId, policyId))));
  }

  private Policy policy(String tenantId, ScalingPolicyRecord policy) {
    return new Policy()
        .id(policy.id())
        .links(
            List.of(
                link(
                    policies(tenantId, policy.groupId())
                        .pathSegment(policy.id().toString())
                        .path("/"),
                    ResourceLink.RelEnum.SELF)))
        .name(policy.name())
        .change(CHANGE)
        .cooldown(0)
        .type(Policy.TypeEnum.WEBHOOK);
  }

  /** A {@code next} link when the page is full: the page after its last policy. */
  private List<ResourceLink> next(
      String tenantId, UUID group, List<ScalingPolicyRecord> page, int size) {
    if (page.size() < size) {
      return List.of();
    }
    return List.of(
        link(
            policies(tenantId, group)
                .queryParam("limit", size)
                .queryParam("marker", page.get(page.size() - 1).id()),
            ResourceLink.RelEnum.NEXT));
  }

  private UriComponentsBuilder self(String tenantId, UUID group) {
    return urls.base().pathSegment("v1.0", tenantId, "groups", group.toString()).path("/");
  }

  private UriComponentsBuilder policies(String tenantId, UUID group) {
    return self(tenantId, group).pathSegment("policies").path("/");
  }

  private static ResourceLink link(UriComponentsBuilder href, ResourceLink.RelEnum rel) {
    return new ResourceLink().href(href.build().toUri()).rel(rel);
  }
}
