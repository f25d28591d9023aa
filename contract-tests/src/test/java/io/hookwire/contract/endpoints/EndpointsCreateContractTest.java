package io.hookwire.contract.endpoints;

import static io.hookwire.contract.endpoints.EndpointDocuments.COLLECTION;
import static io.hookwire.contract.endpoints.EndpointDocuments.JSON_API;
import static io.hookwire.contract.endpoints.EndpointDocuments.as;
import static io.hookwire.contract.endpoints.EndpointDocuments.assertBadRequest;
import static io.hookwire.contract.endpoints.EndpointDocuments.assertInvalidAttributes;
import static io.hookwire.contract.endpoints.EndpointDocuments.assertLink;
import static io.hookwire.contract.endpoints.EndpointDocuments.assertNotFoundAt;
import static io.hookwire.contract.endpoints.EndpointDocuments.assertSettings;
import static io.hookwire.contract.endpoints.EndpointDocuments.attributes;
import static io.hookwire.contract.endpoints.EndpointDocuments.create;
import static io.hookwire.contract.endpoints.EndpointDocuments.errors;
import static io.hookwire.contract.endpoints.EndpointDocuments.inAccount;
import static io.hookwire.contract.endpoints.EndpointDocuments.inEnvironment;
import static io.hookwire.contract.endpoints.EndpointDocuments.pointers;
import static io.hookwire.contract.endpoints.EndpointDocuments.rawCreate;
import static io.hookwire.contract.endpoints.EndpointDocuments.sendJsonApi;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookwire.client.endpoints.model.Endpoint;
import io.hookwire.client.endpoints.model.EndpointCreateAttributes;
import io.hookwire.client.endpoints.model.EndpointCreateDocument;
import io.hookwire.client.endpoints.model.EndpointCreateRelationships;
import io.hookwire.client.endpoints.model.EndpointDocument;
import io.hookwire.client.endpoints.model.JsonApiError;
import io.hookwire.contract.support.Fixtures;
import io.hookwire.contract.support.Fixtures.Account;
import io.hookwire.contract.support.RawHttp;
import io.hookwire.contract.support.RawHttp.Answer;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.ResponseEntity;

/** {@code POST /api/iacp/v3/endpoints}: what is created, and every way a create is refused. */
class EndpointsCreateContractTest {

  private static final String URL = "https://hooks.example.com";

  private static Account account;

  @BeforeAll
  static void provision() {
    account = Fixtures.newAccount();
  }

  @Test
  void createdEndpointTakesDefaultsAndGetsAGeneratedSecret() {
    EndpointDocument created =
        as(account.adminToken())
            .endpoints()
            .createEndpoint(inAccount(account.id(), attributes("Example", "https://x.io/a")), null);

    Endpoint endpoint = created.getData();
    assertThat(endpoint.getId()).matches("ep-[0-9a-z]{17}");
    assertThat(endpoint.getAttributes().getName()).isEqualTo("Example");
    assertThat(endpoint.getAttributes().getUrl()).isEqualTo("https://x.io/a");
    assertThat(endpoint.getAttributes().getMaxAttempts()).isEqualTo(3);
    assertThat(endpoint.getAttributes().getTimeout()).isEqualTo(15);
    assertThat(endpoint.getAttributes().getSecretKey()).hasSizeGreaterThanOrEqualTo(16);
    assertThat(endpoint.getRelationships().getAccount().getData().getId()).isEqualTo(account.id());
    assertThat(endpoint.getRelationships().getEnvironment()).isNull();
    assertThat(created.getIncluded()).isNull();
    assertThat(created.getMeta()).isNull();
  }

