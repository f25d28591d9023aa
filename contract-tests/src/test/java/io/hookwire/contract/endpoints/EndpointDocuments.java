package io.hookwire.contract.endpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.hookwire.client.EndpointsApiException;
import io.hookwire.client.HookwireEndpoints;
import io.hookwire.client.endpoints.model.AccountIdentifier;
import io.hookwire.client.endpoints.model.AccountRelationship;
import io.hookwire.client.endpoints.model.Endpoint;
import io.hookwire.client.endpoints.model.EndpointAttributes;
import io.hookwire.client.endpoints.model.EndpointCreate;
import io.hookwire.client.endpoints.model.EndpointCreateAttributes;
import io.hookwire.client.endpoints.model.EndpointCreateDocument;
import io.hookwire.client.endpoints.model.EndpointCreateRelationships;
import io.hookwire.client.endpoints.model.EndpointType;
import io.hookwire.client.endpoints.model.EndpointUpdate;
import io.hookwire.client.endpoints.model.EndpointUpdateAttributes;
import io.hookwire.client.endpoints.model.EndpointUpdateDocument;
import io.hookwire.client.endpoints.model.EndpointUpdateRelationships;
import io.hookwire.client.endpoints.model.EnvironmentIdentifier;
import io.hookwire.client.endpoints.model.EnvironmentIdentifierOrNull;
import io.hookwire.client.endpoints.model.EnvironmentRelationship;
import io.hookwire.client.endpoints.model.EnvironmentRelationshipUpdate;
import io.hookwire.client.endpoints.model.JsonApiError;
import io.hookwire.contract.support.ContractServer;
import io.hookwire.contract.support.Fixtures;
import io.hookwire.contract.support.RawHttp;
import io.hookwire.contract.support.RawHttp.Answer;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * The documents, paths and error checks the Endpoints contract tests share: request bodies built
 * with the generated client models, raw JSON for what the models cannot express, and the checks of
 * a JSON:API error answer.
 */
final class EndpointDocuments {

  /** The collection path. */
  static final String COLLECTION = "/api/iacp/v3/endpoints";

  /** The media type of every Endpoints response. */
  static final String JSON_API = "application/vnd.api+json";

  /** An endpoint id of the right form that no server ever generated. */
  static final String UNKNOWN_ID = "ep-00000000000000000";

  private EndpointDocuments() {}

  /**
   * @param id an endpoint id
   * @return its path
   */
  static String path(String id) {
    return COLLECTION + "/" + id;
  }

  /**
   * Attributes of a new endpoint, with the client's own defaults cleared so that the server's
   * apply: the generated model pre-sets max-attempts and timeout.
   */
  static EndpointCreateAttributes attributes(String name, String url) {
    return new EndpointCreateAttributes().name(name).url(url).maxAttempts(null).timeout(null);
  }

  static EndpointCreateDocument inAccount(String accountId, EndpointCreateAttributes attributes) {
    return create(attributes, new EndpointCreateRelationships().account(account(accountId)));
  }

  static EndpointCreateDocument inEnvironment(
      String environmentId, EndpointCreateAttributes attributes) {
    return create(
        attributes, new EndpointCreateRelationships().environment(environment(environmentId)));
  }

  static EndpointCreateDocument create(
      EndpointCreateAttributes attributes, EndpointCreateRelationships relationships) {
    return new EndpointCreateDocument()
        .data(
            new EndpointCreate()
                .type(EndpointType.ENDPOINTS)
                .attributes(attributes)
                .relationships(relationships));
  }

  static AccountRelationship account(String accountId) {
    return new AccountRelationship()
        .data(new AccountIdentifier().type(AccountIdentifier.TypeEnum.ACCOUNTS).id(accountId));
  }

  static EnvironmentRelationship environment(String environmentId) {
    return new EnvironmentRelationship()
        .data(
            new EnvironmentIdentifier()
                .type(EnvironmentIdentifier.TypeEnum.ENVIRONMENTS)
                .id(environmentId));
  }

