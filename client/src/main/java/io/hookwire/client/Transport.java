package io.hookwire.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/** The transport shared by the entry points: timeouts, retries and typed error answers. */
final class Transport {

  private Transport() {}

  /** Makes the exception of an API from an error answer and its parsed body (or null). */
  @FunctionalInterface
  interface ExceptionFactory<T> {
    RuntimeException create(
        HttpStatusCode status, String statusText, HttpHeaders headers, byte[] body, T parsed);
  }

  /** Makes the generated invoker of an API around the configured client and the client's mapper. */
  @FunctionalInterface
  interface InvokerFactory<C> {
    C create(RestClient restClient, JsonMapper mapper);
  }

  /**
   * What an entry point hands over to {@link #connect}: the generated invoker classes of the APIs
   * share no type, so each gives its own as functions, with the API's error body and exception.
   *
   * @param restClientBuilder the generated {@code ApiClient.buildRestClientBuilder}, plus any
   *     default headers of the API
   * @param invoker the generated {@code ApiClient}'s constructor
   * @param basePath the generated {@code ApiClient.setBasePath}
   * @param errorType the API's error body
   * @param isErrorBody whether a parsed body really is one (and not another JSON document)
   * @param exceptions the API's exception
   */
  record Api<C, T>(
      Function<JsonMapper, RestClient.Builder> restClientBuilder,
      InvokerFactory<C> invoker,
      BiConsumer<C, String> basePath,
      Class<T> errorType,
      Predicate<T> isErrorBody,
      ExceptionFactory<T> exceptions) {}

  /** The invoker of an API at the base URL, with the options; its credentials are still unset. */
  static <C, T> C connect(Api<C, T> api, URI baseUrl, ClientOptions options) {
    JsonMapper mapper = ClientJsonMapper.create();
    RestClient restClient =
        configure(api.restClientBuilder().apply(mapper), options, mapper, api).build();
    C invoker = api.invoker().create(restClient, mapper);
    api.basePath().accept(invoker, baseUrl(baseUrl));
    return invoker;
  }

  private static String baseUrl(URI baseUrl) {
    String url = Objects.requireNonNull(baseUrl, "baseUrl").toString();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /**
   * Applies the options to a builder made by a generated {@code ApiClient.buildRestClientBuilder}
   * and turns every 4xx and 5xx answer into the API's exception.
   */
  private static <T> RestClient.Builder configure(
      RestClient.Builder builder, ClientOptions options, JsonMapper mapper, Api<?, T> api) {
    HttpClient httpClient =
        HttpClient.newBuilder()
            .connectTimeout(options.connectTimeout())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(httpClient);
    factory.setReadTimeout(options.readTimeout());
    return builder
        .requestFactory(factory)
        .requestInterceptor(new RetryInterceptor(options))
        .requestInterceptors(interceptors -> interceptors.addAll(options.interceptors()))
        .defaultStatusHandler(
            HttpStatusCode::isError,
            (request, response) -> {
              throw toException(response, mapper, api);
            });
  }

  private static <T> RuntimeException toException(
      ClientHttpResponse response, JsonMapper mapper, Api<?, T> api) throws IOException {
    byte[] body = readBody(response);
    T parsed = null;
    if (body.length > 0) {
      try {
        T candidate = mapper.readValue(body, api.errorType());
        if (candidate != null && api.isErrorBody().test(candidate)) {
          parsed = candidate;
        }
      } catch (RuntimeException notTheErrorSchema) {
        // Not the API's error body (an HTML page from a proxy, say): keep the raw body only.
      }
    }
    return api.exceptions()
        .create(
            response.getStatusCode(),
            response.getStatusText(),
            response.getHeaders(),
            body,
            parsed);
  }

  private static byte[] readBody(ClientHttpResponse response) {
    try (InputStream in = response.getBody()) {
      return in.readAllBytes();
    } catch (IOException unreadable) {
      return new byte[0];
    }
  }
}
