package com.example.hookwire;

import io.hookwire.client.AutoscaleApiException;
import io.hookwire.client.EndpointsApiException;
import io.hookwire.client.HookwireAutoscale;
import io.hookwire.client.HookwireEndpoints;
import io.hookwire.client.HookwireEndpoints.EndpointQuery;
import io.hookwire.client.autoscale.model.ErrorType;
import io.hookwire.client.endpoints.model.AccountIdentifier;
import io.hookwire.client.endpoints.model.AccountRelationship;
import io.hookwire.client.endpoints.model.EndpointCreate;
import io.hookwire.client.endpoints.model.EndpointCreateAttributes;
import io.hookwire.client.endpoints.model.EndpointCreateDocument;
import io.hookwire.client.endpoints.model.EndpointCreateRelationships;
import io.hookwire.client.endpoints.model.EndpointType;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Uses both Hookwire APIs the way an application would: registers an endpoint, lists the endpoints
 * by name and looks up an Auto Scale webhook, handling the APIs' error answers.
 */
public final class WebhookAdmin {

  private final HookwireEndpoints hookwire;
  private final HookwireAutoscale autoscale;

  /**
   * @param baseUrl the server, e.g. {@code http://localhost:8080}
   * @param endpointsToken the bearer token of the Endpoints API
   * @param autoscaleToken the {@code X-Auth-Token} of the Auto Scale API
   */
  public WebhookAdmin(URI baseUrl, String endpointsToken, String autoscaleToken) {
    hookwire = HookwireEndpoints.connect(baseUrl, endpointsToken);
    autoscale = HookwireAutoscale.connect(baseUrl, autoscaleToken);
  }

  /**
   * Registers an endpoint in an account.
   *
   * @return its id, or empty, after printing the API's errors, if the API refused it
   */
  public Optional<String> register(String accountId, String name, String url) {
    AccountIdentifier account =
        new AccountIdentifier().type(AccountIdentifier.TypeEnum.ACCOUNTS).id(accountId);
    EndpointCreateDocument request =
        new EndpointCreateDocument()
            .data(
                new EndpointCreate()
                    .type(EndpointType.ENDPOINTS)
                    .attributes(new EndpointCreateAttributes().name(name).url(url))
                    .relationships(
                        new EndpointCreateRelationships()
                            .account(new AccountRelationship().data(account))));
    try {
      return Optional.of(hookwire.endpoints().createEndpoint(request, null).getData().getId());
    } catch (EndpointsApiException e) {
      e.errors().forEach(error -> System.err.println(error.getTitle() + ": " + error.getDetail()));
      return Optional.empty();
    }
  }

  /** The names of all endpoints, sorted by name, fetched page by page. */
  public List<String> endpointNames() {
    return hookwire
        .streamEndpoints(EndpointQuery.all().withSort("name"))
        .map(endpoint -> endpoint.getAttributes().getName())
        .toList();
  }

  /**
   * Looks up a webhook of a scaling policy.
   *
   * @return its name, or empty if there is no such webhook
   * @throws AutoscaleApiException any other error answer
   */
  public Optional<String> webhookName(
      String tenantId, String groupId, String policyId, String webhookId) {
    try {
      return Optional.of(
          autoscale
              .webhooks()
              .getWebhook(tenantId, groupId, policyId, webhookId)
              .getWebhook()
              .getName());
    } catch (AutoscaleApiException e) {
      if (e.type().orElse(null) == ErrorType.NO_SUCH_WEBHOOK_ERROR) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * Runs against the demo server ({@code ./mvnw -pl server spring-boot:run}) or the base URL given.
   */
  public static void main(String[] args) {
    URI baseUrl = URI.create(args.length > 0 ? args[0] : "http://localhost:8080");
    WebhookAdmin admin =
        new WebhookAdmin(baseUrl, "demo-admin-token", "demo-autoscale-admin-token");

    admin
        .register("acc-t2fcrq6h1v3nf0g", "Orders", "https://hooks.example.com/orders")
        .ifPresent(id -> System.out.println("registered " + id));
    admin.endpointNames().forEach(name -> System.out.println("endpoint " + name));
    System.out.println(
        admin
            .webhookName(
                "676873",
                "605e13f6-1452-4588-b5da-ac6bb468c5bf",
                "eb0fe1bf-3428-4f34-afd9-a5ac36f60511",
                "00000000-0000-0000-0000-000000000001")
            .map(name -> "webhook " + name)
            .orElse("no such webhook"));
  }
}
