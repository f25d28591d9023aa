package io.hookwire.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class RetryInterceptorTest {

  @Test
  void backoffDoublesUpToTheCap() {
    RetryInterceptor retry =
        new RetryInterceptor(
            ClientOptions.defaults()
                .withMaxAttempts(10)
                .withBackoff(Duration.ofMillis(100), Duration.ofMillis(700)));
    HttpHeaders none = new HttpHeaders();

    assertThat(retry.delay(none, 1)).isEqualTo(Duration.ofMillis(100));
    assertThat(retry.delay(none, 2)).isEqualTo(Duration.ofMillis(200));
    assertThat(retry.delay(none, 3)).isEqualTo(Duration.ofMillis(400));
    assertThat(retry.delay(none, 4)).isEqualTo(Duration.ofMillis(700));
    assertThat(retry.delay(none, 60)).isEqualTo(Duration.ofMillis(700));
  }

  @Test
  void retryAfterWinsOverTheBackoff() {
    RetryInterceptor retry = new RetryInterceptor(ClientOptions.defaults());
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, "12");

    assertThat(retry.delay(headers, 1)).isEqualTo(Duration.ofSeconds(12));
  }

  @Test
  void parsesRetryAfterSecondsAndDates() {
    assertThat(RetryInterceptor.parseRetryAfter("3")).isEqualTo(Duration.ofSeconds(3));
    assertThat(RetryInterceptor.parseRetryAfter(" 0 ")).isEqualTo(Duration.ZERO);
    assertThat(RetryInterceptor.parseRetryAfter("-1")).isNull();
    assertThat(RetryInterceptor.parseRetryAfter("soon")).isNull();
    assertThat(RetryInterceptor.parseRetryAfter(null)).isNull();
    assertThat(
            RetryInterceptor.parseRetryAfter(
                DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().minusDays(1))))
        .isEqualTo(Duration.ZERO);
    Duration future =
        RetryInterceptor.parseRetryAfter(
            DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().plusSeconds(30)));
    assertThat(future).isBetween(Duration.ofSeconds(25), Duration.ofSeconds(30));
  }
}
