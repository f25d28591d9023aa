package io.hookwire.contract.operator;

import static io.hookwire.contract.operator.Problems.expect;
import static io.hookwire.contract.operator.Problems.expectNotFound;
import static io.hookwire.contract.operator.Problems.pointers;
import static io.hookwire.contract.operator.Provision.accounts;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookwire.client.operator.model.Problem;
import io.hookwire.client.operator.model.User;
import io.hookwire.client.operator.model.UserCreate;
import io.hookwire.client.operator.model.UserRole;
import io.hookwire.contract.support.RawHttp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/** Users of an account: roles, the environments they see, and what deleting one does. */
class UsersContractTest {

  @Test
  void createAnswers201WithAGeneratedIdAndAnAbsoluteLocation() {
    String account = Provision.account();

    ResponseEntity<User> created =
        accounts()
            .createUserWithHttpInfo(
                account, new UserCreate().name("Deploy bot").role(UserRole.ADMIN));

    User user = created.getBody();
    assertThat(user.getId()).matches("usr-[0-9a-z]{17}");
    assertThat(user.getAccountId()).isEqualTo(account);
    assertThat(user.getName()).isEqualTo("Deploy bot");
    assertThat(user.getRole()).isEqualTo(UserRole.ADMIN);
    String users = "/operator/v1/accounts/" + account + "/users";
    Provision.assertCreated(created, user.getCreatedAt(), users + "/" + user.getId());
  }

  @Test
  void withoutEnvironmentIdsAUserSeesAllEnvironmentsShownAsAnExplicitNull() {
    String account = Provision.account();

    User user = accounts().createUser(account, new UserCreate().name("u").role(UserRole.READER));

    assertThat(user.getEnvironmentIds()).isNull();
    // "Always present": null is written out, not left away.
    RawHttp.Answer shown =
        Provision.raw("GET", "/operator/v1/accounts/" + account + "/users/" + user.getId(), "");
    assertThat(shown.json().has("environment_ids")).isTrue();
    assertThat(shown.json().get("environment_ids").isNull()).isTrue();
  }

  @Test
  void anExplicitNullListMeansAllEnvironments() {
    String account = Provision.account();

    // The generated client writes a list set to null out as null.
    User user = Provision.user(account, UserRole.ADMIN, null);

    assertThat(user.getEnvironmentIds()).isNull();
  }

  @Test
  void anEmptyListMeansNoEnvironment() {
    String account = Provision.account();
    String environment = Provision.environment(account);
    User user = Provision.user(account, UserRole.ADMIN, List.of());

    assertThat(user.getEnvironmentIds()).isEmpty();
    assertThat(accounts().getUser(account, user.getId()).getEnvironmentIds()).isEmpty();
    String token = Provision.userToken(account, user.getId());
    assertThat(Provision.createEndpoint(token, environment)).isEqualTo(404);
  }

  @Test
  void aListedEnvironmentIsSeenAndAnUnlistedOneIsNot() {
    String account = Provision.account();
    String seen = Provision.environment(account);
    String unseen = Provision.environment(account);
    User user = Provision.user(account, UserRole.ADMIN, List.of(seen));
    String token = Provision.userToken(account, user.getId());

    assertThat(user.getEnvironmentIds()).containsExactly(seen);
    assertThat(Provision.createEndpoint(token, seen)).isEqualTo(200);
    assertThat(Provision.createEndpoint(token, unseen)).isEqualTo(404);
  }

  @Test
  void theEnvironmentsAreShownInTheOrderTheyWereCreated() {
    String account = Provision.account();
    List<String> created = List.of(Provision.environment(account), Provision.environment(account));

    User user = Provision.user(account, UserRole.READER, List.of(created.get(1), created.get(0)));

    assertThat(user.getEnvironmentIds()).isEqualTo(created);
    assertThat(accounts().getUser(account, user.getId()).getEnvironmentIds()).isEqualTo(created);
  }

  @Test
  void anAdminWritesAndAReaderOnlyReads() {
    String account = Provision.account();
    String environment = Provision.environment(account);
    String admin = Provision.userToken(account, Provision.user(account, UserRole.ADMIN));
    String reader = Provision.userToken(account, Provision.user(account, UserRole.READER));

    String endpoint = Provision.endpoint(admin, environment);

    assertThat(Provision.getEndpoint(reader, endpoint)).isEqualTo(200);
    // The Endpoints API words a reader's write as "not found or user unauthorized".
    assertThat(Provision.createEndpoint(reader, environment)).isEqualTo(404);
  }

  @Test
  void anUnknownRoleIs422AtItsPointer() {
    String account = Provision.account();

    // The generated client knows only the valid roles.
    JsonNode problem =
        expect(
            422,
            Provision.raw(
                "POST",
                "/operator/v1/accounts/" + account + "/users",
                "{\"name\":\"u\",\"role\":\"owner\"}"));

    assertThat(pointers(problem)).containsOnly("/role");
    assertThat(problem.path("errors").get(0).path("detail").asString())
        .isEqualTo("'/role' must be one of 'admin', 'reader'.");
  }

  @Test
  void aBlankNameIs422AtItsPointer() {
    String account = Provision.account();
    UserCreate blank = new UserCreate().name(" ").role(UserRole.ADMIN);

    Problem problem = expect(422, () -> accounts().createUser(account, blank));

    assertThat(pointers(problem)).containsOnly("/name");
  }

