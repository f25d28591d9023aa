package io.hookwire.client;

import io.hookwire.client.operator.api.AccountsApi;
import io.hookwire.client.operator.api.AutoScaleTenantsApi;
import io.hookwire.client.operator.invoker.ApiClient;
import io.hookwire.client.operator.model.Problem;
import java.net.URI;
import java.util.Objects;

/**
 * The entry point of the operator API ({@code /operator/v1}): accounts, environments, users,
 * tenants, scaling groups, policies and tokens.
 *
 * <pre>{@code
 * HookwireOperator operator = HookwireOperator.connect(URI.create("http://localhost:8080"), token);
 * operator.accounts().listAccounts();
 * }</pre>
 *
 * <p>Every request carries the operator's bearer token; bodies are sent without their unset fields.
 * Every 4xx and 5xx answer is thrown as an {@link OperatorApiException}; idempotent requests
 * answered 503 are retried (see {@link RetryInterceptor}).
 */
public final class HookwireOperator {

  private static final Transport.Api<ApiClient, Problem> API =
      new Transport.Api<>(
          ApiClient::buildRestClientBuilder,
          (restClient, mapper) ->
              new ApiClient(restClient, mapper, ApiClient.createDefaultDateFormat()),
          ApiClient::setBasePath,
          Problem.class,
          problem -> problem.getTitle() != null || problem.getStatus() != null,
          OperatorApiException::new);

  private final ApiClient apiClient;

  private HookwireOperator(ApiClient apiClient) {
    this.apiClient = apiClient;
  }

  /**
   * Connects with the {@linkplain ClientOptions#defaults() default options}.
   *
   * @param baseUrl the server's base URL, e.g. {@code http://localhost:8080}
   * @param operatorToken the operator's bearer token
   * @return the entry point
   */
  public static HookwireOperator connect(URI baseUrl, String operatorToken) {
    return connect(baseUrl, operatorToken, ClientOptions.defaults());
  }

  /**
   * @param baseUrl the server's base URL, e.g. {@code http://localhost:8080}
   * @param operatorToken the operator's bearer token
   * @param options timeouts and retries
   * @return the entry point
   */
  public static HookwireOperator connect(URI baseUrl, String operatorToken, ClientOptions options) {
    Objects.requireNonNull(operatorToken, "operatorToken");
    ApiClient apiClient = Transport.connect(API, baseUrl, options);
    apiClient.setBearerToken(operatorToken);
    return new HookwireOperator(apiClient);
  }

  /**
   * @return the generated accounts API (accounts, environments, users, user tokens), configured
   */
  public AccountsApi accounts() {
    return new AccountsApi(apiClient);
  }

  /**
   * @return the generated Auto Scale tenants API (tenants, groups, policies, tenant tokens)
   */
  public AutoScaleTenantsApi tenants() {
    return new AutoScaleTenantsApi(apiClient);
  }

  /**
   * @return the generated invoker behind both APIs; each API accessor returns a new view on it
   */
  public ApiClient apiClient() {
    return apiClient;
  }
}
