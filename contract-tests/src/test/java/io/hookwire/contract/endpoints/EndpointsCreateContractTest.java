package io.hookwire.contract.endpoints;

import static io.hookwire.contract.endpoints.EndpointDocuments.COLLECTION;
import static io.hookwire.contract.endpoints.EndpointDocuments.JSON_API;
import static io.hookwire.contract.endpoints.EndpointDocuments.as;
import static io.hookwire.contract.endpoints.EndpointDocuments.assertLink;
import static io.hookwire.contract.endpoints.EndpointDocuments.attributes;
import static io.hookwire.contract.endpoints.EndpointDocuments.create;
import static io.hookwire.contract.endpoints.EndpointDocuments.errors;
import static io.hookwire.contract.endpoints.EndpointDocuments.inAccount;
import static io.hookwire.contract.endpoints.EndpointDocuments.inEnvironment;
import static io.hookwire.contract.endpoints.EndpointDocuments.pointers;
import static io.hookwire.contract.endpoints.EndpointDocuments.rawCreate;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookwire.client.endpoints.model.Endpoint;
import io.hookwire.client.endpoints.model.EndpointCreateRelationships;
import io.hookwire.client.endpoints.model.EndpointDocument;
import io.hookwire.client.endpoints.model.JsonApiError;
import io.hookwire.contract.support.Fixtures;
import io.hookwire.contract.support.Fixtures.Account;
import io.hookwire.contract.support.RawHttp;
import io.hookwire.contract.support.RawHttp.Answer;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.ResponseEntity;

/** {@code POST /api/iacp/v3/endpoints}: what is created, and every way a create is refused. */
class EndpointsCreateContractTest {

  private static Account account;
  private static Account other;

