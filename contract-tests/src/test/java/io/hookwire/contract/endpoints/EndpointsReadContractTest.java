package io.hookwire.contract.endpoints;

import static io.hookwire.contract.endpoints.EndpointDocuments.JSON_API;
import static io.hookwire.contract.endpoints.EndpointDocuments.UNKNOWN_ID;
import static io.hookwire.contract.endpoints.EndpointDocuments.as;
import static io.hookwire.contract.endpoints.EndpointDocuments.assertEndpointNotFound;
import static io.hookwire.contract.endpoints.EndpointDocuments.assertLink;
import static io.hookwire.contract.endpoints.EndpointDocuments.createInAccount;
import static io.hookwire.contract.endpoints.EndpointDocuments.createInEnvironment;
import static io.hookwire.contract.endpoints.EndpointDocuments.path;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookwire.client.endpoints.model.Endpoint;
import io.hookwire.client.endpoints.model.EndpointDocument;
import io.hookwire.contract.support.Fixtures;
import io.hookwire.contract.support.Fixtures.Account;
import io.hookwire.contract.support.RawHttp;
import io.hookwire.contract.support.RawHttp.Answer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * {@code GET} and {@code DELETE} of one endpoint, and the transport rules every read shares: media
 * types, {@code Accept}, the preview profile.
 */
class EndpointsReadContractTest {

  private static Account account;

  @BeforeAll
  static void provision() {
    account = Fixtures.newAccount();
  }

  @Test
  void getShowsTheEndpointAsCreated() {
    Endpoint created =
        createInEnvironment(
            account.adminToken(), account.environmentIds().get(0), "read me", "https://x.io/r");

    ResponseEntity<EndpointDocument> response =
        as(account.adminToken()).endpoints().getEndpointWithHttpInfo(created.getId(), null);

    assertThat(response.getStatusCode().value()).isEqualTo(200);
    assertThat(response.getHeaders().getContentType()).hasToString(JSON_API);
    assertThat(response.getHeaders().getFirst("Preference-Applied")).isEqualTo("profile=preview");
    EndpointDocument document = response.getBody();
    assertThat(document.getData()).isEqualTo(created);
    assertLink(document.getData().getLinks().getSelf(), path(created.getId()));
    assertThat(document.getIncluded()).isNull();
    assertThat(document.getMeta()).isNull();
  }

  @Test
  void readerSeesTheEndpointWithoutWritePermissions() {
    Endpoint created = createInAccount(account.adminToken(), account.id(), "r", "https://x.io");

    Endpoint seen =
        as(account.readerToken()).endpoints().getEndpoint(created.getId(), null).getData();

    assertThat(seen.getAttributes().getPermissions().getWebhookEndpointsUpdate()).isFalse();
    assertThat(seen.getAttributes().getPermissions().getWebhookEndpointsDelete()).isFalse();
    assertThat(seen.getAttributes().getName()).isEqualTo("r");
  }

  @Test
  void adminSeesTheEndpointWithWritePermissions() {
    Endpoint created = createInAccount(account.adminToken(), account.id(), "a", "https://x.io");

    Endpoint seen =
        as(account.adminToken()).endpoints().getEndpoint(created.getId(), null).getData();

    assertThat(seen.getAttributes().getPermissions().getWebhookEndpointsUpdate()).isTrue();
    assertThat(seen.getAttributes().getPermissions().getWebhookEndpointsDelete()).isTrue();
  }

  @Test
  void unknownEndpointIs404NotFoundOrUnauthorized() {
    assertEndpointNotFound(
        UNKNOWN_ID, () -> as(account.adminToken()).endpoints().getEndpoint(UNKNOWN_ID, null));
  }

  @Test
  void deleteIs204AndTheEndpointIsGoneAfterwards() {
    Endpoint created = createInAccount(account.adminToken(), account.id(), "d", "https://x.io");

    ResponseEntity<Void> response =
        as(account.adminToken()).endpoints().deleteEndpointWithHttpInfo(created.getId());

    assertThat(response.getStatusCode().value()).isEqualTo(204);
    assertThat(response.getBody()).isNull();
    assertEndpointNotFound(
        created.getId(),
        () -> as(account.adminToken()).endpoints().getEndpoint(created.getId(), null));
    assertEndpointNotFound(
        created.getId(),
        () -> as(account.adminToken()).endpoints().deleteEndpoint(created.getId()));
  }

  @Test
  void deleteOfAnUnknownEndpointIs404() {
    assertEndpointNotFound(
        UNKNOWN_ID, () -> as(account.adminToken()).endpoints().deleteEndpoint(UNKNOWN_ID));
  }

  @Test
  void withoutPreferTheAnswerIsTheSameWithoutPreferenceApplied() {
    Endpoint created = createInAccount(account.adminToken(), account.id(), "p", "https://x.io");

    Answer answer =
        RawHttp.request("GET", path(created.getId())).bearer(account.adminToken()).send();

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.header("Preference-Applied")).isEmpty();
    assertThat(answer.json().at("/data/id").asString()).isEqualTo(created.getId());
  }

  @Test
  void preferPreviewIsAnsweredWithPreferenceApplied() {
    Endpoint created = createInAccount(account.adminToken(), account.id(), "p", "https://x.io");

    Answer answer =
        RawHttp.request("GET", path(created.getId()))
            .bearer(account.adminToken())
            .header("Prefer", "profile=preview")
            .send();

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.header("Preference-Applied")).hasValue("profile=preview");
  }

  @Test
  void anyAcceptAndMissingAcceptAreServedJsonApi() {
    Endpoint created = createInAccount(account.adminToken(), account.id(), "a", "https://x.io");

    Answer any =
        RawHttp.request("GET", path(created.getId()))
            .bearer(account.adminToken())
            .header("Accept", "*/*")
            .send();
    Answer none = RawHttp.request("GET", path(created.getId())).bearer(account.adminToken()).send();

    assertThat(any.status()).isEqualTo(200);
    assertThat(any.header("Content-Type")).hasValue(JSON_API);
    assertThat(none.status()).isEqualTo(200);
    assertThat(none.header("Content-Type")).hasValue(JSON_API);
  }

  @Test
  void contentTypeOnABodilessGetIsAccepted() {
    Endpoint created = createInAccount(account.adminToken(), account.id(), "c", "https://x.io");

    Answer answer =
        RawHttp.request("GET", path(created.getId()))
            .bearer(account.adminToken())
            .header("Content-Type", JSON_API)
            .header("Accept", JSON_API)
            .send();

    assertThat(answer.status()).isEqualTo(200);
  }

  @Test
  void contentTypeOnABodilessDeleteIsAccepted() {
    Endpoint created = createInAccount(account.adminToken(), account.id(), "c", "https://x.io");

    Answer answer =
        RawHttp.request("DELETE", path(created.getId()))
            .bearer(account.adminToken())
            .header("Content-Type", JSON_API)
            .header("Accept", JSON_API)
            .send();

    assertThat(answer.status()).isEqualTo(204);
    assertThat(answer.body()).isEmpty();
  }
}
