package io.hookwire.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Objects;
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

  static String baseUrl(URI baseUrl) {
    String url = Objects.requireNonNull(baseUrl, "baseUrl").toString();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /**
   * Applies the options to a builder made by a generated {@code ApiClient.buildRestClientBuilder}
   * and turns every 4xx and 5xx answer into the API's exception.
   */
  static <T> RestClient.Builder configure(
      RestClient.Builder builder,
      ClientOptions options,
      JsonMapper mapper,
      Class<T> errorType,
      Predicate<T> isErrorBody,
      ExceptionFactory<T> exceptions) {
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
              throw toException(response, mapper, errorType, isErrorBody, exceptions);
            });
  }

  static <T> RuntimeException toException(
      ClientHttpResponse response,
      JsonMapper mapper,
      Class<T> errorType,
      Predicate<T> isErrorBody,
      ExceptionFactory<T> exceptions)
      throws IOException {
    byte[] body = readBody(response);
    T parsed = null;
    if (body.length > 0) {
      try {
        T candidate = mapper.readValue(body, errorType);
        if (candidate != null && isErrorBody.test(candidate)) {
          parsed = candidate;
        }
      } catch (RuntimeException notTheErrorSchema) {
        // Not the API's error body (an HTML page from a proxy, say): keep the raw body only.
      }
    }
    return exceptions.create(
        response.getStatusCode(), response.getStatusText(), response.getHeaders(), body, parsed);
  }

  private static byte[] readBody(ClientHttpResponse response) {
    try (InputStream in = response.getBody()) {
      return in.readAllBytes();
    } catch (IOException unreadable) {
      return new byte[0];
    }
  }
}