  @BeforeAll
  static void provision() {
    account = Fixtures.newAccount();
    other = Fixtures.newAccount();
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

    assertThat(endpoint.getAttributes().getMaxAttempts()).isEqualTo(1000);
    assertThat(endpoint.getAttributes().getTimeout()).isEqualTo(3600);
    assertThat(endpoint.getAttributes().getSecretKey()).isEqualTo("k");
    assertThat(endpoint.getAttributes().getUrl()).isEqualTo("http://hooks.example.com/x?y=1");
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
  void environmentNotInTheGivenAccountIs404AtTheEnvironment() {
    String foreignEnvironment = other.environmentIds().get(0);
    List<JsonApiError> errors =
        errors(
            404,
            () ->
                as(account.adminToken())
                    .endpoints()
                    .createEndpoint(
                        create(
                            attributes("x", "https://x.io"),
                            new EndpointCreateRelationships()
                                .account(EndpointDocuments.account(account.id()))
                                .environment(EndpointDocuments.environment(foreignEnvironment))),
                        null));

    assertThat(errors)
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.getSource().getPointer())
                  .isEqualTo("/data/relationships/environment");
              assertThat(error.getTitle()).endsWith("not found or user unauthorized.");
            });
  }

  @Test
  void unknownEnvironmentIs404AtTheEnvironment() {
    List<JsonApiError> errors =
        errors(
            404,
            () ->
                as(account.adminToken())
                    .endpoints()
                    .createEndpoint(
                        inEnvironment("env-00000000000000000", attributes("x", "https://x.io")),
                        null));

    assertThat(pointers(errors)).containsExactly("/data/relationships/environment");
  }

  @Test
  void unknownAccountIs404AtTheAccount() {
    List<JsonApiError> errors =
        errors(
            404,
            () ->
                as(account.adminToken())
                    .endpoints()
                    .createEndpoint(
                        inAccount("acc-00000000000000000", attributes("x", "https://x.io")), null));

    assertThat(pointers(errors)).containsExactly("/data/relationships/account");
    assertThat(errors.get(0).getTitle())
        .isEqualTo("Account with ID 'acc-00000000000000000' not found or user unauthorized.");
  }

  @Test
  void clientSuppliedIdIs403() {
    Answer answer =
        RawHttp.request("POST", COLLECTION)
            .bearer(account.adminToken())
            .body(
                JSON_API,
                """
                {"data":{"type":"endpoints","id":"ep-mine00000000000000",
                  "attributes":{"name":"x","url":"https://x.io"},
                  "relationships":{"account":{"data":{"type":"accounts","id":"%s"}}}}}"""
                    .formatted(account.id()))
            .send();

    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.json().at("/errors/0/source/pointer").asString()).isEqualTo("/data/id");
  }

  @Test
  void otherDataTypeIs409() {
    Answer answer =
        RawHttp.request("POST", COLLECTION)
            .bearer(account.adminToken())
            .body(
                JSON_API,
                """
                {"data":{"type":"webhooks","attributes":{"name":"x","url":"https://x.io"},
                  "relationships":{"account":{"data":{"type":"accounts","id":"%s"}}}}}"""
                    .formatted(account.id()))
            .send();

    assertThat(answer.status()).isEqualTo(409);
    assertThat(answer.json().at("/errors/0/source/pointer").asString()).isEqualTo("/data/type");
  }

  @Test
  void everyInvalidAttributeIsReportedAtOnceWithItsPointer() {
    List<JsonApiError> errors =
        errors(
            422,
            () ->
                as(account.adminToken())
                    .endpoints()
                    .createEndpoint(
                        inAccount(
                            account.id(),
                            attributes(" ", "ftp://x.io")
                                .maxAttempts(0)
                                .timeout(3601)
                                .secretKey("")),
                        null));

    assertThat(errors).allSatisfy(e -> assertThat(e.getTitle()).isEqualTo("Invalid Attribute"));
    assertThat(pointers(errors))
        .containsExactlyInAnyOrder(
            "/data/attributes/name",
            "/data/attributes/url",
            "/data/attributes/max-attempts",
            "/data/attributes/timeout",
            "/data/attributes/secret-key");
  }

  @Test
  void urlWithoutHostIsReportedTogetherWithOtherInvalidAttributes() {
    List<JsonApiError> errors =
        errors(
            422,
            () ->
                as(account.adminToken())
                    .endpoints()
                    .createEndpoint(
                        inAccount(account.id(), attributes("", "http://:80/").timeout(0)), null));

    assertThat(pointers(errors))
        .containsExactlyInAnyOrder(
            "/data/attributes/name", "/data/attributes/url", "/data/attributes/timeout");
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
        "ftp://hooks.example.com/",
        "http://",
        "http:///path",
        "http://hooks_example.com/",
        "http://-hooks.example.com/",
        "http://hooks.example.com:80a/",
        "http://hooks example.com/",
        "hooks.example.com/hook"
      })
  void urlsWithoutAValidHostAre422AtTheUrl(String url) {
    List<JsonApiError> errors =
        errors(
            422,
            () ->
                as(account.adminToken())
                    .endpoints()
                    .createEndpoint(inAccount(account.id(), attributes("hook", url)), null));

    assertThat(pointers(errors)).containsOnly("/data/attributes/url");
  }

  @Test
  void tooLongValuesAre422() {
    List<JsonApiError> errors =
        errors(
            422,
            () ->
                as(account.adminToken())
                    .endpoints()
                    .createEndpoint(
                        inAccount(
                            account.id(),
                            attributes("n".repeat(256), "https://x.io/" + "p".repeat(2048))
                                .secretKey("s".repeat(1025))),
                        null));

    assertThat(pointers(errors))
        .containsExactlyInAnyOrder(
            "/data/attributes/name", "/data/attributes/url", "/data/attributes/secret-key");
  }

  @Test
  void missingRequiredAttributesAre422() {
    Answer answer = postAsAdmin(rawCreate(account.id(), "{}"));

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.json().findValuesAsString("pointer"))
        .contains("/data/attributes/name", "/data/attributes/url");
  }

  @Test
  void neitherAccountNorEnvironmentIs422() {
    List<JsonApiError> errors =
        errors(
            422,
            () ->
                as(account.adminToken())
                    .endpoints()
                    .createEndpoint(create(attributes("x", "https://x.io"), null), null));

    assertThat(pointers(errors)).singleElement().asString().startsWith("/data/relationships");
  }

  /** What the generated client cannot send: explicit nulls, wrong JSON types, unknown members. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"name\":null,\"url\":\"https://x.io\"} | /data/attributes/name",
        "{\"name\":\"x\",\"url\":\"https://x.io\",\"timeout\":\"5\"} | /data/attributes/timeout",
        "{\"name\":\"x\",\"url\":\"https://x.io\",\"color\":1} | /data/attributes/color"
      })
  void anAttributeTheSchemaRefusesIs422AtIt(String attributes, String pointer) {
    Answer answer = postAsAdmin(rawCreate(account.id(), attributes));

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.json().at("/errors/0/title").asString()).isEqualTo("Invalid Attribute");
    assertThat(answer.json().at("/errors/0/source/pointer").asString()).isEqualTo(pointer);
  }

  @Test
  void unknownMemberOutsideAttributesIs400() {
    Answer answer =
        postAsAdmin(
            """
                {"data":{"type":"endpoints","attributes":{"name":"x","url":"https://x.io"},
                  "relationships":{"account":{"data":{"type":"accounts","id":"%s"}}}},
                 "extra":true}"""
                .formatted(account.id()));

    assertThat(answer.status()).isEqualTo(400);
  }

  @Test
  void dataOfTheWrongShapeIs400() {
    Answer answer = postAsAdmin("{\"data\":[]}");

    assertThat(answer.status()).isEqualTo(400);
  }

  @Test
  void malformedJsonIs400() {
    Answer answer =
        RawHttp.request("POST", COLLECTION)
            .bearer(account.adminToken())
            .body(JSON_API, "{\"data\":")
            .send();

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.header("Content-Type")).hasValue(JSON_API);
    assertThat(answer.json().at("/errors/0/title").asString()).isEqualTo("Malformed JSON");
  }

  @Test
  void plainJsonBodyIsAccepted() {
    Answer answer =
        postAsAdmin(rawCreate(account.id(), "{\"name\":\"plain\",\"url\":\"https://x.io\"}"));

    assertThat(answer.status()).isEqualTo(201);
    assertThat(answer.header("Content-Type")).hasValue(JSON_API);
    assertThat(answer.json().at("/data/attributes/name").asString()).isEqualTo("plain");
  }

  /** A create the client cannot send, as JSON, by the account's admin. */
  private static Answer postAsAdmin(String json) {
    return RawHttp.request("POST", COLLECTION).bearer(account.adminToken()).json(json).send();
  }
}
