package io.hookwire.contract.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hookwire.client.HookwireApiException;
import io.hookwire.client.autoscale.model.Webhook;
import io.hookwire.client.autoscale.model.WebhookCreate;
import io.hookwire.client.endpoints.model.EndpointCreate;
import io.hookwire.client.endpoints.model.EndpointCreateAttributes;
import io.hookwire.client.endpoints.model.EndpointCreateDocument;
import io.hookwire.client.endpoints.model.EndpointCreateRelationships;
import io.hookwire.client.endpoints.model.EndpointType;
import io.hookwire.client.endpoints.model.EnvironmentIdentifier;
import io.hookwire.client.endpoints.model.EnvironmentRelationship;
import io.hookwire.client.operator.api.AccountsApi;
import io.hookwire.client.operator.api.AutoScaleTenantsApi;
import io.hookwire.client.operator.model.AccountCreate;
import io.hookwire.client.operator.model.EnvironmentCreate;
import io.hookwire.client.operator.model.ScalingGroupCreate;
import io.hookwire.client.operator.model.ScalingPolicyCreate;
import io.hookwire.client.operator.model.TenantCreate;
import io.hookwire.client.operator.model.TenantTokenCreate;
import io.hookwire.client.operator.model.TenantTokenRole;
import io.hookwire.client.operator.model.User;
import io.hookwire.client.operator.model.UserCreate;
import io.hookwire.client.operator.model.UserRole;
import io.hookwire.contract.support.ContractServer;
import io.hookwire.contract.support.Fixtures;
import io.hookwire.contract.support.RawHttp;
import java.net.URI;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.springframework.http.ResponseEntity;

/**
 * Fresh data for one test, provisioned through the operator API, and the checks every create
 * shares; plus the product APIs' view of it, to prove what the operator API did.
 */
final class Provision {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ID_CHARACTERS = "0123456789abcdefghijklmnopqrstuvwxyz";

  private Provision() {}

  static AccountsApi accounts() {
    return Fixtures.operator().accounts();
  }

  static AutoScaleTenantsApi tenants() {
    return Fixtures.operator().tenants();
  }

  /**
   * @param prefix an id prefix such as {@code acc}
   * @return an id of the server's form that no resource has
   */
  static String unknownId(String prefix) {
    StringBuilder id = new StringBuilder(prefix).append('-');
    for (int i = 0; i < 17; i++) {
      id.append(ID_CHARACTERS.charAt(RANDOM.nextInt(ID_CHARACTERS.length())));
    }
    return id.toString();
  }

  /**
   * @return a tenant id no tenant has (the suite never creates one twice)
   */
  static String unusedTenantId() {
    return "contract-" + UUID.randomUUID();
  }

  static String account() {
    return accounts()
        .createAccount(new AccountCreate().name("contract " + UUID.randomUUID()))
        .getId();
  }

  static String environment(String accountId) {
    return accounts().createEnvironment(accountId, new EnvironmentCreate().name("env")).getId();
  }

  static String user(String accountId, UserRole role) {
    return accounts().createUser(accountId, new UserCreate().name("user").role(role)).getId();
  }

  /**
   * @param environmentIds the environments the user sees; null for all
   * @return the new user as created
   */
  static User user(String accountId, UserRole role, List<String> environmentIds) {
    return accounts()
        .createUser(
            accountId, new UserCreate().name("user").role(role).environmentIds(environmentIds));
  }

  static String userToken(String accountId, String userId) {
    return accounts().createUserToken(accountId, userId).getToken();
  }

  static String tenant() {
    return tenants().createTenant(new TenantCreate().id(unusedTenantId())).getId();
  }

  static UUID group(String tenantId) {
    return tenants().createScalingGroup(tenantId, new ScalingGroupCreate().name("group")).getId();
  }

  static UUID policy(String tenantId, UUID groupId) {
    return tenants()
        .createScalingPolicy(tenantId, groupId, new ScalingPolicyCreate().name("policy"))
        .getId();
  }

  static String tenantToken(String tenantId, TenantTokenRole role) {
    return tenants().createTenantToken(tenantId, new TenantTokenCreate().role(role)).getToken();
  }

  /**
   * For what the generated client cannot send.
   *
   * @param method the method
   * @param path the path
   * @param json the body, sent as {@code application/json}; empty for none
   * @return the answer to the request, with the operator token
   */
  static RawHttp.Answer raw(String method, String path, String json) {
    RawHttp request = RawHttp.request(method, path).bearer(ContractServer.get().operatorToken());
    return (json.isEmpty() ? request : request.json(json)).send();
  }

  /**
   * A 201 of a resource made just now, with an absolute {@code Location} of the given path.
   *
   * @param response a create's response
   * @param createdAt the created_at of the resource it shows
   * @param path the path the created resource has
   */
  static void assertCreated(ResponseEntity<?> response, OffsetDateTime createdAt, String path) {
    assertJustNow(createdAt);
    assertThat(response.getStatusCode().value()).isEqualTo(201);
    URI location = response.getHeaders().getLocation();
    assertThat(location).isNotNull();
    assertThat(location.isAbsolute()).as("absolute: %s", location).isTrue();
    assertThat(location.getPath()).isEqualTo(path);
  }

