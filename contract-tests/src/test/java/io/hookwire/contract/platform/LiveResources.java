package io.hookwire.contract.platform;

import io.hookwire.client.autoscale.model.Link;
import io.hookwire.client.autoscale.model.Webhook;
import io.hookwire.client.autoscale.model.WebhookCreate;
import io.hookwire.client.operator.model.TenantTokenCreate;
import io.hookwire.client.operator.model.TenantTokenRole;
import io.hookwire.client.operator.model.UserCreate;
import io.hookwire.client.operator.model.UserRole;
import io.hookwire.contract.support.Api;
import io.hookwire.contract.support.ContractServer;
import io.hookwire.contract.support.Fixtures;
import io.hookwire.contract.support.RawHttp;
import io.hookwire.contract.support.SpecOperation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One live resource of every kind and a caller allowed to use it, so that a request to any
 * operation names real resources and is refused only for the reason a test gives it.
 */
final class LiveResources {

  private final Fixtures.Account account;
  private final Fixtures.Tenant tenant;
  private final Map<String, String> pathValues = new HashMap<>();
  private final String userTokenId;
  private final String tenantTokenId;

  LiveResources() {
    account = Fixtures.newAccount();
    tenant = Fixtures.newTenant();
    var accounts = Fixtures.operator().accounts();
    String userId =
        accounts
            .createUser(account.id(), new UserCreate().name("spare").role(UserRole.READER))
            .getId();
    userTokenId = accounts.createUserToken(account.id(), userId).getId();
    tenantTokenId =
        Fixtures.operator()
            .tenants()
            .createTenantToken(tenant.id(), new TenantTokenCreate().role(TenantTokenRole.OBSERVER))
            .getId();
    Webhook webhook =
        Fixtures.autoscale(tenant.adminToken())
            .webhooks()
            .createWebhooks(
                tenant.id(),
                tenant.groupId(),
                tenant.policyId(),
                List.of(new WebhookCreate().name("spare")))
            .getWebhooks()
            .get(0);
    String capability =
        webhook.getLinks().stream()
            .filter(link -> link.getRel() == Link.RelEnum.CAPABILITY)
            .findFirst()
            .orElseThrow()
            .getHref()
            .toString();
    String endpointId =
        RawHttp.request("POST", "/api/iacp/v3/endpoints")
            .bearer(account.adminToken())
            .body(
                "application/vnd.api+json",
                """
                {"data": {"type": "endpoints",
                  "attributes": {"name": "spare", "url": "https://example.com/hook"},
                  "relationships": {"account": {"data": {"type": "accounts", "id": "%s"}}}}}"""
                    .formatted(account.id()))
            .send()
            .json()
            .at("/data/id")
            .asString();
    pathValues.putAll(
        Map.of(
            "endpoint", endpointId,
            "accountId", account.id(),
            "environmentId", account.environmentIds().get(0),
            "userId", userId,
            "tenantId", tenant.id(),
            "groupId", tenant.groupId(),
            "policyId", tenant.policyId(),
            "webhookId", webhook.getId().toString(),
            "capabilityVersion", "1",
            "capabilityHash", capability.replaceAll(".*/([0-9a-f]{64})/?$", "$1")));
  }

  /**
   * @param operation an operation
   * @return its path, naming live resources
   */
  String path(SpecOperation operation) {
    Map<String, String> values = new HashMap<>(pathValues);
    // Users and tenants both have tokens; each path names its own kind.
    values.put(
        "tokenId", operation.pathTemplate().contains("/users/") ? userTokenId : tenantTokenId);
    return operation.path(values);
  }

  /**
   * @param operation an operation
   * @param method the method to send, which may not be the operation's
   * @return a request to it with the credentials of a caller allowed to use it
   */
  RawHttp authorised(SpecOperation operation, String method) {
    return authorised(operation, method, path(operation));
  }

  /**
   * @param operation an operation
   * @param method the method to send
   * @param path the path to send it to, e.g. the operation's with something changed
   * @return a request with the credentials of a caller allowed to use the operation
   */
  RawHttp authorised(SpecOperation operation, String method, String path) {
    RawHttp request = RawHttp.request(method, path);
    return switch (operation.api()) {
      case ENDPOINTS -> request.bearer(account.adminToken());
      case AUTOSCALE ->
          operation.operationId().equals("executeCapability")
              ? request
              : request.authToken(tenant.adminToken());
      case OPERATOR -> request.bearer(ContractServer.get().operatorToken());
    };
  }

  /**
   * @param operation an operation
   * @return a request to it without any credentials
   */
  RawHttp anonymous(SpecOperation operation) {
    return RawHttp.request(operation.method(), path(operation));
  }

  /**
   * @param api an API
   * @param token a token
   * @param request a request
   * @return the request carrying that token the way the API reads it
   */
  static RawHttp withToken(Api api, String token, RawHttp request) {
    return api == Api.AUTOSCALE ? request.authToken(token) : request.bearer(token);
  }
}
