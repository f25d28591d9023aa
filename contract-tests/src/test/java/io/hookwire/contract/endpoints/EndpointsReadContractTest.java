package io.hookwire.contract.endpoints;

import static io.hookwire.contract.endpoints.EndpointDocuments.JSON_API;
import static io.hookwire.contract.endpoints.EndpointDocuments.UNKNOWN_ID;
import static io.hookwire.contract.endpoints.EndpointDocuments.as;
import static io.hookwire.contract.endpoints.EndpointDocuments.assertEndpointNotFound;
import static io.hookwire.contract.endpoints.EndpointDocuments.assertLink;
import static io.hookwire.contract.endpoints.EndpointDocuments.createInAccount;
import static io.hookwire.contract.endpoints.EndpointDocuments.createInEnvironment;
import static io.hookwire.contract.endpoints.EndpointDocuments.path;
import static io.hookwire.contract.endpoints.EndpointDocuments.update;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookwire.client.endpoints.api.EndpointsApi;
import io.hookwire.client.endpoints.model.Endpoint;
import io.hookwire.client.endpoints.model.EndpointDocument;
import io.hookwire.client.endpoints.model.EndpointUpdateAttributes;
import io.hookwire.contract.support.Fixtures;
import io.hookwire.contract.support.Fixtures.Account;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.ResponseEntity;

/** {@code GET} and {@code DELETE} of one endpoint. */
class EndpointsReadContractTest {

  private static Account account;
  private static EndpointsApi admin;

  @BeforeAll
  static void provision() {
    account = Fixtures.newAccount();
    admin = as(account.adminToken()).endpoints();
  }

  @Test
  void getShowsTheEndpointAsCreated() {
    Endpoint created =
        createInEnvironment(
            account.adminToken(), account.environmentIds().get(0), "read me", "https://x.io/r");

    ResponseEntity<EndpointDocument> response =
        admin.getEndpointWithHttpInfo(created.getId(), null);

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
  void adminsMayWriteAndReadersSeeTheSameEndpointWithoutWritePermissions() {
    Endpoint created = createInAccount(account.adminToken(), account.id(), "r", "https://x.io");

    Endpoint asAdmin = admin.getEndpoint(created.getId(), null).getData();
    Endpoint asReader =
        as(account.readerToken()).endpoints().getEndpoint(created.getId(), null).getData();

    assertThat(asAdmin).isEqualTo(created);
    assertThat(asAdmin.getAttributes().getPermissions().getWebhookEndpointsUpdate()).isTrue();
    assertThat(asAdmin.getAttributes().getPermissions().getWebhookEndpointsDelete()).isTrue();
    assertThat(asReader.getAttributes().getPermissions().getWebhookEndpointsUpdate()).isFalse();
    assertThat(asReader.getAttributes().getPermissions().getWebhookEndpointsDelete()).isFalse();
    assertThat(asReader)
        .usingRecursiveComparison()
        .ignoringFields("attributes.permissions")
        .isEqualTo(created);
  }

  @ParameterizedTest
  @ValueSource(strings = {UNKNOWN_ID, "nope", "ep-"})
  void unknownEndpointIs404NotFoundOrUnauthorized(String id) {
    assertEndpointNotFound(id, () -> admin.getEndpoint(id, null));
  }

  @Test
  void deleteIs204AndTheEndpointIsGoneAfterwards() {
    Endpoint created = createInAccount(account.adminToken(), account.id(), "d", "https://x.io");
    Endpoint kept = createInAccount(account.adminToken(), account.id(), "k", "https://x.io");

    ResponseEntity<Void> response = admin.deleteEndpointWithHttpInfo(created.getId());

    assertThat(response.getStatusCode().value()).isEqualTo(204);
    assertThat(response.getBody()).isNull();
    String id = created.getId();
    assertEndpointNotFound(id, () -> admin.getEndpoint(id, null));
    assertEndpointNotFound(id, () -> admin.deleteEndpoint(id));
    assertEndpointNotFound(
        id, () -> admin.updateEndpoint(id, update(new EndpointUpdateAttributes().name("z")), null));
    assertThat(admin.getEndpoint(kept.getId(), null).getData()).isEqualTo(kept);
  }

  @Test
  void deleteOfAnUnknownEndpointIs404() {
    assertEndpointNotFound(UNKNOWN_ID, () -> admin.deleteEndpoint(UNKNOWN_ID));
  }
}
