package io.hookwire.contract.endpoints;

import static io.hookwire.contract.endpoints.EndpointDocuments.JSON_API;
import static io.hookwire.contract.endpoints.EndpointDocuments.UNKNOWN_ID;
import static io.hookwire.contract.endpoints.EndpointDocuments.as;
import static io.hookwire.contract.endpoints.EndpointDocuments.assertBadRequest;
import static io.hookwire.contract.endpoints.EndpointDocuments.assertEndpointNotFound;
import static io.hookwire.contract.endpoints.EndpointDocuments.assertInvalidAttributes;
import static io.hookwire.contract.endpoints.EndpointDocuments.assertNotFoundAt;
import static io.hookwire.contract.endpoints.EndpointDocuments.assertSettings;
import static io.hookwire.contract.endpoints.EndpointDocuments.createInEnvironment;
import static io.hookwire.contract.endpoints.EndpointDocuments.errors;
import static io.hookwire.contract.endpoints.EndpointDocuments.moveTo;
import static io.hookwire.contract.endpoints.EndpointDocuments.path;
import static io.hookwire.contract.endpoints.EndpointDocuments.pointers;
import static io.hookwire.contract.endpoints.EndpointDocuments.rawUpdate;
import static io.hookwire.contract.endpoints.EndpointDocuments.sendJsonApi;
import static io.hookwire.contract.endpoints.EndpointDocuments.update;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookwire.client.endpoints.api.EndpointsApi;
import io.hookwire.client.endpoints.model.Endpoint;
import io.hookwire.client.endpoints.model.EndpointDocument;
import io.hookwire.client.endpoints.model.EndpointUpdateAttributes;
import io.hookwire.client.endpoints.model.EndpointUpdateDocument;
import io.hookwire.client.endpoints.model.EndpointUpdateRelationships;
import io.hookwire.client.endpoints.model.JsonApiError;
import io.hookwire.contract.support.Fixtures;
import io.hookwire.contract.support.Fixtures.Account;
import io.hookwire.contract.support.RawHttp;
import io.hookwire.contract.support.RawHttp.Answer;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code PATCH /api/iacp/v3/endpoints/{endpoint}}: partial updates, nulls, moves, refusals. */
class EndpointsUpdateContractTest {

  private static Account account;
  private static Account other;

  private EndpointsApi api;
  private Endpoint endpoint;

  @BeforeAll
  static void provision() {
    account = Fixtures.newAccount();
    other = Fixtures.newAccount();
  }

  @BeforeEach
  void createEndpoint() {
    api = as(account.adminToken()).endpoints();
    endpoint =
        api.createEndpoint(
                EndpointDocuments.inEnvironment(
                    account.environmentIds().get(0),
                    EndpointDocuments.attributes("original", "https://x.io/original")
                        .maxAttempts(7)
                        .timeout(70)
                        .secretKey("original-secret")),
                null)
            .getData();
  }

  @Test
  void bodyWithoutDataIdChangesOnlyWhatItHolds() {
    EndpointDocument document =
        api.updateEndpoint(
            endpoint.getId(), update(new EndpointUpdateAttributes().name("renamed")), null);

    Endpoint updated = document.getData();
    assertThat(document.getIncluded()).isNull();
    assertThat(document.getMeta()).isNull();

    assertSettings(updated, "renamed", "https://x.io/original", 7, 70, "original-secret");
    assertThat(updated.getRelationships()).isEqualTo(endpoint.getRelationships());
    assertThat(updated.getLinks()).isEqualTo(endpoint.getLinks());
    assertThat(api.getEndpoint(endpoint.getId(), null).getData()).isEqualTo(updated);
  }

  @Test
  void everyAttributeMayChangeAtOnce() {
    Endpoint updated =
        api.updateEndpoint(
                endpoint.getId(),
                update(
                    new EndpointUpdateAttributes()
                        .name("all")
                        .url("http://y.io/all")
                        .maxAttempts(1)
                        .timeout(1)
                        .secretKey("s")),
                null)
            .getData();

    assertSettings(updated, "all", "http://y.io/all", 1, 1, "s");
  }

  @Test
  void anUpdateWithNothingInItChangesNothing() {
    assertThat(api.updateEndpoint(endpoint.getId(), update(null), null).getData())
        .isEqualTo(endpoint);
    assertThat(
            api.updateEndpoint(endpoint.getId(), update(new EndpointUpdateAttributes()), null)
                .getData())
        .isEqualTo(endpoint);
  }

  @Test
  void matchingDataIdIsAccepted() {
    EndpointUpdateDocument document = update(new EndpointUpdateAttributes().timeout(9));
    document.getData().setId(endpoint.getId());

    assertThat(api.updateEndpoint(endpoint.getId(), document, null).getData().getAttributes())
        .extracting(a -> a.getTimeout())
        .isEqualTo(9);
  }

  @Test
  void dataIdOtherThanThePathsIs409() {
    Endpoint another =
        createInEnvironment(
            account.adminToken(), account.environmentIds().get(0), "another", "https://x.io");
    EndpointUpdateDocument document = update(new EndpointUpdateAttributes().name("hijack"));
    document.getData().setId(another.getId());

    List<JsonApiError> errors =
        errors(409, () -> api.updateEndpoint(endpoint.getId(), document, null));

    assertThat(pointers(errors)).containsExactly("/data/id");
    assertThat(api.getEndpoint(another.getId(), null).getData().getAttributes().getName())
        .isEqualTo("another");
    assertThat(api.getEndpoint(endpoint.getId(), null).getData().getAttributes().getName())
        .isEqualTo("original");
  }

