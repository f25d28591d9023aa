package io.hookwire.server.platform.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.BucketExceptions;
import io.hookwire.server.platform.errors.Failure.Kind;
import java.io.EOFException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.util.stream.Stream;
import org.apache.coyote.BadRequestException;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionSystemException;

/** Failures of reading a request and of the database, told apart however they are wrapped. */
class FailuresTest {

  static Stream<Arguments> ioFailures() {
    return Stream.of(
        Arguments.of(
            Named.of("a broken chunk", readFailure(new BadRequestException("Invalid chunk"))),
            Kind.UNREADABLE_REQUEST),
        Arguments.of(
            Named.of("a body shorter than its length", readFailure(new EOFException())),
            Kind.UNREADABLE_REQUEST),
        Arguments.of(
            Named.of("a body that stopped arriving", new SocketTimeoutException("Read timed out")),
            Kind.UNREADABLE_REQUEST),
        Arguments.of(
            Named.of(
                "a database that stopped answering",
                new DataAccessResourceFailureException(
                    "query failed",
                    new SQLException(
                        "An I/O error occurred while sending to the backend.",
                        "08006",
                        new SocketTimeoutException("Read timed out")))),
            Kind.UNAVAILABLE),
        Arguments.of(
            Named.of(
                "a statement cancelled by its timeout (a rate-limit bucket's row locked too long)",
                new BucketExceptions.BucketExecutionException(
                    new SQLException("ERROR: canceling statement due to user request", "57014"))),
            Kind.UNAVAILABLE),
        Arguments.of(
            Named.of(
                "a rollback on a connection the pool closed when its commit broke",
                new TransactionSystemException(
                    "JDBC rollback failed", new SQLException("Connection is closed"))),
            Kind.UNAVAILABLE));
  }

  @ParameterizedTest(name = "{0} is {1}")
  @MethodSource("ioFailures")
  void classifiesIoFailuresByWhoseIoFailed(Exception failure, Kind kind) {
    assertThat(Failures.classify(failure).kind()).isEqualTo(kind);
  }

  private static HttpMessageNotReadableException readFailure(Exception cause) {
    return new HttpMessageNotReadableException(
        "I/O error while reading input message", cause, (HttpInputMessage) null);
  }
}
