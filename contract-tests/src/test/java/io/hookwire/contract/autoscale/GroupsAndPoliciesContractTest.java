package io.hookwire.contract.autoscale;

import static io.hookwire.contract.autoscale.AutoscaleContract.assertError;
import static io.hookwire.contract.autoscale.AutoscaleContract.refused;
import static io.hookwire.contract.autoscale.AutoscaleContract.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookwire.client.HookwireAutoscale;
import io.hookwire.client.autoscale.model.ErrorType;
import io.hookwire.client.autoscale.model.GroupState;
import io.hookwire.client.autoscale.model.LaunchConfiguration;
import io.hookwire.client.autoscale.model.Policy;
import io.hookwire.client.autoscale.model.PolicyList;
import io.hookwire.client.autoscale.model.ResourceLink;
import io.hookwire.client.autoscale.model.ScalingGroup;
import io.hookwire.contract.support.Fixtures;
import io.hookwire.contract.support.Fixtures.Tenant;
import io.hookwire.contract.support.RawHttp;
import io.hookwire.contract.support.RawHttp.Answer;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Scaling groups and policies read through the Auto Scale API, in the shapes of the Rackspace
 * reference, with the webhook operations' auth, errors and trailing slashes; and the navigation
 * pyrax does (get group, get policy, add webhook), over raw HTTP. One tenant for the class, with
 * one group of two policies (one instance serves every test).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroupsAndPoliciesContractTest {

  private final Tenant tenant = Fixtures.newTenant();

  @Test
  void theGroupHasTheReferenceShapeWithItsPoliciesById() {
    ScalingGroup group =
        admin().scalingGroups().getScalingGroup(tenant.id(), tenant.groupId()).getGroup();

    assertThat(group.getId()).hasToString(tenant.groupId());
    assertThat(group.getLinks())
        .singleElement()
        .satisfies(link -> assertLink(link, ResourceLink.RelEnum.SELF, groupPath() + "/"));
    assertThat(group.getGroupConfiguration().getName()).isEqualTo("web");
    assertThat(group.getGroupConfiguration().getCooldown()).isZero();
    assertThat(group.getGroupConfiguration().getMinEntities()).isZero();
    assertThat(group.getGroupConfiguration().getMaxEntities()).isZero();
    assertThat(group.getGroupConfiguration().getMetadata()).isEmpty();
    assertThat(group.getLaunchConfiguration().getType())
        .isEqualTo(LaunchConfiguration.TypeEnum.LAUNCH_SERVER);
    assertThat(group.getScalingPolicies())
        .extracting(policy -> policy.getId().toString())
        .containsExactlyElementsOf(policyIds());
    assertThat(group.getScalingPoliciesLinks())
        .singleElement()
        .satisfies(
            link -> assertLink(link, ResourceLink.RelEnum.POLICIES, groupPath() + "/policies/"));
    GroupState state = group.getState();
    assertThat(state.getName()).isEqualTo("web");
    assertThat(state.getStatus()).isEqualTo(GroupState.StatusEnum.ACTIVE);
    assertThat(state.getActive()).isEmpty();
    assertThat(
            List.of(
                state.getActiveCapacity(), state.getDesiredCapacity(), state.getPendingCapacity()))
        .containsOnly(0);
    assertThat(state.getPaused()).isFalse();
  }

  @Test
  void aPolicyHasTheReferenceShape() {
    Policy policy =
        admin().policies().getPolicy(tenant.id(), tenant.groupId(), tenant.policyId()).getPolicy();

    assertThat(policy.getId()).hasToString(tenant.policyId());
    assertThat(policy.getName()).isEqualTo("scale up");
    assertThat(policy.getChange()).isEqualTo(1);
    assertThat(policy.getCooldown()).isZero();
    assertThat(policy.getType()).isEqualTo(Policy.TypeEnum.WEBHOOK);
    assertThat(policy.getLinks())
        .singleElement()
        .satisfies(
            link ->
                assertLink(
                    link,
                    ResourceLink.RelEnum.SELF,
                    groupPath() + "/policies/" + tenant.policyId() + "/"));
  }

  @Test
  void policiesAreListedByIdAPageAtATime() {
    PolicyList all = policies(null, null);
    assertThat(all.getPolicies())
        .extracting(policy -> policy.getId().toString())
        .containsExactlyElementsOf(policyIds());
    assertThat(all.getPoliciesLinks()).isEmpty();

    PolicyList first = policies(1, null);
    assertThat(first.getPolicies())
        .extracting(policy -> policy.getId().toString())
        .containsExactly(policyIds().get(0));
    assertThat(first.getPoliciesLinks())
        .singleElement()
        .satisfies(
            link -> {
              assertThat(link.getRel()).isEqualTo(ResourceLink.RelEnum.NEXT);
              assertThat(link.getHref().getQuery())
                  .isEqualTo("limit=1&marker=" + policyIds().get(0));
            });
    assertThat(policies(1, policyIds().get(0)).getPolicies())
        .extracting(policy -> policy.getId().toString())
        .containsExactly(policyIds().get(1));
    assertThat(policies(null, "zzzz").getPolicies()).isEmpty();
  }

  @Test
  void anObserverMayReadThemAndAnotherTenantMayNot() {
    HookwireAutoscale observer = Fixtures.autoscale(tenant.observerToken());
    assertThat(
            observer
                .scalingGroups()
                .getScalingGroup(tenant.id(), tenant.groupId())
                .getGroup()
                .getId())
        .hasToString(tenant.groupId());
    assertThat(
            observer
                .policies()
                .getPolicy(tenant.id(), tenant.groupId(), tenant.policyId())
                .getPolicy()
                .getId())
        .hasToString(tenant.policyId());

    HookwireAutoscale other = Fixtures.autoscale(Fixtures.newTenant().adminToken());
    refused(
        403,
        ErrorType.FORBIDDEN,
        () -> other.scalingGroups().getScalingGroup(tenant.id(), tenant.groupId()));
    refused(
        403,
        ErrorType.FORBIDDEN,
        () -> other.policies().listPolicies(tenant.id(), tenant.groupId(), null, null));
    refused(
        403,
        ErrorType.FORBIDDEN,
        () -> other.policies().getPolicy(tenant.id(), tenant.groupId(), tenant.policyId()));
    assertError(send(RawHttp.request("GET", groupPath())), 401, "InvalidCredentials");
  }

  @Test
  void missingGroupsAndPoliciesAreTheirOwn404s() {
    String unknown = UUID.randomUUID().toString();
    refused(
        404,
        ErrorType.NO_SUCH_SCALING_GROUP_ERROR,
        () -> admin().scalingGroups().getScalingGroup(tenant.id(), unknown));
    refused(
        404,
        ErrorType.NO_SUCH_SCALING_GROUP_ERROR,
        () -> admin().scalingGroups().getScalingGroup(tenant.id(), "not-a-uuid"));
    refused(
        404,
        ErrorType.NO_SUCH_SCALING_GROUP_ERROR,
        () -> admin().policies().listPolicies(tenant.id(), unknown, null, null));
    refused(
        404,
        ErrorType.NO_SUCH_SCALING_GROUP_ERROR,
        () -> admin().policies().getPolicy(tenant.id(), unknown, tenant.policyId()));
    refused(
        404,
        ErrorType.NO_SUCH_POLICY_ERROR,
        () -> admin().policies().getPolicy(tenant.id(), tenant.groupId(), unknown));
    // Another tenant's group is no group of this tenant.
    Tenant other = Fixtures.newTenant();
    refused(
        404,
        ErrorType.NO_SUCH_SCALING_GROUP_ERROR,
        () -> admin().scalingGroups().getScalingGroup(tenant.id(), other.groupId()));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "/nope",
        "/policies/x/y/z",
        "/policies/{policy}/nope",
        "/policies/{policy}/webhooks/{unknown}/more"
      })
  void anUnknownRouteBelowAnExistingGroupSaysThePathIsUnknown(String below) {
    String path =
        groupPath()
            + below
                .replace("{policy}", tenant.policyId())
                .replace("{unknown}", UUID.randomUUID().toString());

    Answer answer = send(RawHttp.request("GET", path).authToken(tenant.adminToken()));

    assertThat(answer.status()).isEqualTo(404);
    String message = answer.json().path("error").path("message").asString();
    assertThat(message)
        .contains("No resource of this API is at this path")
        .doesNotContain("No such");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH"})
  void groupsAndPoliciesAreReadOnly(String method) {
    for (String path : List.of(groupPath(), groupPath() + "/policies", policyPath())) {
      Answer answer = send(RawHttp.request(method, path).authToken(tenant.adminToken()).json("{}"));
      assertError(answer, 405, "InvalidMethod");
      assertThat(answer.header("Allow")).hasValue("GET");
    }
  }

  @Test
  void everyPathWorksWithATrailingSlash() {
    for (String path : List.of(groupPath() + "/", groupPath() + "/policies/", policyPath() + "/")) {
      assertThat(send(RawHttp.request("GET", path).authToken(tenant.adminToken())).status())
          .as(path)
          .isEqualTo(200);
    }
  }

  /**
   * What pyrax does for {@code autoscale.get(group)} and then {@code add_webhook(group, policy,
   * name)} with ids: GET the group, GET the policy, POST the webhook, and read the policy again.
   */
  @Test
  void pyraxNavigatesFromTheGroupToANewWebhook() {
    JsonNode group = getJson(groupPath()).path("group");
    assertThat(group.path("groupConfiguration").path("name").asString()).isEqualTo("web");
    assertThat(group.path("launchConfiguration").path("args").has("server")).isTrue();
    assertThat(group.path("state").path("paused").isBoolean()).isTrue();
    String policyId = group.path("scalingPolicies").path(0).path("id").asString();

    JsonNode policy = getJson(groupPath() + "/policies/" + policyId).path("policy");
    assertThat(policy.path("id").asString()).isEqualTo(policyId);
    assertThat(policy.path("type").asString()).isEqualTo("webhook");

    Answer created =
        send(
            RawHttp.request("POST", groupPath() + "/policies/" + policyId + "/webhooks")
                .authToken(tenant.adminToken())
                .json("[{\"name\": \"pyrax\", \"metadata\": {}}]"));
    assertThat(created.status()).isEqualTo(201);
    JsonNode webhook = created.json().path("webhooks").path(0);
    assertThat(webhook.path("name").asString()).isEqualTo("pyrax");
    assertThat(
            getJson(groupPath() + "/policies/" + policyId + "/")
                .path("policy")
                .path("id")
                .asString())
        .isEqualTo(policyId);
    assertThat(
            getJson(
                    groupPath()
                        + "/policies/"
                        + policyId
                        + "/webhooks/"
                        + webhook.path("id").asString())
                .path("webhook")
                .path("name")
                .asString())
        .isEqualTo("pyrax");
  }

  private HookwireAutoscale admin() {
    return Fixtures.autoscale(tenant.adminToken());
  }

  /** The group's two policies, by id. */
  private List<String> policyIds() {
    return Stream.of(tenant.policyId(), tenant.otherPolicyId()).sorted().toList();
  }

  private JsonNode getJson(String path) {
    Answer answer = send(RawHttp.request("GET", path).authToken(tenant.adminToken()));
    assertThat(answer.status()).as("%s: %s", path, answer.body()).isEqualTo(200);
    return answer.json();
  }

  private PolicyList policies(Integer limit, String marker) {
    return admin().policies().listPolicies(tenant.id(), tenant.groupId(), limit, marker);
  }

  private String groupPath() {
    return "/v1.0/" + tenant.id() + "/groups/" + tenant.groupId();
  }

  private String policyPath() {
    return groupPath() + "/policies/" + tenant.policyId();
  }

  private static void assertLink(ResourceLink link, ResourceLink.RelEnum rel, String path) {
    assertThat(link.getRel()).isEqualTo(rel);
    URI href = link.getHref();
    assertThat(href.isAbsolute()).isTrue();
    assertThat(href.getPath()).isEqualTo(path);
  }
}