  @Test
  void otherDataTypeIs409() {
    Answer answer = patch("{\"data\":{\"type\":\"accounts\",\"attributes\":{\"name\":\"x\"}}}");

    assertThat(answer.status()).isEqualTo(409);
    assertThat(answer.json().at("/errors/0/source/pointer").asString()).isEqualTo("/data/type");
    assertUnchanged();
  }

  @Test
  void nullMaxAttemptsAndTimeoutResetTheDefaults() {
    Endpoint updated =
        api.updateEndpoint(
                endpoint.getId(),
                update(new EndpointUpdateAttributes().maxAttempts(null).timeout(null)),
                null)
            .getData();

    assertSettings(updated, "original", "https://x.io/original", 3, 15, "original-secret");
    assertThat(api.getEndpoint(endpoint.getId(), null).getData()).isEqualTo(updated);
  }

  @ParameterizedTest
  @ValueSource(strings = {"name", "url", "secret-key"})
  void explicitNullOfARequiredAttributeIs422AtIt(String attribute) {
    assertInvalidAttributeAndUnchanged(patch(rawUpdate("{\"" + attribute + "\":null}")), attribute);
  }

  @Test
  void environmentDataNullMovesTheEndpointToAccountScope() {
    Endpoint moved = api.updateEndpoint(endpoint.getId(), moveTo(null), null).getData();

    assertThat(moved.getRelationships().getEnvironment()).isNull();
    assertThat(moved.getRelationships().getAccount().getData().getId()).isEqualTo(account.id());
    assertThat(moved.getAttributes()).isEqualTo(endpoint.getAttributes());
  }

  @Test
  void environmentMayChangeWithinTheAccount() {
    String second = account.environmentIds().get(1);

    Endpoint moved = api.updateEndpoint(endpoint.getId(), moveTo(second), null).getData();

    assertThat(moved.getRelationships().getEnvironment().getData().getId()).isEqualTo(second);
  }

  @Test
  void environmentRelationshipWithoutDataChangesNothing() {
    Answer answer =
        patch("{\"data\":{\"type\":\"endpoints\",\"relationships\":{\"environment\":{}}}}");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().at("/data/relationships/environment/data/id").asString())
        .isEqualTo(account.environmentIds().get(0));
  }

  @Test
  void environmentOfAnotherAccountOrUnknownIs404AtTheEnvironment() {
    for (String environment : List.of(other.environmentIds().get(0), "env-00000000000000000")) {
      assertNotFoundAt(
          "/data/relationships/environment",
          () -> api.updateEndpoint(endpoint.getId(), moveTo(environment), null));
    }

    assertUnchanged();
  }

  @Test
  void anotherAccountIs404AtTheAccount() {
    EndpointUpdateDocument document = update(null);
    document
        .getData()
        .relationships(
            new EndpointUpdateRelationships().account(EndpointDocuments.account(other.id())));

    List<JsonApiError> errors =
        errors(404, () -> api.updateEndpoint(endpoint.getId(), document, null));

    assertThat(pointers(errors)).containsExactly("/data/relationships/account");
  }

  @Test
  void everyInvalidAttributeIsReportedAtOnce() {
    List<JsonApiError> errors =
        errors(
            422,
            () ->
                api.updateEndpoint(
                    endpoint.getId(),
                    update(
                        new EndpointUpdateAttributes()
                            .name("")
                            .url("http://:80/")
                            .maxAttempts(1001)
                            .timeout(0)
                            .secretKey("s".repeat(1025))),
                    null));

    assertInvalidAttributes(errors, "name", "url", "max-attempts", "timeout", "secret-key");
    assertUnchanged();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"name":"  "}       | name
          {"name":7}          | name
          {"timeout":1.5}     | timeout
          {"timeout":"15"}    | timeout
          {"max-attempts":"3"} | max-attempts
          {"colour":1}        | colour
          """)
  void blankNamesWrongTypesAndUnknownAttributesAre422AtThem(String attributes, String attribute) {
    assertInvalidAttributeAndUnchanged(patch(rawUpdate(attributes)), attribute);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"data":{"type":"endpoints",}} | true
          {"data":"endpoints"}           | false
          """)
  void aBodyThatIsNoUpdateDocumentIs400(String body, boolean malformedJson) {
    assertBadRequest(patch(body), malformedJson);
    assertUnchanged();
  }

  @Test
  void unknownEndpointIs404() {
    assertEndpointNotFound(
        UNKNOWN_ID,
        () ->
            api.updateEndpoint(UNKNOWN_ID, update(new EndpointUpdateAttributes().name("x")), null));
  }

  @Test
  void plainJsonBodyIsAccepted() {
    Answer answer =
        RawHttp.request("PATCH", path(endpoint.getId()))
            .bearer(account.adminToken())
            .json(rawUpdate("{\"timeout\":null}"))
            .send();

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.header("Content-Type")).hasValue(JSON_API);
    assertThat(answer.json().at("/data/attributes/timeout").asInt()).isEqualTo(15);
  }

  /** A PATCH the client cannot send, as JSON:API, by the account's admin. */
  private Answer patch(String json) {
    return sendJsonApi("PATCH", path(endpoint.getId()), account.adminToken(), json);
  }

  private void assertUnchanged() {
    assertThat(api.getEndpoint(endpoint.getId(), null).getData()).isEqualTo(endpoint);
  }

  /** A 422 whose every error is an invalid value of this attribute, the endpoint left as it was. */
  private void assertInvalidAttributeAndUnchanged(Answer answer, String attribute) {
    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.json().findValuesAsString("title")).containsOnly("Invalid Attribute");
    assertThat(answer.json().findValuesAsString("pointer"))
        .containsOnly("/data/attributes/" + attribute);
    assertUnchanged();
  }
}