  @Test
  void anEnvironmentListedTwiceIs422AtTheSecondMention() {
    String account = Provision.account();
    String environment = Provision.environment(account);

    Problem problem = refusedReader(account, List.of(environment, environment));

    assertThat(pointers(problem)).containsExactly("/environment_ids/1");
  }

  @Test
  void anEnvironmentOfAnotherAccountOrUnknownIs422AtItsPointer() {
    String account = Provision.account();
    String own = Provision.environment(account);
    String foreign = Provision.environment(Provision.account());
    String unknown = Provision.unknownId("env");

    Problem problem = refusedReader(account, List.of(own, foreign, unknown));

    assertThat(pointers(problem)).containsExactly("/environment_ids/1", "/environment_ids/2");
    assertThat(problem.getErrors().get(0).getDetail())
        .isEqualTo("Environment '" + foreign + "' is not in account '" + account + "'");
    assertThat(accounts().listUsers(account).getItems()).isEmpty();
  }

  @Test
  void anEnvironmentIdNotOfTheIdFormIs422AtItsPointer() {
    String account = Provision.account();
    String own = Provision.environment(account);

    Problem problem = refusedReader(account, List.of(own, "production"));

    assertThat(pointers(problem)).containsOnly("/environment_ids/1");
    assertThat(accounts().listUsers(account).getItems()).isEmpty();
  }

  @Test
  void everyInvalidMemberIsReportedAtOnce() {
    String account = Provision.account();
    String users = "/operator/v1/accounts/" + account + "/users";

    JsonNode missing = expect(422, Provision.raw("POST", users, "{}"));
    assertThat(pointers(missing)).contains("/name", "/role");

    JsonNode invalid =
        expect(
            422,
            Provision.raw(
                "POST",
                users,
                "{\"name\":\" \",\"role\":\"admin\",\"environment_ids\":[\"production\"]}"));
    assertThat(pointers(invalid)).contains("/name", "/environment_ids/0");

    // The spec's invalidUser example: the schema's violations and the account's rule together.
    String foreign = Provision.environment(Provision.account());
    JsonNode both =
        expect(
            422,
            Provision.raw(
                "POST",
                users,
                "{\"name\":\" \",\"role\":\"admin\",\"environment_ids\":[\""
                    + foreign
                    + "\",\"env-\"]}"));
    assertThat(pointers(both))
        .containsExactlyInAnyOrder("/name", "/environment_ids/0", "/environment_ids/1");
    assertThat(both.toString())
        .contains("Environment '" + foreign + "' is not in account '" + account + "'");
    assertThat(accounts().listUsers(account).getItems()).isEmpty();
  }

  @Test
  void moreThan1000EnvironmentIdsAre422() {
    String account = Provision.account();
    List<String> many = new ArrayList<>(Arrays.asList(new String[1001]));
    many.replaceAll(unused -> Provision.unknownId("env"));

    Problem problem = refusedReader(account, many);

    assertThat(pointers(problem)).contains("/environment_ids");
  }

  @Test
  void getAndListShowUsersAsCreatedAndOnlyThoseOfTheAccount() {
    String account = Provision.account();
    String environment = Provision.environment(account);
    Provision.user(Provision.account(), UserRole.ADMIN);
    User admin = accounts().createUser(account, new UserCreate().name("a").role(UserRole.ADMIN));
    User reader = Provision.user(account, UserRole.READER, List.of(environment));

    assertThat(accounts().getUser(account, reader.getId())).isEqualTo(reader);
    assertThat(accounts().listUsers(account).getItems()).containsExactly(admin, reader);
  }

  @Test
  void aUserOfAnotherAccountOrUnknownIs404NamingIt() {
    String account = Provision.account();
    String foreign = Provision.user(Provision.account(), UserRole.ADMIN);

    for (String user : List.of(foreign, Provision.unknownId("usr"), "bob")) {
      String token = Provision.unknownId("tok");
      expectNotFound("User", user, () -> accounts().getUser(account, user));
      expectNotFound("User", user, () -> accounts().deleteUser(account, user));
      expectNotFound("User", user, () -> accounts().listUserTokens(account, user));
      expectNotFound("User", user, () -> accounts().createUserToken(account, user));
      expectNotFound("User", user, () -> accounts().deleteUserToken(account, user, token));
    }
  }

  @Test
  void deleteRemovesTheUserAndItsTokensButKeepsTheAccountsEndpoints() {
    String account = Provision.account();
    String environment = Provision.environment(account);
    String user = Provision.user(account, UserRole.ADMIN);
    String token = Provision.userToken(account, user);
    String colleague = Provision.userToken(account, Provision.user(account, UserRole.READER));
    String endpoint = Provision.endpoint(token, environment);

    accounts().deleteUser(account, user);

    expectNotFound("User", user, () -> accounts().getUser(account, user));
    expectNotFound("User", user, () -> accounts().listUserTokens(account, user));
    expectNotFound("User", user, () -> accounts().deleteUser(account, user));
    assertThat(accounts().listUsers(account).getItems())
        .extracting(User::getId)
        .doesNotContain(user);
    assertThat(Provision.listEndpoints(token)).isEqualTo(401);
    assertThat(Provision.getEndpoint(colleague, endpoint)).isEqualTo(200);
  }

  /** The 422 answer to a new reader who sees these environments. */
  private static Problem refusedReader(String account, List<String> environmentIds) {
    return expect(422, () -> Provision.user(account, UserRole.READER, environmentIds));
  }
}
