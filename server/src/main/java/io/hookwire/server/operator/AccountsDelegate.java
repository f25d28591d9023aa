package io.hookwire.server.operator;

import io.hookwire.server.operator.api.AccountsApiDelegate;
import io.hookwire.server.operator.model.Account;
import io.hookwire.server.operator.model.AccountCreate;
import io.hookwire.server.operator.model.AccountList;
import io.hookwire.server.operator.model.Environment;
import io.hookwire.server.operator.model.EnvironmentCreate;
import io.hookwire.server.operator.model.EnvironmentList;
import io.hookwire.server.operator.model.User;
import io.hookwire.server.operator.model.UserCreate;
import io.hookwire.server.operator.model.UserList;
import io.hookwire.server.operator.model.UserRole;
import io.hookwire.server.operator.model.UserToken;
import io.hookwire.server.operator.model.UserTokenCreated;
import io.hookwire.server.operator.model.UserTokenList;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** The Accounts operations of the operator API: models in and out, statuses, locations. */
@Component
public record AccountsDelegate(AccountsService accounts, Locations locations)
    implements AccountsApiDelegate {

  // Accounts

  @Override
  public ResponseEntity<AccountList> listAccounts() {
    return ResponseEntity.ok(
        new AccountList(accounts.listAccounts().stream().map(AccountsDelegate::account).toList()));
  }

  @Override
  public ResponseEntity<Account> createAccount(AccountCreate body) {
    AccountRecord account = accounts.createAccount(body.getName());
    return ResponseEntity.created(locations.created(account.id())).body(account(account));
  }

  @Override
  public ResponseEntity<Account> getAccount(String accountId) {
    return ResponseEntity.ok(account(accounts.getAccount(accountId)));
  }

  @Override
  public ResponseEntity<Void> deleteAccount(String accountId) {
    accounts.deleteAccount(accountId);
    return ResponseEntity.noContent().build();
  }

  // Environments

  @Override
  public ResponseEntity<EnvironmentList> listEnvironments(String accountId) {
    return ResponseEntity.ok(
        new EnvironmentList(
            accounts.listEnvironments(accountId).stream()
                .map(AccountsDelegate::environment)
                .toList()));
  }

  @Override
  public ResponseEntity<Environment> createEnvironment(String accountId, EnvironmentCreate body) {
    EnvironmentRecord environment = accounts.createEnvironment(accountId, body.getName());
    return ResponseEntity.created(locations.created(environment.id()))
        .body(environment(environment));
  }

  @Override
  public ResponseEntity<Environment> getEnvironment(String accountId, String environmentId) {
    return ResponseEntity.ok(environment(accounts.getEnvironment(accountId, environmentId)));
  }

  @Override
  public ResponseEntity<Void> deleteEnvironment(String accountId, String environmentId) {
    accounts.deleteEnvironment(accountId, environmentId);
    return ResponseEntity.noContent().build();
  }

  // Users

  @Override
  public ResponseEntity<UserList> listUsers(String accountId) {
    return ResponseEntity.ok(
        new UserList(accounts.listUsers(accountId).stream().map(AccountsDelegate::user).toList()));
  }

  @Override
  public ResponseEntity<User> createUser(String accountId, UserCreate body) {
    List<String> environmentIds =
        body.getEnvironmentIds() == null ? null : body.getEnvironmentIds().orElse(null);
    UserRecord user =
        accounts.createUser(accountId, body.getName(), body.getRole().getValue(), environmentIds);
    return ResponseEntity.created(locations.created(user.id())).body(user(user));
  }

  @Override
  public ResponseEntity<User> getUser(String accountId, String userId) {
    return ResponseEntity.ok(user(accounts.getUser(accountId, userId)));
  }

  @Override
  public ResponseEntity<Void> deleteUser(String accountId, String userId) {
    accounts.deleteUser(accountId, userId);
    return ResponseEntity.noContent().build();
  }

  // User tokens

  @Override
  public ResponseEntity<UserTokenList> listUserTokens(String accountId, String userId) {
    return ResponseEntity.ok(
        new UserTokenList(
            accounts.listUserTokens(accountId, userId).stream()
                .map(token -> new UserToken(token.id(), utc(token.createdAt())))
                .toList()));
  }

  @Override
  public ResponseEntity<UserTokenCreated> createUserToken(String accountId, String userId) {
    CreatedUserToken created = accounts.createUserToken(accountId, userId);
    UserTokenRecord token = created.token();
    return ResponseEntity.created(locations.created(token.id()))
        .body(new UserTokenCreated(token.id(), created.secret(), utc(token.createdAt())));
  }

  @Override
  public ResponseEntity<Void> deleteUserToken(String accountId, String userId, String tokenId) {
    accounts.deleteUserToken(accountId, userId, tokenId);
    return ResponseEntity.noContent().build();
  }

  // Models

  private static Account account(AccountRecord account) {
    return new Account(account.id(), account.name(), utc(account.createdAt()));
  }

  private static Environment environment(EnvironmentRecord environment) {
    return new Environment(
        environment.id(),
        environment.accountId(),
        environment.name(),
        utc(environment.createdAt()));
  }

  private static User user(UserRecord user) {
    return new User(
        user.id(),
        user.accountId(),
        user.name(),
        UserRole.fromValue(user.role()),
        user.environmentIds() == null ? null : new ArrayList<>(user.environmentIds()),
        utc(user.createdAt()));
  }

  static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