  @Test
  void generatedSecretKeysDifferBetweenEndpoints() {
    String first =
        EndpointDocuments.createInAccount(account.adminToken(), account.id(), "a", "https://x.io")
            .getAttributes()
            .getSecretKey();
    String second =
        EndpointDocuments.createInAccount(account.adminToken(), account.id(), "b", "https://x.io")
            .getAttributes()
            .getSecretKey();
    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void givenSettingsAreKept() {
    Endpoint endpoint =
        as(account.adminToken())
            .endpoints()
            .createEndpoint(
                inAccount(
                    account.id(),
                    attributes("Deploy notifications", "http://hooks.example.com/x?y=1")
                        .maxAttempts(1000)
                        .timeout(3600)
                        .secretKey("k")),
                null)
            .getData();

    assertSettings(
        endpoint, "Deploy notifications", "http://hooks.example.com/x?y=1", 1000, 3600, "k");
  }

  @Test
  void createAnswersLocationAndAbsoluteSelfLinkOfTheNewEndpoint() {
    ResponseEntity<EndpointDocument> response =
        as(account.adminToken())
            .endpoints()
            .createEndpointWithHttpInfo(
                inAccount(account.id(), attributes("located", "https://x.io")), null);

    assertThat(response.getStatusCode().value()).isEqualTo(201);
    Endpoint endpoint = response.getBody().getData();
    assertLink(endpoint.getLinks().getSelf(), COLLECTION + "/" + endpoint.getId());
    assertThat(response.getHeaders().getLocation()).isEqualTo(endpoint.getLinks().getSelf());
    assertThat(response.getHeaders().getContentType()).hasToString(JSON_API);
    assertThat(response.getHeaders().getFirst("Preference-Applied")).isEqualTo("profile=preview");
  }

  @Test
  void creatorWithAdminRoleMayUpdateAndDelete() {
    Endpoint endpoint =
        EndpointDocuments.createInAccount(account.adminToken(), account.id(), "p", "https://x.io");
    assertThat(endpoint.getAttributes().getPermissions().getWebhookEndpointsUpdate()).isTrue();
    assertThat(endpoint.getAttributes().getPermissions().getWebhookEndpointsDelete()).isTrue();
  }

  @Test
  void accountIsDerivedFromTheEnvironment() {
    String environment = account.environmentIds().get(1);
    Endpoint endpoint =
        EndpointDocuments.createInEnvironment(
            account.adminToken(), environment, "env", "https://x.io");

    assertThat(endpoint.getRelationships().getAccount().getData().getId()).isEqualTo(account.id());
    assertThat(endpoint.getRelationships().getEnvironment().getData().getId())
        .isEqualTo(environment);
  }

  @Test
  void accountAndItsEnvironmentMayBothBeGiven() {
    String environment = account.environmentIds().get(0);
    Endpoint endpoint =
        as(account.adminToken())
            .endpoints()
            .createEndpoint(
                create(
                    attributes("both", "https://x.io"),
                    new EndpointCreateRelationships()
                        .account(EndpointDocuments.account(account.id()))
                        .environment(EndpointDocuments.environment(environment))),
                null)
            .getData();

    assertThat(endpoint.getRelationships().getAccount().getData().getId()).isEqualTo(account.id());
    assertThat(endpoint.getRelationships().getEnvironment().getData().getId())
        .isEqualTo(environment);
  }

  @Test
  void environmentNotInTheGivenAccountIs404AtTheEnvironmentAndCreatesNothing() {
    Account given = Fixtures.newAccount();
    Account foreign = Fixtures.newAccount();

    assertNotFoundAt(
        "/data/relationships/environment",
        () ->
            as(given.adminToken())
                .endpoints()
                .createEndpoint(
                    create(
                        attributes("x", URL),
                        new EndpointCreateRelationships()
                            .account(EndpointDocuments.account(given.id()))
                            .environment(
                                EndpointDocuments.environment(foreign.environmentIds().get(0)))),
                    null));

    for (Account each : List.of(given, foreign)) {
      assertThat(
              as(each.adminToken())
                  .endpoints()
                  .listEndpoints(null, null, null, null, null, null, null)
                  .getData())
          .as("endpoints of %s", each.id())
          .isEmpty();
    }
  }

  @Test
  void unknownEnvironmentIs404AtTheEnvironment() {
    assertNotFoundAt(
        "/data/relationships/environment",
        () -> createAsAdmin(inEnvironment("env-00000000000000000", attributes("x", URL))));
  }

  @Test
  void unknownAccountIs404AtTheAccount() {
    List<JsonApiError> errors =
        refused(404, inAccount("acc-00000000000000000", attributes("x", URL)));

    assertThat(pointers(errors)).containsExactly("/data/relationships/account");
    assertThat(errors.get(0).getTitle())
        .isEqualTo("Account with ID 'acc-00000000000000000' not found or user unauthorized.");
  }

  /** The server assigns the id and serves one type: a document giving either is refused. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          "type":"endpoints","id":"ep-mine00000000000000" | 403 | /data/id
          "type":"webhooks"                               | 409 | /data/type
          """)
  void aClientIdOrAnotherTypeIsRefusedAtIt(String typeAndId, int status, String pointer) {
    Answer answer = post(validCreate().replace("\"type\":\"endpoints\"", typeAndId));

    assertThat(answer.status()).isEqualTo(status);
    assertThat(answer.json().at("/errors/0/source/pointer").asString()).isEqualTo(pointer);
  }

  @Test
  void everyInvalidAttributeIsReportedAtOnceWithItsPointer() {
    List<JsonApiError> errors =
        refusedAttributes(attributes(" ", "ftp://x.io").maxAttempts(0).timeout(3601).secretKey(""));

    assertInvalidAttributes(errors, "name", "url", "max-attempts", "timeout", "secret-key");
  }

  @Test
  void urlWithoutHostIsReportedTogetherWithOtherInvalidAttributes() {
    List<JsonApiError> errors = refusedAttributes(attributes("", "http://:80/").timeout(0));

    assertInvalidAttributes(errors, "name", "url", "timeout");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://hooks.example.com",
        "HTTPS://user:secret@hooks.example.com:8443/a/b?c=d#e",
        "http://10.0.0.1/hook",
        "http://[::1]:8080/hook",
        "https://xn--bcher-kva.example./hook"
      })
  void urlsWithAHostAreAccepted(String url) {
    Endpoint created =
        EndpointDocuments.createInAccount(account.adminToken(), account.id(), "hook", url);

    assertThat(created.getAttributes().getUrl()).isEqualTo(url);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "/relative",
        "ftp://hooks.example.com/",
        "http://",
        "https://",
        "http:///path",
        "http://hooks_example.com/",
        "http://-hooks.example.com/",
        "http://hooks.example.com:80a/",
        "http://hooks example.com/",
        "hooks.example.com/hook"
      })
  void urlsWithoutAValidHostAre422AtTheUrl(String url) {
    assertInvalidAttributes(refusedAttributes(attributes("hook", url)), "url");
  }

  @Test
  void theShortestAndLongestValuesAreAccepted() {
    String longestUrl = URL + "/" + "u".repeat(2048 - URL.length() - 1);
    Endpoint shortest =
        createAsAdmin(
                inAccount(
                    account.id(),
                    attributes("n", "http://h").maxAttempts(1).timeout(1).secretKey("s")))
            .getData();
    Endpoint longest =
        createAsAdmin(
                inAccount(
                    account.id(),
                    attributes("n".repeat(255), longestUrl).secretKey("s".repeat(1024))))
            .getData();

    assertSettings(shortest, "n", "http://h", 1, 1, "s");
    assertThat(longest.getAttributes().getName()).hasSize(255);
    assertThat(longest.getAttributes().getUrl()).hasSize(2048).isEqualTo(longestUrl);
    assertThat(longest.getAttributes().getSecretKey()).hasSize(1024);
  }

  @Test
  void valuesOneCharacterTooLongAre422() {
    List<JsonApiError> errors =
        refusedAttributes(
            attributes("n".repeat(256), URL + "/" + "u".repeat(2049 - URL.length() - 1))
                .secretKey("s".repeat(1025)));

    assertInvalidAttributes(errors, "name", "url", "secret-key");
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "timeout, 0",
    "timeout, -1",
    "timeout, 3601",
    "max-attempts, 0",
    "max-attempts, 1001"
  })
  void numbersOutOfRangeAre422AtThem(String attribute, int value) {
    EndpointCreateAttributes attributes =
        attribute.equals("timeout")
            ? attributes("x", URL).timeout(value)
            : attributes("x", URL).maxAttempts(value);

    assertInvalidAttributes(refusedAttributes(attributes), attribute);
  }

  @Test
  void missingRequiredAttributesAre422() {
    Answer answer = post(rawCreate(account.id(), "{}"));

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.json().findValuesAsString("pointer"))
        .contains("/data/attributes/name", "/data/attributes/url");
  }

  @ParameterizedTest(name = "relationships given as an empty object: {0}")
  @ValueSource(booleans = {false, true})
  void neitherAccountNorEnvironmentIs422(boolean emptyRelationships) {
    List<JsonApiError> errors =
        refused(
            422,
            create(
                attributes("x", URL),
                emptyRelationships ? new EndpointCreateRelationships() : null));

    assertThat(pointers(errors)).containsExactly("/data/relationships");
  }

  /**
   * What the generated client cannot send: missing attributes, explicit nulls, wrong JSON types,
   * unknown members.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"url":"https://x.io"}                                 | name
          {"name":null,"url":"https://x.io"}                     | name
          {"name":5,"url":"https://x.io"}                        | name
          {"name":"x"}                                           | url
          {"name":"x","url":null}                                | url
          {"name":"x","url":{}}                                  | url
          {"name":"x","url":"https://x.io","secret-key":null}    | secret-key
          {"name":"x","url":"https://x.io","secret-key":[]}      | secret-key
          {"name":"x","url":"https://x.io","secret-key":12}      | secret-key
          {"name":"x","url":"https://x.io","timeout":"5"}        | timeout
          {"name":"x","url":"https://x.io","timeout":15.5}       | timeout
          {"name":"x","url":"https://x.io","timeout":true}       | timeout
          {"name":"x","url":"https://x.io","max-attempts":"3"}   | max-attempts
          {"name":"x","url":"https://x.io","max-attempts":2.5}   | max-attempts
          {"name":"x","url":"https://x.io","color":1}            | color
          """)
  void anAttributeTheSchemaRefusesIs422AtIt(String attributes, String attribute) {
    Answer answer = post(rawCreate(account.id(), attributes));

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.json().findValuesAsString("title")).containsOnly("Invalid Attribute");
    assertThat(answer.json().findValuesAsString("pointer"))
        .containsOnly("/data/attributes/" + attribute);
  }

  static Stream<Arguments> bodiesThatAreNoCreateDocument() {
    String valid = validCreate();
    return Stream.of(
        Arguments.of("malformed JSON", "{\"data\":", true),
        Arguments.of("data an array", "{\"data\":[]}", false),
        Arguments.of(
            "a member beside data",
            valid.substring(0, valid.length() - 1) + ",\"extra\":1}",
            false),
        Arguments.of(
            "a member beside the type",
            valid.replace("\"type\":\"endpoints\"", "\"type\":\"endpoints\",\"foo\":1"),
            false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bodiesThatAreNoCreateDocument")
  void aBodyThatIsNoCreateDocumentIs400(String what, String body, boolean malformedJson) {
    assertBadRequest(post(body), malformedJson);
  }

  @ParameterizedTest
  @ValueSource(strings = {"application/json", "application/json; charset=utf-8"})
  void plainJsonBodyIsAccepted(String contentType) {
    Answer answer =
        RawHttp.request("POST", COLLECTION)
            .bearer(account.adminToken())
            .body(
                contentType,
                rawCreate(account.id(), "{\"name\":\"plain\",\"url\":\"https://x.io\"}"))
            .send();

    assertThat(answer.status()).isEqualTo(201);
    assertThat(answer.header("Content-Type")).hasValue(JSON_API);
    assertThat(answer.json().at("/data/attributes/name").asString()).isEqualTo("plain");
  }

  /** The limit is 1 MiB: a body of exactly that size is read (one byte more is refused). */
  @Test
  void aBodyOfExactlyTheLimitIsAccepted() {
    String document = rawCreate(account.id(), "{\"name\":\"big\",\"url\":\"https://x.io\"}");
    String padded = document + " ".repeat(1024 * 1024 - document.length());

    Answer answer = post(padded);

    assertThat(answer.status()).isEqualTo(201);
    assertThat(answer.json().at("/data/attributes/name").asString()).isEqualTo("big");
  }

  private static EndpointDocument createAsAdmin(EndpointCreateDocument document) {
    return as(account.adminToken()).endpoints().createEndpoint(document, null);
  }

  /** A create by the account's admin that must fail with this status; returns its errors. */
  private static List<JsonApiError> refused(int status, EndpointCreateDocument document) {
    return errors(status, () -> createAsAdmin(document));
  }

  private static List<JsonApiError> refusedAttributes(EndpointCreateAttributes attributes) {
    return refused(422, inAccount(account.id(), attributes));
  }

  private static String validCreate() {
    return rawCreate(account.id(), "{\"name\":\"x\",\"url\":\"https://x.io\"}");
  }

  /** A create the client cannot send, as JSON:API, by the account's admin. */
  private static Answer post(String json) {
    return sendJsonApi("POST", COLLECTION, account.adminToken(), json);
  }
}
