package io.hookwire.contract.operator;

import static io.hookwire.contract.operator.Problems.expect;
import static io.hookwire.contract.operator.Problems.expectNotFound;
import static io.hookwire.contract.operator.Problems.pointers;
import static io.hookwire.contract.operator.Provision.accounts;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookwire.client.operator.model.Account;
import io.hookwire.client.operator.model.AccountCreate;
import io.hookwire.client.operator.model.EnvironmentCreate;
import io.hookwire.client.operator.model.Problem;
import io.hookwire.client.operator.model.UserCreate;
import io.hookwire.client.operator.model.UserRole;
import io.hookwire.contract.support.Fixtures;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.ResponseEntity;

/** Accounts: create, get, list, delete, and 404 for everything under an unknown account. */
class AccountsContractTest {

  @Test
  void createAnswers201WithAGeneratedIdTheNameAndAnAbsoluteLocation() {
    ResponseEntity<Account> created =
        accounts().createAccountWithHttpInfo(new AccountCreate().name("Demo  account "));

    Account account = created.getBody();
    assertThat(account.getId()).matches("acc-[0-9a-z]{17}");
    assertThat(account.getName()).isEqualTo("Demo  account ");
    Provision.assertCreated(
        created, account.getCreatedAt(), "/operator/v1/accounts/" + account.getId());
  }

  @Test
  void namesNeedNotBeUniqueAndEachCreateMakesANewAccount() {
    String first = accounts().createAccount(new AccountCreate().name("twin")).getId();
    String second = accounts().createAccount(new AccountCreate().name("twin")).getId();

    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void aNameOf255CharactersIsAccepted() {
    String name = "n".repeat(255);

    assertThat(accounts().createAccount(new AccountCreate().name(name)).getName()).isEqualTo(name);
  }

  /** Not blank as the spec's pattern reads whitespace, though Java's isBlank would say so. */
  @Test
  void aNameOfAControlCharacterIsNotBlank() {
    assertThat(accounts().createAccount(new AccountCreate().name("\u001d")).getName())
        .isEqualTo("\u001d");
  }

  @ParameterizedTest(name = "name \"{0}\"")
  @ValueSource(strings = {"", " ", "\t\n"})
  void anEmptyOrBlankNameIs422AtItsPointer(String name) {
    Problem problem = expect(422, () -> accounts().createAccount(new AccountCreate().name(name)));

    assertThat(pointers(problem)).containsOnly("/name");
  }

  @Test
  void aNameOver255CharactersIs422AtItsPointer() {
    Problem problem =
        expect(422, () -> accounts().createAccount(new AccountCreate().name("n".repeat(256))));

    assertThat(pointers(problem)).containsOnly("/name");
  }

  @Test
  void getShowsTheAccountAsCreated() {
    Account created = accounts().createAccount(new AccountCreate().name("shown"));

    assertThat(accounts().getAccount(created.getId())).isEqualTo(created);
  }

  @Test
  void listContainsCreatedAccountsOrderedByCreationTime() {
    Account first = accounts().createAccount(new AccountCreate().name("first"));
    Account second = accounts().createAccount(new AccountCreate().name("second"));

    Provision.assertListedOnceByCreationTime(
        accounts().listAccounts().getItems(), Account::getCreatedAt, List.of(first, second));
  }

  @Test
  void deleteRemovesTheAccountWithEverythingInIt() {
    Fixtures.Account account = Fixtures.newAccount();
    String environment = account.environmentIds().get(0);
    String endpoint = Provision.endpoint(account.adminToken(), environment);
    String user = accounts().listUsers(account.id()).getItems().get(0).getId();

    accounts().deleteAccount(account.id());

    expectNotFound("Account", account.id(), () -> accounts().getAccount(account.id()));
    assertThat(accounts().listAccounts().getItems())
        .extracting(Account::getId)
        .doesNotContain(account.id());
    // What was in it is gone with it: the account is the unknown id its paths report.
    expectNotFound(
        "Account", account.id(), () -> accounts().getEnvironment(account.id(), environment));
    expectNotFound("Account", account.id(), () -> accounts().getUser(account.id(), user));
    expectNotFound("Account", account.id(), () -> accounts().listUserTokens(account.id(), user));
    // The users' tokens stop working at once, so nobody can reach the endpoints any more.
    assertThat(Provision.listEndpoints(account.adminToken())).isEqualTo(401);
    assertThat(Provision.getEndpoint(account.readerToken(), endpoint)).isEqualTo(401);
    expectNotFound("Account", account.id(), () -> accounts().deleteAccount(account.id()));
  }

  @Test
  void deletingOneAccountLeavesAnotherAlone() {
    Fixtures.Account kept = Fixtures.newAccount();
    String deleted = Provision.account();

    accounts().deleteAccount(deleted);

    assertThat(accounts().getAccount(kept.id()).getId()).isEqualTo(kept.id());
    assertThat(Provision.listEndpoints(kept.adminToken())).isEqualTo(200);
  }

  /** Every operation with an account in its path, under an account that does not exist. */
  static Stream<Named<CallOnId>> operationsUnderAnUnknownAccount() {
    String env = Provision.unknownId("env");
    String usr = Provision.unknownId("usr");
    String tok = Provision.unknownId("tok");
    return Stream.of(
        Named.<CallOnId>of("getAccount", a -> accounts().getAccount(a)),
        Named.<CallOnId>of("deleteAccount", a -> accounts().deleteAccount(a)),
        Named.<CallOnId>of("listEnvironments", a -> accounts().listEnvironments(a)),
        Named.<CallOnId>of(
            "createEnvironment",
            a -> accounts().createEnvironment(a, new EnvironmentCreate().name("e"))),
        Named.<CallOnId>of("getEnvironment", a -> accounts().getEnvironment(a, env)),
        Named.<CallOnId>of("deleteEnvironment", a -> accounts().deleteEnvironment(a, env)),
        Named.<CallOnId>of("listUsers", a -> accounts().listUsers(a)),
        Named.<CallOnId>of(
            "createUser",
            a -> accounts().createUser(a, new UserCreate().name("u").role(UserRole.ADMIN))),
        Named.<CallOnId>of("getUser", a -> accounts().getUser(a, usr)),
        Named.<CallOnId>of("deleteUser", a -> accounts().deleteUser(a, usr)),
        Named.<CallOnId>of("listUserTokens", a -> accounts().listUserTokens(a, usr)),
        Named.<CallOnId>of("createUserToken", a -> accounts().createUserToken(a, usr)),
        Named.<CallOnId>of("deleteUserToken", a -> accounts().deleteUserToken(a, usr, tok)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operationsUnderAnUnknownAccount")
  void everyOperationUnderAnUnknownAccountIs404NamingTheAccount(CallOnId call) {
    for (String unknown :
        new String[] {Provision.unknownId("acc"), "not-an-account-id", "not even an id"}) {
      // The outermost unknown id is the one reported, as the path gave it (decoded).
      expectNotFound("Account", unknown, () -> call.on(unknown));
    }
  }
}
