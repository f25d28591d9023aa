package io.hookwire.contract.endpoints;

import static io.hookwire.contract.endpoints.EndpointDocuments.as;
import static io.hookwire.contract.endpoints.EndpointDocuments.assertEndpointNotFound;
import static io.hookwire.contract.endpoints.EndpointDocuments.assertNotFoundAt;
import static io.hookwire.contract.endpoints.EndpointDocuments.attributes;
import static io.hookwire.contract.endpoints.EndpointDocuments.create;
import static io.hookwire.contract.endpoints.EndpointDocuments.createInAccount;
import static io.hookwire.contract.endpoints.EndpointDocuments.createInEnvironment;
import static io.hookwire.contract.endpoints.EndpointDocuments.inAccount;
import static io.hookwire.contract.endpoints.EndpointDocuments.inEnvironment;
import static io.hookwire.contract.endpoints.EndpointDocuments.moveTo;
import static io.hookwire.contract.endpoints.EndpointDocuments.update;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookwire.client.endpoints.api.EndpointsApi;
import io.hookwire.client.endpoints.model.Endpoint;
import io.hookwire.client.endpoints.model.EndpointCreateRelationships;
import io.hookwire.client.endpoints.model.EndpointListDocument;
import io.hookwire.client.endpoints.model.EndpointUpdateAttributes;
import io.hookwire.contract.support.Fixtures;
import io.hookwire.contract.support.Fixtures.Account;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Who sees and changes what: a reader writes nothing, a user restricted to one environment knows
 * nothing of the others, and accounts know nothing of each other. Every refusal is a 404 that does
 * not tell whether the endpoint exists.
 */
class EndpointsIsolationContractTest {

  private static final String URL = "https://x.io";

  private Account account;
  private Endpoint accountScoped;
  private Endpoint inFirst;
  private Endpoint inSecond;

  @BeforeEach
  void provision() {
    account = Fixtures.newAccount();
    accountScoped = createInAccount(account.adminToken(), account.id(), "acc", URL);
    inFirst = createInEnvironment(account.adminToken(), first(), "first", URL);
    inSecond = createInEnvironment(account.adminToken(), second(), "second", URL);
  }

  private static EndpointListDocument list(
      String token, String filterAccount, String filterEnvironment) {
    return as(token)
        .endpoints()
        .listEndpoints(null, filterAccount, filterEnvironment, null, null, null, null);
  }

  private static List<String> listedIds(String token) {
    return listedIds(token, null, null);
  }

  private static List<String> listedIds(
      String token, String filterAccount, String filterEnvironment) {
    EndpointListDocument document = list(token, filterAccount, filterEnvironment);
    assertThat(document.getMeta().getPagination().getTotalCount())
        .isEqualTo((long) document.getData().size());
    return document.getData().stream().map(Endpoint::getId).toList();
  }

  private String first() {
    return account.environmentIds().get(0);
  }

  private String second() {
    return account.environmentIds().get(1);
  }

  /**
   * Checks that this caller can neither update nor delete the endpoint, nor read it unless it may,
   * each refusal a 404 that does not tell whether it exists, and that the endpoint stays as it was.
   */
  private void assertCannotTouch(String token, Endpoint endpoint, boolean mayRead) {
    EndpointsApi api = as(token).endpoints();
    String id = endpoint.getId();
    if (!mayRead) {
      assertEndpointNotFound(id, () -> api.getEndpoint(id, null));
    }
    assertEndpointNotFound(
        id, () -> api.updateEndpoint(id, update(new EndpointUpdateAttributes().name("x")), null));
    assertEndpointNotFound(id, () -> api.deleteEndpoint(id));
    assertThat(as(account.adminToken()).endpoints().getEndpoint(id, null).getData())
        .isEqualTo(endpoint);
  }

  @Test
  void readerUpdatesAndDeletesAreNotFoundAndChangeNothing() {
    assertCannotTouch(account.readerToken(), inFirst, true);
  }

  @ParameterizedTest
  @ValueSource(strings = {"reader", "another account's admin"})
  void createsIntoTheAccountByAReaderOrAStrangerAreNotFound(String caller) {
    EndpointsApi api =
        as(caller.equals("reader") ? account.readerToken() : Fixtures.newAccount().adminToken())
            .endpoints();

    assertNotFoundAt(
        "/data/relationships/account",
        () -> api.createEndpoint(inAccount(account.id(), attributes("x", URL)), null));
    assertNotFoundAt(
        "/data/relationships/environment",
        () -> api.createEndpoint(inEnvironment(first(), attributes("x", URL)), null));
    assertThat(listedIds(account.adminToken())).hasSize(3);
  }

  @Test
  void readerListsEverythingOfItsAccount() {
    assertThat(listedIds(account.readerToken()))
        .containsExactlyInAnyOrder(accountScoped.getId(), inFirst.getId(), inSecond.getId());
    assertThat(listedIds(account.readerToken(), null, second())).containsExactly(inSecond.getId());
  }

