package io.hookwire.server.operator;

import io.hookwire.server.auth.CallerCache;
import io.hookwire.server.platform.SecureIds;
import io.hookwire.server.platform.StoreTimes;
import io.hookwire.server.platform.Tokens;
import io.hookwire.server.platform.errors.NotFoundException;
import io.hookwire.server.platform.errors.Violation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of the Endpoints API's accounts, environments, users and user tokens: generated ids,
 * secrets stored only as hashes, and 404 for the outermost unknown id of a path (account before
 * environment or user, user before token).
 */
@Service
public class AccountsService {

  /** The roles of a user. */
  public static final Set<String> USER_ROLES = Set.of("admin", "reader");

  private static final int NAME_MAX = 255;

  private final AccountsStore store;
  private final SecureIds ids;
  private final Tokens tokens;
  private final Clock clock;
  private final CallerCache callers;

  public AccountsService(
      AccountsStore store, SecureIds ids, Tokens tokens, Clock clock, CallerCache callers) {
    this.store = store;
    this.ids = ids;
    this.tokens = tokens;
    this.clock = clock;
    this.callers = callers;
  }

  // Accounts

  @Transactional(readOnly = true)
  public List<AccountRecord> listAccounts() {
    return store.listAccounts();
  }

  @Transactional(readOnly = true)
  public AccountRecord getAccount(String accountId) {
    return store
        .findAccount(accountId)
        .orElseThrow(() -> new NotFoundException("Account", accountId));
  }

  /** Creates an account with a generated id. */
  @Transactional
  public AccountRecord createAccount(String name) {
    return createAccount(ids.prefixed("acc"), name);
  }

  /** Creates an account with the given id, such as a demo account's. */
  @Transactional
  public AccountRecord createAccount(String id, String name) {
    Rules.requireName(name, NAME_MAX);
    AccountRecord account = new AccountRecord(id, name, StoreTimes.now(clock));
    store.insertAccount(account);
    return account;
  }

  /** Deletes the account with its environments, users and their tokens. */
  @Transactional
  public void deleteAccount(String accountId) {
    NotFoundException.unless(store.deleteAccount(accountId), "Account", accountId);
    callers.forgetAfterCommit();
  }

  // Environments

  @Transactional(readOnly = true)
  public List<EnvironmentRecord> listEnvironments(String accountId) {
    requireAccount(accountId);
    return store.listEnvironments(accountId);
  }

  @Transactional(readOnly = true)
  public EnvironmentRecord getEnvironment(String accountId, String environmentId) {
    requireAccount(accountId);
    return store
        .findEnvironment(accountId, environmentId)
        .orElseThrow(() -> new NotFoundException("Environment", environmentId));
  }

  /** Creates an environment in the account, with a generated id. */
  @Transactional
  public EnvironmentRecord createEnvironment(String accountId, String name) {
    return createEnvironment(accountId, ids.prefixed("env"), name);
  }

  /** Creates an environment in the account with the given id, such as a demo environment's. */
  @Transactional
  public EnvironmentRecord createEnvironment(String accountId, String id, String name) {
    Rules.requireName(name, NAME_MAX);
    NotFoundException.unless(store.lockAccount(accountId), "Account", accountId);
    EnvironmentRecord environment =
        new EnvironmentRecord(id, accountId, name, StoreTimes.now(clock));
    store.insertEnvironment(environment);
    return environment;
  }

  /** Deletes the environment, which so leaves the lists of environments of the users. */
  @Transactional
  public void deleteEnvironment(String accountId, String environmentId) {
    requireAccount(accountId);
    NotFoundException.unless(
        store.deleteEnvironment(accountId, environmentId), "Environment", environmentId);
    callers.forgetAfterCommit();
  }

  // Users

  @Transactional(readOnly = true)
  public List<UserRecord> listUsers(String accountId) {
    requireAccount(accountId);
    return store.listUsers(accountId);
  }

  @Transactional(readOnly = true)
  public UserRecord getUser(String accountId, String userId) {
    requireAccount(accountId);
    return store
        .findUser(accountId, userId)
        .orElseThrow(() -> new NotFoundException("User", userId));
  }

  /**
   * Creates a user in the account, with a generated id.
   *
   * @param role {@code admin} or {@code reader}
   * @param environmentIds the environments of the account the user sees; null for all of them
   */
  @Transactional
  public UserRecord createUser(
      String accountId, String name, String role, List<String> environmentIds) {
    return createUser(accountId, ids.prefixed("usr"), name, role, environmentIds);
  }