  /** A PATCH document of these attributes, without {@code data.id}, as existing clients send. */
  static EndpointUpdateDocument update(EndpointUpdateAttributes attributes) {
    return new EndpointUpdateDocument()
        .data(new EndpointUpdate().type(EndpointType.ENDPOINTS).attributes(attributes));
  }

  /** A PATCH document moving the endpoint to an environment, or to account scope for null. */
  static EndpointUpdateDocument moveTo(String environmentId) {
    EnvironmentIdentifierOrNull target =
        environmentId == null
            ? null
            : new EnvironmentIdentifierOrNull()
                .type(EnvironmentIdentifierOrNull.TypeEnum.ENVIRONMENTS)
                .id(environmentId);
    return new EndpointUpdateDocument()
        .data(
            new EndpointUpdate()
                .type(EndpointType.ENDPOINTS)
                .relationships(
                    new EndpointUpdateRelationships()
                        .environment(new EnvironmentRelationshipUpdate().data(target))));
  }

  /**
   * Creates an account-scoped endpoint.
   *
   * @return the endpoint as the server answered it
   */
  static Endpoint createInAccount(String token, String accountId, String name, String url) {
    return Fixtures.endpoints(token)
        .endpoints()
        .createEndpoint(inAccount(accountId, attributes(name, url)), null)
        .getData();
  }

  /**
   * Creates an endpoint in an environment.
   *
   * @return the endpoint as the server answered it
   */
  static Endpoint createInEnvironment(String token, String environmentId, String name, String url) {
    return Fixtures.endpoints(token)
        .endpoints()
        .createEndpoint(inEnvironment(environmentId, attributes(name, url)), null)
        .getData();
  }

  /** The raw JSON of a valid account-scoped create document, with these attributes. */
  static String rawCreate(String accountId, String attributesJson) {
    return """
        {"data":{"type":"endpoints","attributes":%s,
          "relationships":{"account":{"data":{"type":"accounts","id":"%s"}}}}}"""
        .formatted(attributesJson, accountId);
  }

  /** The raw JSON of a PATCH document with these attributes and no {@code data.id}. */
  static String rawUpdate(String attributesJson) {
    return """
        {"data":{"type":"endpoints","attributes":%s}}"""
        .formatted(attributesJson);
  }

  /** Checks the settings an endpoint holds, in the order of their arguments. */
  static void assertSettings(
      Endpoint endpoint, String name, String url, int maxAttempts, int timeout, String secretKey) {
    EndpointAttributes attributes = endpoint.getAttributes();
    assertThat(attributes.getName()).as("name").isEqualTo(name);
    assertThat(attributes.getUrl()).as("url").isEqualTo(url);
    assertThat(attributes.getMaxAttempts()).as("max-attempts").isEqualTo(maxAttempts);
    assertThat(attributes.getTimeout()).as("timeout").isEqualTo(timeout);
    assertThat(attributes.getSecretKey()).as("secret-key").isEqualTo(secretKey);
  }

  /**
   * Runs a call that must fail and checks the status of the answer and of each of its errors.
   *
   * @return the errors of the answer
   */
  static List<JsonApiError> errors(int status, ThrowingCallable call) {
    EndpointsApiException failure = catchThrowableOfType(EndpointsApiException.class, call);
    assertThat(failure).as("the request must fail with %d", status).isNotNull();
    assertThat(failure.status()).isEqualTo(status);
    assertThat(failure.getResponseHeaders().getContentType()).hasToString(JSON_API);
    assertThat(failure.errors())
        .isNotEmpty()
        .allSatisfy(error -> assertThat(error.getStatus()).isEqualTo(String.valueOf(status)));
    return failure.errors();
  }

  /**
   * Checks a 404 that hides whether the endpoint exists.
   *
   * @param id the endpoint asked for
   */
  static void assertEndpointNotFound(String id, ThrowingCallable call) {
    assertThat(errors(404, call))
        .singleElement()
        .satisfies(
            error ->
                assertThat(error.getTitle())
                    .isEqualTo("Endpoint with ID '" + id + "' not found or user unauthorized."));
  }

