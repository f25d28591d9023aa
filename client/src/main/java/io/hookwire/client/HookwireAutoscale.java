package io.hookwire.client;

import io.hookwire.client.autoscale.api.CapabilitiesApi;
import io.hookwire.client.autoscale.api.PoliciesApi;
import io.hookwire.client.autoscale.api.ScalingGroupsApi;
import io.hookwire.client.autoscale.api.WebhooksApi;
import io.hookwire.client.autoscale.invoker.ApiClient;
import io.hookwire.client.autoscale.model.ErrorResponse;
import io.hookwire.client.autoscale.model.Link;
import io.hookwire.client.autoscale.model.Webhook;
import io.hookwire.client.autoscale.model.WebhookList;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The entry point of the Auto Scale webhooks API ({@code /v1.0/{tenantId}/groups/…/webhooks}).
 *
 * <pre>{@code
 * HookwireAutoscale autoscale = HookwireAutoscale.connect(URI.create("http://localhost:8080"), token);
 * autoscale.streamWebhooks(tenantId, groupId, policyId, null).forEach(System.out::println);
 * }</pre>
 *
 * <p>Every authenticated request carries {@code X-Auth-Token}; bodies are sent without their unset
 * fields. Every 4xx and 5xx answer is thrown as an {@link AutoscaleApiException}; idempotent
 * requests answered 503, or 413 {@code RateLimitError} with {@code Retry-After}, are retried (see
 * {@link RetryInterceptor}).
 */
public final class HookwireAutoscale {

  private static final Transport.Api<ApiClient, ErrorResponse> API =
      new Transport.Api<>(
          ApiClient::buildRestClientBuilder,
          (restClient, mapper) ->
              new ApiClient(restClient, mapper, ApiClient.createDefaultDateFormat()),
          ApiClient::setBasePath,
          ErrorResponse.class,
          envelope -> envelope.getError() != null,
          AutoscaleApiException::new);

  private final ApiClient apiClient;

  private HookwireAutoscale(ApiClient apiClient) {
    this.apiClient = apiClient;
  }

  /**
   * Connects with the {@linkplain ClientOptions#defaults() default options}.
   *
   * @param baseUrl the server's base URL, e.g. {@code http://localhost:8080}
   * @param authToken the tenant token sent as {@code X-Auth-Token}
   * @return the entry point
   */
  public static HookwireAutoscale connect(URI baseUrl, String authToken) {
    return connect(baseUrl, authToken, ClientOptions.defaults());
  }

  /**
   * @param baseUrl the server's base URL, e.g. {@code http://localhost:8080}
   * @param authToken the tenant token sent as {@code X-Auth-Token}
   * @param options timeouts and retries
   * @return the entry point
   */
  public static HookwireAutoscale connect(URI baseUrl, String authToken, ClientOptions options) {
    Objects.requireNonNull(authToken, "authToken");
    ApiClient apiClient = Transport.connect(API, baseUrl, options);
    apiClient.setApiKey(authToken);
    return new HookwireAutoscale(apiClient);
  }

  /**
   * @return the generated scaling groups API (read-only), configured
   */
  public ScalingGroupsApi scalingGroups() {
    return new ScalingGroupsApi(apiClient);
  }

  /**
   * @return the generated policies API (read-only), configured
   */
  public PoliciesApi policies() {
    return new PoliciesApi(apiClient);
  }

  /**
   * @return the generated webhooks API, configured
   */
  public WebhooksApi webhooks() {
    return new WebhooksApi(apiClient);
  }

  /**
   * @return the generated capabilities API (anonymous capability execution), configured
   */
  public CapabilitiesApi capabilities() {
    return new CapabilitiesApi(apiClient);
  }

  /**
   * @return the generated invoker behind the APIs; each API accessor returns a new view on it
   */
  public ApiClient apiClient() {
    return apiClient;
  }

  /**
   * Every webhook of a policy, over all pages, following the {@code next} link's {@code marker}; a
   * page is requested only when the items of the previous one have been consumed. Each iteration
   * starts again from the first page.
   *
   * @param tenantId the tenant
   * @param groupId the scaling group
   * @param policyId the scaling policy
   * @param limit the page size, or {@code null} for the server's default
   * @return the webhooks
   */
  public Iterable<Webhook> allWebhooks(
      String tenantId, String groupId, String policyId, Integer limit) {
    return Pages.<String, Webhook>iterable(
        null, marker -> fetch(tenantId, groupId, policyId, limit, marker));
  }

  /**
   * Like {@link #allWebhooks(String, String, String, Integer)}, as a sequential stream.
   *
   * @param tenantId the tenant
   * @param groupId the scaling group
   * @param policyId the scaling policy
   * @param limit the page size, or {@code null} for the server's default
   * @return the webhooks
   */
  public Stream<Webhook> streamWebhooks(
      String tenantId, String groupId, String policyId, Integer limit) {
    return Pages.<String, Webhook>stream(
        null, marker -> fetch(tenantId, groupId, policyId, limit, marker));
  }

  private Pages.Page<String, Webhook> fetch(
      String tenantId, String groupId, String policyId, Integer limit, String marker) {
    WebhookList list = webhooks().listWebhooks(tenantId, groupId, policyId, limit, marker);
    return new Pages.Page<>(list.getWebhooks(), nextMarker(list.getWebhooksLinks()));
  }

  static String nextMarker(List<Link> links) {
    if (links == null) {
      return null;
    }
    for (Link link : links) {
      if (link.getRel() == Link.RelEnum.NEXT && link.getHref() != null) {
        String marker =
            UriComponentsBuilder.fromUri(link.getHref())
                .build()
                .getQueryParams()
                .getFirst("marker");
        return marker == null || marker.isBlank() ? null : marker;
      }
    }
    return null;
  }
}