  /**
   * A list has each of the created resources once, and is ordered by creation time.
   *
   * @param items the list's items
   * @param createdAt the created_at of an item
   * @param created resources created for the test
   */
  static <T> void assertListedOnceByCreationTime(
      List<T> items, Function<T, OffsetDateTime> createdAt, List<T> created) {
    assertThat(items).containsOnlyOnceElementsOf(created).containsSubsequence(created);
    assertThat(items)
        .extracting(createdAt)
        .isSortedAccordingTo(Comparator.comparing(OffsetDateTime::toInstant));
  }

  /**
   * A list of tokens shows no secret: its items have only the given members.
   *
   * @param path the list's path
   * @param secrets the secrets of listed tokens
   * @param members the members every item has
   */
  static void assertListedWithout(String path, List<String> secrets, String... members) {
    RawHttp.Answer listed = raw("GET", path, "");
    assertThat(listed.body()).doesNotContain(secrets);
    var items = listed.json().get("items");
    assertThat(items.size()).as("listed tokens").isGreaterThanOrEqualTo(secrets.size());
    items.values().forEach(item -> assertThat(item.propertyNames()).containsOnly(members));
  }

  /**
   * @param createdAt a created_at the server just wrote
   */
  static void assertJustNow(OffsetDateTime createdAt) {
    // Generous: the server's clock need not be this machine's.
    assertThat(createdAt).isCloseTo(OffsetDateTime.now(), within(1, ChronoUnit.HOURS));
  }

  /**
   * @param call a call of a product API
   * @return 200 when the call succeeded (whatever its 2xx), else the status it failed with
   */
  static int statusOf(ThrowingCallable call) {
    try {
      call.call();
      return 200;
    } catch (HookwireApiException e) {
      return e.status();
    } catch (Throwable e) {
      throw new AssertionError(e);
    }
  }

  /**
   * @param userToken a user's token
   * @return the status of listing endpoints with it: 200 while it works
   */
  static int listEndpoints(String userToken) {
    return statusOf(
        () ->
            Fixtures.endpoints(userToken)
                .endpoints()
                .listEndpoints(null, null, null, null, null, null, null));
  }

  /**
   * @param userToken a user's token
   * @param environmentId an environment
   * @return the status of creating an endpoint in it as that user
   */
  static int createEndpoint(String userToken, String environmentId) {
    return statusOf(() -> endpoint(userToken, environmentId));
  }

  /**
   * @param userToken an admin's token that sees the environment
   * @param environmentId an environment
   * @return the id of a new endpoint in it
   */
  static String endpoint(String userToken, String environmentId) {
    EndpointCreateAttributes attributes =
        new EndpointCreateAttributes().name("hook").url("https://example.com/hook");
    EnvironmentRelationship environment =
        new EnvironmentRelationship()
            .data(
                new EnvironmentIdentifier()
                    .type(EnvironmentIdentifier.TypeEnum.ENVIRONMENTS)
                    .id(environmentId));
    EndpointCreate data =
        new EndpointCreate()
            .type(EndpointType.ENDPOINTS)
            .attributes(attributes)
            .relationships(new EndpointCreateRelationships().environment(environment));
    return Fixtures.endpoints(userToken)
        .endpoints()
        .createEndpoint(new EndpointCreateDocument().data(data), null)
        .getData()
        .getId();
  }

  /**
   * @param userToken a user's token
   * @param endpointId an endpoint
   * @return the status of getting it as that user
   */
  static int getEndpoint(String userToken, String endpointId) {
    return statusOf(() -> Fixtures.endpoints(userToken).endpoints().getEndpoint(endpointId, null));
  }

  /**
   * @param tenantToken a tenant's token
   * @param tenantId its tenant
   * @param groupId a group of the tenant
   * @param policyId a policy of that group
   * @return the status of listing the policy's webhooks with the token: 200 while it works
   */
  static int listWebhooks(String tenantToken, String tenantId, UUID groupId, UUID policyId) {
    return statusOf(
        () ->
            Fixtures.autoscale(tenantToken)
                .webhooks()
                .listWebhooks(tenantId, groupId.toString(), policyId.toString(), null, null));
  }

  /**
   * @param tenantToken an admin token of the tenant
   * @param tenantId the tenant
   * @param groupId a group of the tenant
   * @param policyId a policy of that group
   * @return a new webhook of the policy
   */
  static Webhook webhook(String tenantToken, String tenantId, UUID groupId, UUID policyId) {
    return Fixtures.autoscale(tenantToken)
        .webhooks()
        .createWebhooks(
            tenantId,
            groupId.toString(),
            policyId.toString(),
            List.of(new WebhookCreate().name("hook")))
        .getWebhooks()
        .get(0);
  }
}
