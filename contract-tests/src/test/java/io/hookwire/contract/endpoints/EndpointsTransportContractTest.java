package io.hookwire.contract.endpoints;

import static io.hookwire.contract.endpoints.EndpointDocuments.COLLECTION;
import static io.hookwire.contract.endpoints.EndpointDocuments.JSON_API;
import static io.hookwire.contract.endpoints.EndpointDocuments.as;
import static io.hookwire.contract.endpoints.EndpointDocuments.createInAccount;
import static io.hookwire.contract.endpoints.EndpointDocuments.path;
import static io.hookwire.contract.endpoints.EndpointDocuments.rawCreate;
import static io.hookwire.contract.endpoints.EndpointDocuments.rawUpdate;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookwire.contract.support.Fixtures;
import io.hookwire.contract.support.Fixtures.Account;
import io.hookwire.contract.support.RawHttp;
import io.hookwire.contract.support.RawHttp.Answer;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the Endpoints operations share on the wire beyond what {@code TransportContractTest} asks of
 * every API: which {@code Accept} values are served, the preview profile, a {@code Content-Type}
 * without a body, the body media types refused, and the methods an endpoint's path allows. Each
 * request goes to an endpoint of its own, so that what a refused request must not change can be
 * checked.
 */
class EndpointsTransportContractTest {

  private static Account account;

  @BeforeAll
  static void provision() {
    account = Fixtures.newAccount();
  }

  static Stream<Arguments> operationsAndAcceptsAdmittingJsonApi() {
    return Stream.of("list", "get", "create", "update")
        .flatMap(
            operation ->
                Stream.of(JSON_API, "*/*", "none").map(accept -> Arguments.of(operation, accept)));
  }

  @ParameterizedTest(name = "{0} with Accept {1}")
  @MethodSource("operationsAndAcceptsAdmittingJsonApi")
  void anAcceptAdmittingJsonApiIsServedJsonApi(String operation, String accept) {
    RawHttp request = new Target().request(operation);
    if (!accept.equals("none")) {
      request.header("Accept", accept);
    }

    Answer answer = request.send();

    assertThat(answer.status()).isBetween(200, 201);
    assertThat(answer.header("Content-Type")).hasValue(JSON_API);
  }

  @ParameterizedTest
  @ValueSource(strings = {"list", "get", "create", "update"})
  void thePreviewProfileIsAppliedOnlyWhenPreferred(String operation) {
    Answer preferred = new Target().request(operation).header("Prefer", "profile=preview").send();
    Answer plain = new Target().request(operation).send();

    assertThat(preferred.status()).isBetween(200, 201);
    assertThat(preferred.header("Preference-Applied")).hasValue("profile=preview");
    assertThat(plain.status()).isEqualTo(preferred.status());
    assertThat(plain.header("Preference-Applied")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"list, 200", "get, 200", "delete, 204"})
  void aContentTypeOnARequestWithoutBodyIsAccepted(String operation, int status) {
    Answer answer =
        new Target()
            .request(operation)
            .header("Content-Type", JSON_API)
            .header("Accept", JSON_API)
            .send();

    assertThat(answer.status()).isEqualTo(status);
    assertThat(answer.body().isEmpty()).isEqualTo(status == 204);
  }

  @ParameterizedTest(name = "{0} as {1}")
  @CsvSource({
    "create, application/xml",
    "create, application/x-www-form-urlencoded",
    "update, application/xml",
    "update, application/x-www-form-urlencoded"
  })
  void aBodyOfAnotherMediaTypeIs415AndChangesNothing(String operation, String contentType) {
    Target target = new Target();

    Answer answer = target.request(operation, contentType).send();

    assertThat(answer.status()).isEqualTo(415);
    assertThat(answer.json().at("/errors/0/status").asString()).isEqualTo("415");
    target.assertUnchanged();
  }

  @ParameterizedTest
  @ValueSource(strings = {"PUT", "POST"})
  void anotherMethodOnAnEndpointIs405WithTheMethodsItAllows(String method) {
    Target target = new Target();

    Answer answer = target.request(method, path(target.id), JSON_API, target.update()).send();

    assertThat(answer.status()).isEqualTo(405);
    assertThat(answer.header("Allow"))
        .hasValueSatisfying(allow -> assertThat(allow).contains("GET", "PATCH", "DELETE"));
    target.assertUnchanged();
  }

  /**
   * A fresh endpoint and valid requests about it by the account's admin. What a create or update
   * would write names the endpoint's id, which nothing else holds.
   */
  private static final class Target {

    private final String id =
        createInAccount(account.adminToken(), account.id(), "transport", "https://x.io").getId();

    RawHttp request(String operation) {
      return request(operation, JSON_API);
    }

    /** A request of this operation; a create or update with its body of this media type. */
    RawHttp request(String operation, String contentType) {
      return switch (operation) {
        case "list" -> request("GET", COLLECTION, null, null);
        case "get" -> request("GET", path(id), null, null);
        case "create" -> request("POST", COLLECTION, contentType, rawCreate(account.id(), named()));
        case "update" -> request("PATCH", path(id), contentType, update());
        case "delete" -> request("DELETE", path(id), null, null);
        default -> throw new IllegalArgumentException(operation);
      };
    }

    RawHttp request(String method, String path, String contentType, String body) {
      RawHttp request = RawHttp.request(method, path).bearer(account.adminToken());
      return body == null ? request : request.body(contentType, body);
    }

    String update() {
      return rawUpdate(named());
    }

    private String named() {
      return "{\"name\":\"about " + id + "\",\"url\":\"https://x.io\"}";
    }

    /** Nothing was created or renamed after the endpoint. */
    void assertUnchanged() {
      List<?> named =
          as(account.adminToken())
              .endpoints()
              .listEndpoints(null, null, null, id, null, null, null)
              .getData();
      assertThat(named).isEmpty();
    }
  }
}