  @Test
  void environmentRestrictedUserSeesAccountScopedAndItsEnvironmentOnly() {
    String restricted = account.firstEnvironmentAdminToken();
    EndpointsApi api = as(restricted).endpoints();

    assertThat(listedIds(restricted))
        .containsExactlyInAnyOrder(accountScoped.getId(), inFirst.getId());
    assertThat(listedIds(restricted, account.id(), null))
        .containsExactlyInAnyOrder(accountScoped.getId(), inFirst.getId());
    assertThat(listedIds(restricted, account.id(), first())).containsExactly(inFirst.getId());
    assertThat(api.getEndpoint(inFirst.getId(), null).getData()).isEqualTo(inFirst);
    assertThat(api.getEndpoint(accountScoped.getId(), null).getData()).isEqualTo(accountScoped);
  }

  @Test
  void environmentRestrictedUserCreatesAndDeletesInItsEnvironment() {
    EndpointsApi restricted = as(account.firstEnvironmentAdminToken()).endpoints();

    Endpoint created =
        restricted.createEndpoint(inEnvironment(first(), attributes("mine", URL)), null).getData();
    restricted.deleteEndpoint(inFirst.getId());

    assertThat(created.getRelationships().getEnvironment().getData().getId()).isEqualTo(first());
    assertThat(created.getAttributes().getPermissions().getWebhookEndpointsUpdate()).isTrue();
    assertThat(created.getAttributes().getPermissions().getWebhookEndpointsDelete()).isTrue();
    assertThat(listedIds(account.adminToken()))
        .containsExactlyInAnyOrder(accountScoped.getId(), created.getId(), inSecond.getId());
  }

  @Test
  void environmentRestrictedUserCannotTouchAnotherEnvironmentsEndpoint() {
    assertCannotTouch(account.firstEnvironmentAdminToken(), inSecond, false);
  }

  @Test
  void environmentRestrictedUserCannotUseAnotherEnvironment() {
    String token = account.firstEnvironmentAdminToken();
    EndpointsApi restricted = as(token).endpoints();
    EndpointCreateRelationships accountAndSecond =
        new EndpointCreateRelationships()
            .account(EndpointDocuments.account(account.id()))
            .environment(EndpointDocuments.environment(second()));

    assertNotFoundAt("filter[environment]", () -> list(token, null, second()));
    assertNotFoundAt(
        "/data/relationships/environment",
        () -> restricted.createEndpoint(inEnvironment(second(), attributes("x", URL)), null));
    assertNotFoundAt(
        "/data/relationships/environment",
        () -> restricted.createEndpoint(create(attributes("x", URL), accountAndSecond), null));
    assertNotFoundAt(
        "/data/relationships/environment",
        () -> restricted.updateEndpoint(inFirst.getId(), moveTo(second()), null));
    assertThat(listedIds(account.adminToken())).hasSize(3);
    assertThat(restricted.getEndpoint(inFirst.getId(), null).getData()).isEqualTo(inFirst);
  }

  @Test
  void movingAnEndpointChangesWhoSeesIt() {
    EndpointsApi admin = as(account.adminToken()).endpoints();
    EndpointsApi restricted = as(account.firstEnvironmentAdminToken()).endpoints();

    Endpoint toAccount = admin.updateEndpoint(inSecond.getId(), moveTo(null), null).getData();
    Endpoint toSecond =
        admin.updateEndpoint(accountScoped.getId(), moveTo(second()), null).getData();

    assertThat(restricted.getEndpoint(inSecond.getId(), null).getData()).isEqualTo(toAccount);
    assertEndpointNotFound(
        accountScoped.getId(), () -> restricted.getEndpoint(accountScoped.getId(), null));
    assertThat(admin.getEndpoint(accountScoped.getId(), null).getData()).isEqualTo(toSecond);
  }

  @Test
  void otherAccountsAdminCannotSeeOrTouchTheEndpoints() {
    String stranger = Fixtures.newAccount().adminToken();

    for (Endpoint endpoint : List.of(accountScoped, inFirst, inSecond)) {
      assertCannotTouch(stranger, endpoint, false);
    }
    assertThat(listedIds(account.adminToken())).hasSize(3);
  }

  @Test
  void listsNeverShowAnotherAccountsEndpoints() {
    Account other = Fixtures.newAccount();
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
    assertThat(listedIds(account.adminToken())).doesNotContain(own.getId());
  }

  @Test
  void aFilterOnWhatTheCallerDoesNotSeeIs404AtTheParameter() {
    String admin = account.adminToken();
    Account other = Fixtures.newAccount();

    assertNotFoundAt("filter[account]", () -> list(admin, "acc-00000000000000000", null));
    assertNotFoundAt("filter[account]", () -> list(admin, other.id(), null));
    assertNotFoundAt("filter[environment]", () -> list(admin, null, other.environmentIds().get(0)));
    assertNotFoundAt("filter[account]", () -> list(other.adminToken(), account.id(), null));
    assertNotFoundAt("filter[environment]", () -> list(other.adminToken(), null, first()));
  }
}
