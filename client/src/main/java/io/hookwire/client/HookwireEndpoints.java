package io.hookwire.client;

import io.hookwire.client.endpoints.api.EndpointsApi;
import io.hookwire.client.endpoints.invoker.ApiClient;
import io.hookwire.client.endpoints.model.Endpoint;
import io.hookwire.client.endpoints.model.EndpointListDocument;
import io.hookwire.client.endpoints.model.JsonApiErrorDocument;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.http.HttpHeaders;

/**
 * The entry point of the Endpoints API (JSON:API, {@code /api/iacp/v3/endpoints}).
 *
 * <pre>{@code
 * HookwireEndpoints hookwire = HookwireEndpoints.connect(URI.create("http://localhost:8080"), token);
 * hookwire.endpoints().getEndpoint(id, null);
 * hookwire.streamEndpoints(EndpointQuery.all().withPageSize(50)).forEach(System.out::println);
 * }</pre>
 *
 * <p>Every request carries the bearer token, {@code Accept: application/vnd.api+json} and {@code
 * Prefer: profile=preview}; bodies are sent as {@code application/vnd.api+json} without their unset
 * fields. Every 4xx and 5xx answer is thrown as an {@link EndpointsApiException}; idempotent
 * requests answered 503 are retried (see {@link RetryInterceptor}). Pass {@code null} as the
 * generated methods' {@code prefer} argument: the preview profile is already asked for.
 */
public final class HookwireEndpoints {

  /** The media type of the Endpoints API. */
  public static final String JSON_API = "application/vnd.api+json";

  /** The {@code Prefer} header sent with every request. */
  public static final String PREFER_PREVIEW = "profile=preview";

  private static final Transport.Api<ApiClient, JsonApiErrorDocument> API =
      new Transport.Api<>(
          mapper ->
              ApiClient.buildRestClientBuilder(mapper)
                  .defaultHeader(HttpHeaders.ACCEPT, JSON_API)
                  .defaultHeader("Prefer", PREFER_PREVIEW),
          (restClient, mapper) ->
              new ApiClient(restClient, mapper, ApiClient.createDefaultDateFormat()),
          ApiClient::setBasePath,
          JsonApiErrorDocument.class,
          document -> document.getErrors() != null && !document.getErrors().isEmpty(),
          EndpointsApiException::new);

  private final ApiClient apiClient;

  private HookwireEndpoints(ApiClient apiClient) {
    this.apiClient = apiClient;
  }

  /**
   * Connects with the {@linkplain ClientOptions#defaults() default options}.
   *
   * @param baseUrl the server's base URL, e.g. {@code http://localhost:8080}
   * @param bearerToken the caller's bearer token
   * @return the entry point
   */
  public static HookwireEndpoints connect(URI baseUrl, String bearerToken) {
    return connect(baseUrl, bearerToken, ClientOptions.defaults());
  }

  /**
   * @param baseUrl the server's base URL, e.g. {@code http://localhost:8080}
   * @param bearerToken the caller's bearer token
   * @param options timeouts and retries
   * @return the entry point
   */
  public static HookwireEndpoints connect(URI baseUrl, String bearerToken, ClientOptions options) {
    Objects.requireNonNull(bearerToken, "bearerToken");
    ApiClient apiClient = Transport.connect(API, baseUrl, options);
    apiClient.setBearerToken(bearerToken);
    return new HookwireEndpoints(apiClient);
  }

  /**
   * @return the generated API, configured
   */
  public EndpointsApi endpoints() {
    return new EndpointsApi(apiClient);
  }

  /**
   * @return the generated invoker behind {@link #endpoints()}, which returns a new view on it at
   *     each call
   */
  public ApiClient apiClient() {
    return apiClient;
  }

  /**
   * Every endpoint the query matches, over all pages; a page is requested only when the items of
   * the previous one have been consumed. Each iteration starts again from the first page.
   *
   * @param query filters, sort and page size
   * @return the endpoints
   */
  public Iterable<Endpoint> allEndpoints(EndpointQuery query) {
    return Pages.iterable(1, page -> fetch(query, page));
  }

  /**
   * Like {@link #allEndpoints(EndpointQuery)}, as a sequential stream.
   *
   * @param query filters, sort and page size
   * @return the endpoints
   */
  public Stream<Endpoint> streamEndpoints(EndpointQuery query) {
    return Pages.stream(1, page -> fetch(query, page));
  }

  private Pages.Page<Integer, Endpoint> fetch(EndpointQuery query, Integer page) {
    EndpointListDocument document =
        endpoints()
            .listEndpoints(
                null,
                query.account(),
                query.environment(),
                query.query(),
                query.sort().isEmpty() ? null : query.sort(),
                page,
                query.pageSize());
    Integer next = null;
    if (document.getMeta() != null && document.getMeta().getPagination() != null) {
      next = document.getMeta().getPagination().getNextPage();
    }
    return new Pages.Page<>(document.getData(), next);
  }

  /**
   * What {@link #allEndpoints(EndpointQuery)} lists; {@code null} members are left out of the
   * request.
   *
   * @param account {@code filter[account]}
   * @param environment {@code filter[environment]}
   * @param query {@code query}, a free-text search
   * @param sort {@code sort} keys, e.g. {@code -name}
   * @param pageSize {@code page[size]}, or {@code null} for the server's default
   */
  public record EndpointQuery(
      String account, String environment, String query, List<String> sort, Integer pageSize) {

    /** Copies the sort keys. */
    public EndpointQuery {
      sort = sort == null ? List.of() : List.copyOf(sort);
    }

    /**
     * @return every endpoint the caller may see, in the server's order and page size
     */
    public static EndpointQuery all() {
      return new EndpointQuery(null, null, null, List.of(), null);
    }

    /**
     * @param accountId the account
     * @return a copy filtered to that account
     */
    public EndpointQuery withAccount(String accountId) {
      return new EndpointQuery(accountId, environment, query, sort, pageSize);
    }

    /**
     * @param environmentId the environment
     * @return a copy filtered to that environment
     */
    public EndpointQuery withEnvironment(String environmentId) {
      return new EndpointQuery(account, environmentId, query, sort, pageSize);
    }

    /**
     * @param text the search text
     * @return a copy with that search
     */
    public EndpointQuery withQuery(String text) {
      return new EndpointQuery(account, environment, text, sort, pageSize);
    }

    /**
     * @param keys the sort keys, e.g. {@code "-name"}
     * @return a copy sorted by them
     */
    public EndpointQuery withSort(String... keys) {
      return new EndpointQuery(account, environment, query, List.of(keys), pageSize);
    }

    /**
     * @param size the page size
     * @return a copy with that page size
     */
    public EndpointQuery withPageSize(int size) {
      return new EndpointQuery(account, environment, query, sort, size);
    }
  }
}
