package io.hookwire.contract.endpoints;

import static io.hookwire.contract.endpoints.EndpointDocuments.as;
import static io.hookwire.contract.endpoints.EndpointDocuments.assertEndpointNotFound;
import static io.hookwire.contract.endpoints.EndpointDocuments.attributes;
import static io.hookwire.contract.endpoints.EndpointDocuments.createInAccount;
import static io.hookwire.contract.endpoints.EndpointDocuments.createInEnvironment;
import static io.hookwire.contract.endpoints.EndpointDocuments.errors;
import static io.hookwire.contract.endpoints.EndpointDocuments.inAccount;
import static io.hookwire.contract.endpoints.EndpointDocuments.inEnvironment;
import static io.hookwire.contract.endpoints.EndpointDocuments.moveTo;
import static io.hookwire.contract.endpoints.EndpointDocuments.pointers;
import static io.hookwire.contract.endpoints.EndpointDocuments.update;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookwire.client.endpoints.api.EndpointsApi;
import io.hookwire.client.endpoints.model.Endpoint;
import io.hookwire.client.endpoints.model.EndpointListDocument;
import io.hookwire.client.endpoints.model.EndpointUpdateAttributes;
import io.hookwire.contract.support.Fixtures;
import io.hookwire.contract.support.Fixtures.Account;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who sees and changes what: a reader writes nothing, a user restricted to one environment knows
 * nothing of the others, and accounts know nothing of each other. Every refusal is a 404 that does
 * not tell whether the endpoint exists.
 */
class EndpointsIsolationContractTest {

  private Account account;
  private Account other;
  private Endpoint accountScoped;
  private Endpoint inFirst;
  private Endpoint inSecond;

  @BeforeEach
  void provision() {
    account = Fixtures.newAccount();
    other = Fixtures.newAccount();
    accountScoped = createInAccount(account.adminToken(), account.id(), "acc", "https://x.io/a");
    inFirst =
        createInEnvironment(
            account.adminToken(), account.environmentIds().get(0), "first", "https://x.io/1");
    inSecond =
        createInEnvironment(
            account.adminToken(), account.environmentIds().get(1), "second", "https://x.io/2");
  }

  private static List<String> listedIds(String token) {
    EndpointListDocument document =
        as(token).endpoints().listEndpoints(null, null, null, null, null, null, null);
    assertThat(document.getMeta().getPagination().getTotalCount())
        .isEqualTo((long) document.getData().size());
    return document.getData().stream().map(Endpoint::getId).toList();
  }

  @Test
  void readerUpdatesAndDeletesAreNotFoundAndChangeNothing() {
    EndpointsApi reader = as(account.readerToken()).endpoints();

    assertEndpointNotFound(
        inFirst.getId(),
        () ->
            reader.updateEndpoint(
                inFirst.getId(), update(new EndpointUpdateAttributes().name("mine")), null));
    assertEndpointNotFound(inFirst.getId(), () -> reader.deleteEndpoint(inFirst.getId()));

    assertThat(as(account.adminToken()).endpoints().getEndpoint(inFirst.getId(), null).getData())
        .isEqualTo(inFirst);
  }

  @Test
  void readerCreatesAreNotFound() {
    EndpointsApi reader = as(account.readerToken()).endpoints();

    assertThat(
            pointers(
                errors(
                    404,
                    () ->
                        reader.createEndpoint(
                            inAccount(account.id(), attributes("r", "https://x.io")), null))))
        .containsExactly("/data/relationships/account");
    assertThat(
            pointers(
                errors(
                    404,
                    () ->
                        reader.createEndpoint(
                            inEnvironment(
                                account.environmentIds().get(0), attributes("r", "https://x.io")),
                            null))))
        .containsExactly("/data/relationships/environment");
    assertThat(listedIds(account.readerToken())).hasSize(3);
  }

  @Test
  void readerListsEverythingOfItsAccount() {
    assertThat(listedIds(account.readerToken()))
        .containsExactlyInAnyOrder(accountScoped.getId(), inFirst.getId(), inSecond.getId());
  }