  /**
   * Checks a 404 that hides whether what a relationship or a filter names exists.
   *
   * @param place the pointer (starting with {@code /}) or the query parameter the error names
   */
  static void assertNotFoundAt(String place, ThrowingCallable call) {
    assertThat(errors(404, call))
        .singleElement()
        .satisfies(
            error -> {
              assertThat(
                      place.startsWith("/")
                          ? error.getSource().getPointer()
                          : error.getSource().getParameter())
                  .isEqualTo(place);
              assertThat(error.getTitle()).endsWith(" not found or user unauthorized.");
            });
  }

  /**
   * Checks a 400 in the API's format.
   *
   * @param malformedJson whether the body was not JSON at all, which the error's title says
   */
  static void assertBadRequest(Answer answer, boolean malformedJson) {
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.header("Content-Type")).hasValue(JSON_API);
    assertThat(answer.json().at("/errors/0/status").asString()).isEqualTo("400");
    if (malformedJson) {
      assertThat(answer.json().at("/errors/0/title").asString()).isEqualTo("Malformed JSON");
    }
  }

  /** Checks that the errors are exactly the invalid values of these attributes. */
  static void assertInvalidAttributes(List<JsonApiError> errors, String... attributes) {
    assertThat(errors).allSatisfy(e -> assertThat(e.getTitle()).isEqualTo("Invalid Attribute"));
    assertThat(pointers(errors))
        .containsExactlyInAnyOrder(
            Arrays.stream(attributes)
                .map(name -> "/data/attributes/" + name)
                .toArray(String[]::new));
  }

  /**
   * The pointers the errors name, each once and in order: one attribute may break several rules.
   */
  static List<String> pointers(List<JsonApiError> errors) {
    return errors.stream()
        .map(error -> error.getSource() == null ? null : error.getSource().getPointer())
        .distinct()
        .toList();
  }

  /**
   * Checks an absolute link to the API. On the embedded server its base is the suite's; on any
   * other deployment it is whatever public base URL that one has, so only its form is checked
   * there. Query parameters are compared decoded and in any order.
   *
   * @param link the link, a {@link URI} or its text
   * @param expected the path and query it must lead to, unencoded, e.g. {@code
   *     /api/iacp/v3/endpoints?page[number]=1}
   */
  static void assertLink(Object link, String expected) {
    assertThat(link).as("link").isNotNull();
    URI actual = URI.create(link.toString());
    assertThat(actual.getScheme()).as("scheme of %s", link).isIn("http", "https");
    assertThat(actual.getHost()).as("host of %s", link).isNotBlank();
    String[] parts = expected.split("\\?", 2);
    if (ContractServer.get().embedded()) {
      assertThat(actual.getScheme() + "://" + actual.getRawAuthority())
          .as("base of %s", link)
          .isEqualTo(ContractServer.get().baseUrl().toString());
      assertThat(actual.getRawPath()).as("path of %s", link).isEqualTo(parts[0]);
    } else {
      assertThat(actual.getRawPath()).as("path of %s", link).endsWith(parts[0]);
    }
    assertThat(parameters(actual.getRawQuery()))
        .as("query of %s", link)
        .isEqualTo(parameters(parts.length > 1 ? parts[1] : null));
  }

  private static List<String> parameters(String query) {
    if (query == null || query.isEmpty()) {
      return List.of();
    }
    return Arrays.stream(query.split("&"))
        .map(parameter -> URLDecoder.decode(parameter, StandardCharsets.UTF_8))
        .sorted()
        .toList();
  }

  /**
   * Sends what the generated client cannot: a JSON:API body of the test's own making.
   *
   * @return the answer, checked against the spec
   */
  static Answer sendJsonApi(String method, String path, String token, String json) {
    return RawHttp.request(method, path).bearer(token).body(JSON_API, json).send();
  }

  static HookwireEndpoints as(String token) {
    return Fixtures.endpoints(token);
  }
}
