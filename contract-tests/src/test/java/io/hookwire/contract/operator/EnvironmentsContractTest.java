package io.hookwire.contract.operator;

import static io.hookwire.contract.operator.Problems.expect;
import static io.hookwire.contract.operator.Problems.expectNotFound;
import static io.hookwire.contract.operator.Problems.pointers;
import static io.hookwire.contract.operator.Provision.accounts;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookwire.client.operator.model.Environment;
import io.hookwire.client.operator.model.EnvironmentCreate;
import io.hookwire.client.operator.model.Problem;
import io.hookwire.client.operator.model.UserRole;
import io.hookwire.contract.support.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.ResponseEntity;

/** Environments of an account: create, get, list, delete, and what a delete takes with it. */
class EnvironmentsContractTest {

  @Test
  void createAnswers201WithAGeneratedIdItsAccountAndAnAbsoluteLocation() {
    String account = Provision.account();

    ResponseEntity<Environment> created =
        accounts()
            .createEnvironmentWithHttpInfo(account, new EnvironmentCreate().name("Production"));

    Environment environment = created.getBody();
    assertThat(environment.getId()).matches("env-[0-9a-z]{17}");
    assertThat(environment.getAccountId()).isEqualTo(account);
    assertThat(environment.getName()).isEqualTo("Production");
    String environments = "/operator/v1/accounts/" + account + "/environments";
    Provision.assertCreated(
        created, environment.getCreatedAt(), environments + "/" + environment.getId());
  }

  @ParameterizedTest(name = "name of {0} characters")
  @ValueSource(ints = {0, 256})
  void aNameOfNoneOrOver255CharactersIs422AtItsPointer(int length) {
    String account = Provision.account();

    Problem problem =
        expect(
            422,
            () ->
                accounts()
                    .createEnvironment(account, new EnvironmentCreate().name("e".repeat(length))));

    assertThat(pointers(problem)).containsOnly("/name");
  }

  @Test
  void aBlankNameIs422AtItsPointer() {
    String account = Provision.account();

    Problem problem =
        expect(422, () -> accounts().createEnvironment(account, new EnvironmentCreate().name(" ")));

    assertThat(pointers(problem)).containsOnly("/name");
  }

  @Test
  void getShowsTheEnvironmentAsCreated() {
    String account = Provision.account();
    Environment created =
        accounts().createEnvironment(account, new EnvironmentCreate().name("staging"));

    assertThat(accounts().getEnvironment(account, created.getId())).isEqualTo(created);
  }

  @Test
  void listShowsEveryEnvironmentOfTheAccountInCreationOrderAndNoneOfAnother() {
    String account = Provision.account();
    String other = Provision.account();
    Provision.environment(other);
    Environment first = accounts().createEnvironment(account, new EnvironmentCreate().name("a"));
    Environment second = accounts().createEnvironment(account, new EnvironmentCreate().name("b"));

    assertThat(accounts().listEnvironments(account).getItems()).containsExactly(first, second);
  }

  @Test
  void aNewAccountHasNoEnvironments() {
    assertThat(accounts().listEnvironments(Provision.account()).getItems()).isEmpty();
  }

  @Test
  void anEnvironmentOfAnotherAccountIs404ToGetAndDeleteNamingIt() {
    String account = Provision.account();
    String owner = Provision.account();
    String foreign = Provision.environment(owner);

    expectNotFound("Environment", foreign, () -> accounts().getEnvironment(account, foreign));
    expectNotFound("Environment", foreign, () -> accounts().deleteEnvironment(account, foreign));
    assertThat(accounts().getEnvironment(owner, foreign).getId()).isEqualTo(foreign);
  }

  @Test
  void anUnknownOrMalformedEnvironmentIs404ToGetAndDelete() {
    String account = Provision.account();

    for (String unknown : List.of(Provision.unknownId("env"), "production")) {
      expectNotFound("Environment", unknown, () -> accounts().getEnvironment(account, unknown));
      expectNotFound("Environment", unknown, () -> accounts().deleteEnvironment(account, unknown));
    }
  }

  @Test
  void deleteRemovesTheEnvironmentAndItsEndpoints() {
    Fixtures.Account account = Fixtures.newAccount();
    String deleted = account.environmentIds().get(1);
    String kept = account.environmentIds().get(0);
    String goneEndpoint = Provision.endpoint(account.adminToken(), deleted);
    String keptEndpoint = Provision.endpoint(account.adminToken(), kept);

    accounts().deleteEnvironment(account.id(), deleted);

    expectNotFound("Environment", deleted, () -> accounts().getEnvironment(account.id(), deleted));
    expectNotFound(
        "Environment", deleted, () -> accounts().deleteEnvironment(account.id(), deleted));
    assertThat(accounts().listEnvironments(account.id()).getItems())
        .extracting(Environment::getId)
        .containsExactly(kept);
    assertThat(Provision.getEndpoint(account.adminToken(), goneEndpoint)).isEqualTo(404);
    assertThat(Provision.getEndpoint(account.adminToken(), keptEndpoint)).isEqualTo(200);
  }

  @Test
  void deleteTakesTheEnvironmentOutOfUsersListsAndNeverWidensAccess() {
    String account = Provision.account();
    String first = Provision.environment(account);
    String second = Provision.environment(account);
    String both = Provision.user(account, UserRole.ADMIN, List.of(first, second)).getId();
    String onlyFirst = Provision.user(account, UserRole.ADMIN, List.of(first)).getId();
    String all = Provision.user(account, UserRole.ADMIN);
    String onlyFirstToken = Provision.userToken(account, onlyFirst);

    accounts().deleteEnvironment(account, first);

    assertThat(accounts().getUser(account, both).getEnvironmentIds()).containsExactly(second);
    // Losing its last environment leaves an empty list (none), never null (all).
    assertThat(accounts().getUser(account, onlyFirst).getEnvironmentIds()).isEmpty();
    assertThat(accounts().getUser(account, all).getEnvironmentIds()).isNull();
    assertThat(Provision.createEndpoint(onlyFirstToken, second)).isEqualTo(404);
  }

  @Test
  void aNewEnvironmentIsSeenAtOnceByUsersOfAllEnvironmentsOnly() {
    Fixtures.Account account = Fixtures.newAccount();

    String later = Provision.environment(account.id());

    assertThat(Provision.createEndpoint(account.adminToken(), later)).isEqualTo(200);
    assertThat(Provision.createEndpoint(account.firstEnvironmentAdminToken(), later))
        .isEqualTo(404);
  }
}
