package io.hookwire.contract.operator;

import static io.hookwire.contract.operator.Problems.expectNotFound;
import static io.hookwire.contract.operator.Provision.accounts;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookwire.client.operator.model.UserRole;
import io.hookwire.client.operator.model.UserToken;
import io.hookwire.client.operator.model.UserTokenCreated;
import io.hookwire.contract.support.RawHttp;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/** A user's tokens: shown once, working at once, and stopping at once when deleted. */
class UserTokensContractTest {

  private String account;
  private String user;

  @BeforeEach
  void aUser() {
    account = Provision.account();
    Provision.environment(account);
    user = Provision.user(account, UserRole.ADMIN);
  }

  private String tokens() {
    return "/operator/v1/accounts/" + account + "/users/" + user + "/tokens";
  }

  @Test
  void createAnswers201WithTheSecretAndTheLocationThatDeletesIt() {
    ResponseEntity<UserTokenCreated> created =
        accounts().createUserTokenWithHttpInfo(account, user);

    UserTokenCreated token = created.getBody();
    assertThat(token.getId()).matches("tok-[0-9a-z]{17}");
    // At least 128 bits, whatever the encoding.
    assertThat(token.getToken()).hasSizeGreaterThanOrEqualTo(22);
    Provision.assertCreated(created, token.getCreatedAt(), tokens() + "/" + token.getId());
  }

  @Test
  void theTokenWorksOnTheEndpointsApiRightAfterCreation() {
    String token = accounts().createUserToken(account, user).getToken();

    assertThat(Provision.listEndpoints(token)).isEqualTo(200);
  }

  @Test
  void everyTokenHasItsOwnSecret() {
    String first = accounts().createUserToken(account, user).getToken();
    String second = accounts().createUserToken(account, user).getToken();

    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void listShowsEveryTokenInCreationOrderWithoutItsSecret() {
    UserTokenCreated first = accounts().createUserToken(account, user);
    UserTokenCreated second = accounts().createUserToken(account, user);
    Provision.userToken(account, Provision.user(account, UserRole.READER));

    assertThat(accounts().listUserTokens(account, user).getItems())
        .extracting(UserToken::getId, UserToken::getCreatedAt)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(first.getId(), first.getCreatedAt()),
            org.assertj.core.groups.Tuple.tuple(second.getId(), second.getCreatedAt()));
    Provision.assertListedWithout(
        tokens(), List.of(first.getToken(), second.getToken()), "id", "created_at");
  }

  @Test
  void aBodySentToCreateIsIgnored() {
    // The operation reads no body: one sent anyway neither fails nor shapes the token.
    RawHttp.Answer created = Provision.raw("POST", tokens(), "{\"ignored\":true}");

    assertThat(created.status()).isEqualTo(201);
    assertThat(accounts().listUserTokens(account, user).getItems())
        .extracting(UserToken::getId)
        .containsExactly(created.json().path("id").asString());
  }

  @Test
  void aNewUserHasNoTokens() {
    assertThat(accounts().listUserTokens(account, user).getItems()).isEmpty();
  }

  @Test
  void deleteStopsTheTokenAtOnceAndLeavesTheOthers() {
    UserTokenCreated deleted = accounts().createUserToken(account, user);
    String kept = Provision.userToken(account, user);

    accounts().deleteUserToken(account, user, deleted.getId());

    assertThat(Provision.listEndpoints(deleted.getToken())).isEqualTo(401);
    assertThat(Provision.listEndpoints(kept)).isEqualTo(200);
    assertThat(accounts().listUserTokens(account, user).getItems())
        .extracting(UserToken::getId)
        .doesNotContain(deleted.getId());
    expectNotFound(
        "Token", deleted.getId(), () -> accounts().deleteUserToken(account, user, deleted.getId()));
  }

  @Test
  void aTokenOfAnotherUserOrUnknownIs404NamingIt() {
    String colleague = Provision.user(account, UserRole.READER);
    String foreign = accounts().createUserToken(account, colleague).getId();

    for (String token : new String[] {foreign, Provision.unknownId("tok"), "secret"}) {
      expectNotFound("Token", token, () -> accounts().deleteUserToken(account, user, token));
    }
    assertThat(accounts().listUserTokens(account, colleague).getItems())
        .extracting(UserToken::getId)
        .containsExactly(foreign);
  }
}
