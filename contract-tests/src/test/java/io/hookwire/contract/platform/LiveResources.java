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
import io.hookwire.contract.support.Specs;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
   * @param template a path whose parameters are named as in the specs, e.g. {@code
   *     /v1.0/{tenantId}/nope}
   * @return the path, naming live resources
   */
  String path(String template) {
    String path = template;
    for (var value : pathValues.entrySet()) {
      path = path.replace("{" + value.getKey() + "}", value.getValue());
    }
    return path;
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
    credentials(operation).ifPresent(header -> request.header(header.getKey(), header.getValue()));
    return request;
  }

  /**
   * @param operation an operation
   * @return the header carrying the credentials of a caller allowed to use it, if it needs any
   */
  Optional<Map.Entry<String, String>> credentials(SpecOperation operation) {
    return operation.operationId().equals("executeCapability")
        ? Optional.empty()
        : Optional.of(credentials(operation.api()));
  }

  /**
   * @param api an API
   * @return the header carrying the credentials of a caller allowed to use its live resources
   */
  Map.Entry<String, String> credentials(Api api) {
    return switch (api) {
      case ENDPOINTS -> Map.entry("Authorization", "Bearer " + account.adminToken());
      case AUTOSCALE -> Map.entry("X-Auth-Token", tenant.adminToken());
      case OPERATOR -> Map.entry("Authorization", "Bearer " + ContractServer.get().operatorToken());
    };
  }

  /**
   * @param operation an operation that takes a body
   * @return its spec's request example, with every id the specs give as a path example (the demo
   *     data's) replaced by the live one, so that the body is valid here
   */
  String body(SpecOperation operation) {
    String body = operation.requestExample().orElseThrow();
    for (SpecOperation any : Specs.operations()) {
      for (var example : any.pathExamples().entrySet()) {
        String live = pathValues.get(example.getKey());
        if (live != null) {
          body = body.replace('"' + example.getValue() + '"', '"' + live + '"');
        }
      }
    }
    return body;
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