  @Test
  void environmentRestrictedUserSeesAccountScopedAndItsEnvironmentOnly() {
    String restricted = account.firstEnvironmentAdminToken();

    assertThat(listedIds(restricted))
        .containsExactlyInAnyOrder(accountScoped.getId(), inFirst.getId());
    assertThat(as(restricted).endpoints().getEndpoint(inFirst.getId(), null).getData().getId())
        .isEqualTo(inFirst.getId());
  }

  @Test
  void environmentRestrictedUserCannotTouchAnotherEnvironmentsEndpoint() {
    EndpointsApi restricted = as(account.firstEnvironmentAdminToken()).endpoints();

    assertEndpointNotFound(inSecond.getId(), () -> restricted.getEndpoint(inSecond.getId(), null));
    assertEndpointNotFound(
        inSecond.getId(),
        () ->
            restricted.updateEndpoint(
                inSecond.getId(), update(new EndpointUpdateAttributes().name("x")), null));
    assertEndpointNotFound(inSecond.getId(), () -> restricted.deleteEndpoint(inSecond.getId()));
    assertThat(as(account.adminToken()).endpoints().getEndpoint(inSecond.getId(), null).getData())
        .isEqualTo(inSecond);
  }

  @Test
  void environmentRestrictedUserCannotUseAnotherEnvironment() {
    EndpointsApi restricted = as(account.firstEnvironmentAdminToken()).endpoints();
    String second = account.environmentIds().get(1);

    assertThat(
            errors(404, () -> restricted.listEndpoints(null, null, second, null, null, null, null))
                .get(0)
                .getSource()
                .getParameter())
        .isEqualTo("filter[environment]");
    assertThat(
            pointers(
                errors(
                    404,
                    () ->
                        restricted.createEndpoint(
                            inEnvironment(second, attributes("x", "https://x.io")), null))))
        .containsExactly("/data/relationships/environment");
    assertThat(
            pointers(
                errors(
                    404, () -> restricted.updateEndpoint(inFirst.getId(), moveTo(second), null))))
        .containsExactly("/data/relationships/environment");
  }

  @Test
  void otherAccountsAdminCannotSeeOrTouchTheEndpoints() {
    EndpointsApi stranger = as(other.adminToken()).endpoints();

    for (Endpoint endpoint : List.of(accountScoped, inFirst)) {
      assertEndpointNotFound(endpoint.getId(), () -> stranger.getEndpoint(endpoint.getId(), null));
      assertEndpointNotFound(
          endpoint.getId(),
          () ->
              stranger.updateEndpoint(
                  endpoint.getId(), update(new EndpointUpdateAttributes().name("x")), null));
      assertEndpointNotFound(endpoint.getId(), () -> stranger.deleteEndpoint(endpoint.getId()));
    }
    assertThat(listedIds(account.adminToken())).hasSize(3);
  }

  @Test
  void otherAccountsAdminCannotCreateIntoTheAccount() {
    EndpointsApi stranger = as(other.adminToken()).endpoints();

    assertThat(
            pointers(
                errors(
                    404,
                    () ->
                        stranger.createEndpoint(
                            inAccount(account.id(), attributes("x", "https://x.io")), null))))
        .containsExactly("/data/relationships/account");
    assertThat(
            pointers(
                errors(
                    404,
                    () ->
                        stranger.createEndpoint(
                            inEnvironment(
                                account.environmentIds().get(0), attributes("x", "https://x.io")),
                            null))))
        .containsExactly("/data/relationships/environment");
    assertThat(listedIds(account.adminToken())).hasSize(3);
  }

  @Test
  void listsNeverShowAnotherAccountsEndpoints() {
    Endpoint own = createInAccount(other.adminToken(), other.id(), "own", "https://x.io");

    assertThat(listedIds(other.adminToken())).containsExactly(own.getId());
    assertThat(
            as(other.adminToken())
                .endpoints()
                .listEndpoints(null, null, null, "x.io", null, null, null)
                .getMeta()
                .getPagination()
                .getTotalCount())
        .isEqualTo(1L);
    assertThat(
            errors(
                    404,
                    () ->
                        as(other.adminToken())
                            .endpoints()
                            .listEndpoints(null, account.id(), null, null, null, null, null))
                .get(0)
                .getSource()
                .getParameter())
        .isEqualTo("filter[account]");
    assertThat(listedIds(account.adminToken())).doesNotContain(own.getId());
  }
}
