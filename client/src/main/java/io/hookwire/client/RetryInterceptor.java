package io.hookwire.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Resends idempotent requests ({@code GET}, {@code HEAD}, {@code OPTIONS}, {@code PUT}, {@code
 * DELETE}; never {@code POST} or {@code PATCH}) that were answered 503, or 413 with a {@code
 * Retry-After} header (Auto Scale's {@code RateLimitError}; a 413 without it is a body that is too
 * large, which retrying cannot fix).
 *
 * <p>The wait is the {@code Retry-After} value (seconds or an HTTP date) when present, otherwise an
 * exponential backoff from {@link ClientOptions#initialBackoff()} doubling up to {@link
 * ClientOptions#maxBackoff()}. After {@link ClientOptions#maxAttempts()} attempts the last answer
 * is returned as it is.
 */
public final class RetryInterceptor implements ClientHttpRequestInterceptor {

  private static final Set<HttpMethod> IDEMPOTENT =
      Set.of(
          HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.PUT, HttpMethod.DELETE);

  private final ClientOptions options;

  /**
   * @param options the attempts, backoff and sleeper to use
   */
  public RetryInterceptor(ClientOptions options) {
    this.options = options;
  }

  @Override
  public ClientHttpResponse intercept(
      HttpRequest request, byte[] body, ClientHttpRequestExecution execution) throws IOException {
    if (!IDEMPOTENT.contains(request.getMethod())) {
      return execution.execute(request, body);
    }
    for (int attempt = 1; ; attempt++) {
      ClientHttpResponse response = execution.execute(request, body);
      if (attempt >= options.maxAttempts() || !isRetryable(response)) {
        return response;
      }
      Duration delay = delay(response.getHeaders(), attempt);
      response.close();
      try {
        options.sleeper().sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        InterruptedIOException interrupted =
            new InterruptedIOException("interrupted while waiting to retry " + request.getURI());
        interrupted.initCause(e);
        throw interrupted;
      }
    }
  }

  private static boolean isRetryable(ClientHttpResponse response) throws IOException {
    int status = response.getStatusCode().value();
    return status == 503
        || (status == 413 && response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER) != null);
  }

  /** The wait before attempt {@code attempt + 1}. */
  Duration delay(HttpHeaders headers, int attempt) {
    Duration retryAfter = parseRetryAfter(headers.getFirst(HttpHeaders.RETRY_AFTER));
    if (retryAfter != null) {
      return retryAfter;
    }
    Duration delay = options.initialBackoff();
    for (int i = 1; i < attempt && delay.compareTo(options.maxBackoff()) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(options.maxBackoff()) > 0 ? options.maxBackoff() : delay;
  }

  static Duration parseRetryAfter(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String trimmed = value.trim();
    try {
      long seconds = Long.parseLong(trimmed);
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException notSeconds) {
      try {
        Duration until =
            Duration.between(
                ZonedDateTime.now(),
                ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME));
        return until.isNegative() ? Duration.ZERO : until;
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }
}
