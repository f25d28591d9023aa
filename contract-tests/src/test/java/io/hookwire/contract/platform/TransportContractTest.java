package io.hookwire.contract.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookwire.contract.support.Api;
import io.hookwire.contract.support.SpecOperation;
import io.hookwire.contract.support.Specs;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every operation of every API does with credentials, methods, media types and body sizes it
 * cannot serve, driven by the specs themselves: each case goes to live resources with a caller
 * allowed to use them, so that the one thing wrong is the reason for the answer. The error bodies
 * are checked against each API's spec by the suite's validator.
 */
class TransportContractTest {

  private static final List<String> METHODS =
      List.of("GET", "POST", "PUT", "PATCH", "DELETE", "TRACE");
  private static final int LIMIT = 1024 * 1024;

  /** GETs whose last path parameter is a plain string id, unknown ids being 404. */
  private static final List<String> ENCODED_ID_OPERATIONS =
      List.of("getEndpoint", "getWebhook", "getAccount", "getTenant");

  private static LiveResources live;

  @BeforeAll
  static void provision() {
    live = new LiveResources();
  }

  static Stream<SpecOperation> authenticated() {
    return Specs.operations().stream().filter(op -> op.documents(401));
  }

  static Stream<SpecOperation> negotiating() {
    return Specs.operations().stream().filter(op -> op.documents(406));
  }

  static Stream<SpecOperation> reading() {
    return Specs.operations().stream().filter(op -> op.documents(415));
  }

  /** The Auto Scale API's 413 is its rate limit; its oversized bodies are 400 (API notes). */
  static Stream<SpecOperation> limitingBodies() {
    return reading().filter(op -> op.documents(413) && op.api() != Api.AUTOSCALE);
  }

  static Stream<SpecOperation> gets() {
    return Specs.operations().stream().filter(op -> op.method().equals("GET"));
  }

  static Stream<Arguments> encodedSeparators() {
    return Specs.operations().stream()
        .filter(op -> ENCODED_ID_OPERATIONS.contains(op.operationId()))
        .flatMap(op -> Stream.of(Arguments.of(op, "%2F"), Arguments.of(op, "%5C")));
  }

  static Stream<Arguments> undeclaredMethods() {
    return Specs.operations().stream()
        .map(SpecOperation::pathTemplate)
        .distinct()
        .flatMap(
            template -> {
              List<SpecOperation> onPath =
                  Specs.operations().stream()
                      .filter(op -> op.pathTemplate().equals(template))
                      .toList();
              return METHODS.stream()
                  .filter(method -> onPath.stream().noneMatch(op -> op.method().equals(method)))
                  .map(method -> Arguments.of(method, onPath.get(0)));
            });
  }

  @ParameterizedTest
  @MethodSource("authenticated")
  void refusesARequestWithoutCredentials(SpecOperation operation) {
    var answer = live.anonymous(operation).send();

    assertThat(answer.status()).isEqualTo(401);
  }

  @ParameterizedTest
  @MethodSource("authenticated")
  void refusesAnUnknownToken(SpecOperation operation) {
    var request = live.anonymous(operation);

    var answer = LiveResources.withToken(operation.api(), "hw_unknown", request).send();

    assertThat(answer.status()).isEqualTo(401);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("undeclaredMethods")
  void refusesAMethodThePathDoesNotHave(String method, SpecOperation path) {
    var answer = live.authorised(path, method).send();

    assertThat(answer.status()).isEqualTo(405);
    assertThat(answer.header("Allow")).hasValueSatisfying(allow -> assertThat(allow).isNotBlank());
  }

  @ParameterizedTest
  @MethodSource("reading")
  void refusesAMultipartBody(SpecOperation operation) {
    var answer =
        live.authorised(operation, operation.method())
            .body("multipart/form-data", operation.requestExample().orElseThrow())
            .send();

    assertThat(answer.status()).isEqualTo(415);
  }

  /** A GET has no body to read: what its Content-Type says does not matter. */
  @ParameterizedTest
  @MethodSource("gets")
  void ignoresTheContentTypeOfARequestWithoutBody(SpecOperation operation) {
    var answer =
        live.authorised(operation, "GET").header("Content-Type", "multipart/form-data").send();

    assertThat(answer.status()).isEqualTo(200);
  }

  /** An encoded slash or backslash stays part of the id, which then names nothing. */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("encodedSeparators")
  void readsAnEncodedSeparatorAsPartOfAnId(SpecOperation operation, String separator) {
    var answer = live.authorised(operation, "GET", live.path(operation) + separator + "x").send();

    assertThat(answer.status()).isEqualTo(404);
  }

  @ParameterizedTest
  @MethodSource("negotiating")
  void refusesAnAcceptItCannotServe(SpecOperation operation) {
    var request = live.authorised(operation, operation.method()).header("Accept", "text/csv");
    operation.requestExample().ifPresent(request::json);

    var answer = request.send();

    assertThat(answer.status()).isEqualTo(406);
  }

  @ParameterizedTest
  @MethodSource("reading")
  void refusesABodyOfAnotherMediaType(SpecOperation operation) {
    var request =
        live.authorised(operation, operation.method())
            .body("text/plain", operation.requestExample().orElseThrow());

    var answer = request.send();

    assertThat(answer.status()).isEqualTo(415);
  }

  @ParameterizedTest
  @MethodSource("limitingBodies")
  void refusesABodyOverTheLimitBeforeReadingIt(SpecOperation operation) {
    String oversized = "{\"padding\":\"" + "x".repeat(LIMIT) + "\"}";

    var answer = live.authorised(operation, operation.method()).json(oversized).send();

    assertThat(answer.status()).isEqualTo(413);
  }
}