  /**
   * Creates a user in the account with the given id, such as a demo user's.
   *
   * @param role {@code admin} or {@code reader}
   * @param environmentIds the environments of the account the user sees; null for all of them
   * @throws io.hookwire.server.platform.errors.InvalidFieldsException for an invalid name or role,
   *     or an environment that is not the account's or is listed twice, with a pointer to each
   */
  @Transactional
  public UserRecord createUser(
      String accountId, String id, String name, String role, List<String> environmentIds) {
    List<Violation> violations = new ArrayList<>();
    Rules.checkName(violations, "/name", name, NAME_MAX);
    Rules.checkRole(violations, "/role", role, USER_ROLES);
    NotFoundException.unless(store.lockAccount(accountId), "Account", accountId);
    violations.addAll(
        environmentViolations(accountId, store.lockEnvironmentIds(accountId), environmentIds));
    Set<String> visible = environmentIds == null ? null : new LinkedHashSet<>(environmentIds);
    Rules.refuse(violations);
    store.insertUser(new UserRecord(id, accountId, name, role, visible, StoreTimes.now(clock)));
    // Read back: the environments come in the order every later read shows them.
    return store.findUser(accountId, id).orElseThrow();
  }

  /**
   * What is wrong with a new user's list of environments, if anything: each must be an environment
   * of the account, listed once.
   *
   * @param accountId the user's account
   * @param ofAccount the ids of the account's environments
   * @param environmentIds the list, or null for all environments
   * @return a violation for each invalid entry, with its pointer
   */
  static List<Violation> environmentViolations(
      String accountId, Set<String> ofAccount, List<String> environmentIds) {
    List<Violation> violations = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int index = 0; environmentIds != null && index < environmentIds.size(); index++) {
      String environmentId = environmentIds.get(index);
      String pointer = "/environment_ids/" + index;
      if (!ofAccount.contains(environmentId)) {
        violations.add(
            Violation.atPointer(
                pointer,
                "Environment '" + environmentId + "' is not in account '" + accountId + "'"));
      } else if (!seen.add(environmentId)) {
        violations.add(
            Violation.atPointer(pointer, "Environment '" + environmentId + "' is listed twice"));
      }
    }
    return violations;
  }

  /**
   * @param accountId an account
   * @return the ids of its environments, or empty when there is no such account
   */
  public Optional<Set<String>> environmentIds(String accountId) {
    return store
        .findAccount(accountId)
        .map(
            account ->
                store.listEnvironments(accountId).stream()
                    .map(EnvironmentRecord::id)
                    .collect(Collectors.toSet()));
  }

  /** Deletes the user with its tokens. */
  @Transactional
  public void deleteUser(String accountId, String userId) {
    requireAccount(accountId);
    NotFoundException.unless(store.deleteUser(accountId, userId), "User", userId);
    callers.forgetAfterCommit();
  }

  // User tokens

  /** The user's tokens, without their secrets. */
  @Transactional(readOnly = true)
  public List<UserTokenRecord> listUserTokens(String accountId, String userId) {
    requireAccount(accountId);
    NotFoundException.unless(store.findUser(accountId, userId).isPresent(), "User", userId);
    return store.listUserTokens(userId);
  }

  /** Creates a token for the user with a new random secret, returned here and never again. */
  @Transactional
  public CreatedUserToken createUserToken(String accountId, String userId) {
    return createUserToken(accountId, userId, tokens.newSecret());
  }

  /** Creates a token for the user with the given secret, such as a demo token's. */
  @Transactional
  public CreatedUserToken createUserToken(String accountId, String userId, String secret) {
    requireAccount(accountId);
    NotFoundException.unless(store.lockUser(accountId, userId), "User", userId);
    UserTokenRecord token = new UserTokenRecord(ids.prefixed("tok"), userId, StoreTimes.now(clock));
    store.insertUserToken(token, Tokens.hash(secret));
    return new CreatedUserToken(token, secret);
  }

  /** Deletes the user's token. */
  @Transactional
  public void deleteUserToken(String accountId, String userId, String tokenId) {
    requireAccount(accountId);
    NotFoundException.unless(store.findUser(accountId, userId).isPresent(), "User", userId);
    NotFoundException.unless(store.deleteUserToken(userId, tokenId), "Token", tokenId);
    callers.forgetAfterCommit();
  }

  private void requireAccount(String accountId) {
    NotFoundException.unless(store.findAccount(accountId).isPresent(), "Account", accountId);
  }
}
