package io.hookwire.server.operator;

import io.hookwire.server.platform.StoreTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The accounts of the Endpoints API with their environments, users and user tokens, in the tables
 * {@code accounts}, {@code environments}, {@code users}, {@code user_environments} and {@code
 * user_tokens}. Lists are ordered by creation time, then id. Deleting a row deletes what is under
 * it (the foreign keys cascade).
 */
@Repository
public class AccountsStore {

  private static final String ACCOUNT_COLUMNS = "id, name, created_at";
  private static final String ENVIRONMENT_COLUMNS = "id, account_id, name, created_at";
  private static final String USER_COLUMNS =
      "id, account_id, name, role, all_environments, created_at";

  private final JdbcClient jdbc;
  private final OwnedRows<AccountRecord> accounts;
  private final OwnedRows<EnvironmentRecord> environments;
  private final OwnedRows<UserRow> users;
  private final OwnedRows<UserTokenRecord> tokens;

  public AccountsStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.accounts =
        new OwnedRows<>(jdbc, "accounts", ACCOUNT_COLUMNS, AccountsStore::account, null);
    this.environments =
        new OwnedRows<>(
            jdbc, "environments", ENVIRONMENT_COLUMNS, AccountsStore::environment, "account_id");
    this.users = new OwnedRows<>(jdbc, "users", USER_COLUMNS, AccountsStore::userRow, "account_id");
    this.tokens =
        new OwnedRows<>(
            jdbc, "user_tokens", "id, user_id, created_at", AccountsStore::token, "user_id");
  }

  // Accounts

  public void insertAccount(AccountRecord account) {
    jdbc.sql("INSERT INTO accounts (id, name, created_at) VALUES (:id, :name, :createdAt)")
        .param("id", account.id())
        .param("name", account.name())
        .param("createdAt", StoreTimes.bind(account.createdAt()))
        .update();
  }

  public List<AccountRecord> listAccounts() {
    return accounts.list();
  }

  public Optional<AccountRecord> findAccount(String id) {
    return accounts.find(id);
  }

  /**
   * Whether the account exists; if so, its row stays locked until the transaction ends, so that it
   * cannot be deleted while something is created in it.
   */
  public boolean lockAccount(String id) {
    return accounts.lock(id);
  }

  /** Deletes the account with its environments, users and their tokens; false if there was none. */
  public boolean deleteAccount(String id) {
    return accounts.delete(id);
  }

  // Environments

  public void insertEnvironment(EnvironmentRecord environment) {
    jdbc.sql(
            "INSERT INTO environments (id, account_id, name, created_at)"
                + " VALUES (:id, :accountId, :name, :createdAt)")
        .param("id", environment.id())
        .param("accountId", environment.accountId())
        .param("name", environment.name())
        .param("createdAt", StoreTimes.bind(environment.createdAt()))
        .update();
  }

  public List<EnvironmentRecord> listEnvironments(String accountId) {
    return environments.list(accountId);
  }

  /** The environment, if it exists in this account. */
  public Optional<EnvironmentRecord> findEnvironment(String accountId, String id) {
    return environments.find(accountId, id);
  }

  /**
   * The ids of the account's environments; their rows stay locked until the transaction ends, so
   * that none is deleted while a user is given it.
   */
  public Set<String> lockEnvironmentIds(String accountId) {
    return jdbc.sql("SELECT id FROM environments WHERE account_id = :accountId FOR UPDATE")
        .param("accountId", accountId)
        .query(String.class)
        .set();
  }

  /**
   * Deletes the environment of this account, and so removes it from its users' lists; false if the
   * account has no such environment.
   */
  public boolean deleteEnvironment(String accountId, String id) {
    return environments.delete(accountId, id);
  }

  // Users

  /**
   * Inserts the user and, unless it sees all environments, one {@code user_environments} row for
   * each of its environments: call it in a transaction.
   */
  public void insertUser(UserRecord user) {
    jdbc.sql(
            "INSERT INTO users (id, account_id, name, role, all_environments, created_at)"
                + " VALUES (:id, :accountId, :name, :role, :allEnvironments, :createdAt)")
        .param("id", user.id())
        .param("accountId", user.accountId())
        .param("name", user.name())
        .param("role", user.role())
        .param("allEnvironments", user.allEnvironments())
        .param("createdAt", StoreTimes.bind(user.createdAt()))
        .update();
    if (!user.allEnvironments()) {
      for (String environmentId : user.environmentIds()) {
        jdbc.sql(
                "INSERT INTO user_environments (user_id, environment_id)"
                    + " VALUES (:userId, :environmentId)")
            .param("userId", user.id())
            .param("environmentId", environmentId)
            .update();
      }
    }
  }

  public List<UserRecord> listUsers(String accountId) {
    List<UserRow> rows = users.list(accountId);
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<String, Set<String>> environments =
        userEnvironments(
            "SELECT ue.user_id, ue.environment_id FROM user_environments ue"
                + " JOIN users u ON u.id = ue.user_id"
                + " JOIN environments e ON e.id = ue.environment_id"
                + " WHERE u.account_id = :id ORDER BY e.created_at, e.id",
            accountId);
    List<UserRecord> users = new ArrayList<>(rows.size());
    for (UserRow row : rows) {
      users.add(row.user(environments));
    }
    return users;
  }

  /** The user, if it exists in this account. */
  public Optional<UserRecord> findUser(String accountId, String id) {
    Optional<UserRow> row = users.find(accountId, id);
    if (row.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Set<String>> environments =
        row.get().allEnvironments()
            ? Map.of()
            : userEnvironments(
                "SELECT ue.user_id, ue.environment_id FROM user_environments ue"
                    + " JOIN environments e ON e.id = ue.environment_id"
                    + " WHERE ue.user_id = :id ORDER BY e.created_at, e.id",
                id);
    return Optional.of(row.get().user(environments));
  }

  /**
   * Whether the user exists in this account; if so, its row stays locked until the transaction
   * ends, so that it cannot be deleted while a token is created for it.
   */
  public boolean lockUser(String accountId, String id) {
    return users.lock(accountId, id);
  }

  /** Deletes the user of this account with its tokens; false if the account has no such user. */
  public boolean deleteUser(String accountId, String id) {
    return users.delete(accountId, id);
  }

  // User tokens

  /** Inserts the token with the hash of its secret; the secret itself is never stored. */
  public void insertUserToken(UserTokenRecord token, String tokenHash) {
    jdbc.sql(
            "INSERT INTO user_tokens (id, user_id, token_hash, created_at)"
                + " VALUES (:id, :userId, :tokenHash, :createdAt)")
        .param("id", token.id())
        .param("userId", token.userId())
        .param("tokenHash", tokenHash)
        .param("createdAt", StoreTimes.bind(token.createdAt()))
        .update();
  }

  public List<UserTokenRecord> listUserTokens(String userId) {
    return tokens.list(userId);
  }

  /** Deletes the token of this user; false if the user has no such token. */
  public boolean deleteUserToken(String userId, String id) {
    return tokens.delete(userId, id);
  }

  // Rows

  private Map<String, Set<String>> userEnvironments(String sql, String id) {
    Map<String, Set<String>> environments = new HashMap<>();
    jdbc.sql(sql)
        .param("id", id)
        .query(
            row -> {
              environments
                  .computeIfAbsent(row.getString("user_id"), user -> new LinkedHashSet<>())
                  .add(row.getString("environment_id"));
            });
    return environments;
  }

  private static AccountRecord account(ResultSet row, int n) throws SQLException {
    return new AccountRecord(
        row.getString("id"), row.getString("name"), StoreTimes.read(row, "created_at"));
  }

  private static UserTokenRecord token(ResultSet row, int n) throws SQLException {
    return new UserTokenRecord(
        row.getString("id"), row.getString("user_id"), StoreTimes.read(row, "created_at"));
  }

  private static EnvironmentRecord environment(ResultSet row, int n) throws SQLException {
    return new EnvironmentRecord(
        row.getString("id"),
        row.getString("account_id"),
        row.getString("name"),
        StoreTimes.read(row, "created_at"));
  }

  private static UserRow userRow(ResultSet row, int n) throws SQLException {
    return new UserRow(
        row.getString("id"),
        row.getString("account_id"),
        row.getString("name"),
        row.getString("role"),
        row.getBoolean("all_environments"),
        StoreTimes.read(row, "created_at"));
  }

  /** A row of {@code users}, before its environments are read. */
  private record UserRow(
      String id,
      String accountId,
      String name,
      String role,
      boolean allEnvironments,
      Instant createdAt) {

    UserRecord user(Map<String, Set<String>> environmentsByUser) {
      Set<String> environmentIds =
          allEnvironments
              ? null
              : Collections.unmodifiableSet(
                  environmentsByUser.getOrDefault(id, new LinkedHashSet<>()));
      return new UserRecord(id, accountId, name, role, environmentIds, createdAt);
    }
  }
}
