package io.hookwire.server.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookwire.server.DatabaseTest;
import io.hookwire.server.auth.CallerStore;
import io.hookwire.server.auth.EndpointsCaller;
import io.hookwire.server.auth.TenantCaller;
import io.hookwire.server.platform.Tokens;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;

/**
 * Every operation of the operator API's stores, and the auth filters' lookups of what they write,
 * on a real database: {@link OperatorStoresOnH2Test} and {@link OperatorStoresOnPostgresTest} run
 * it on both databases the server supports.
 */
abstract class OperatorStoresTest extends DatabaseTest {

  static final Instant T1 = T0.plusSeconds(1);
  static final Instant T2 = T0.plusSeconds(2);

  AccountsStore accounts;
  TenantsStore tenants;

  /** The groups of {@link #twoGroups}. */
  private final UUID group = UUID.randomUUID();

  private final UUID otherGroup = UUID.randomUUID();

  @BeforeEach
  void stores() {
    accounts = new AccountsStore(jdbc);
    tenants = new TenantsStore(jdbc);
  }

  // Accounts

  @Test
  void accountsAreListedByCreationTimeThenId() {
    accounts.insertAccount(new AccountRecord("acc-c", "Later", T1));
    accounts.insertAccount(new AccountRecord("acc-b", "Second", T0));
    accounts.insertAccount(new AccountRecord("acc-a", "First", T0));

    assertThat(accounts.listAccounts())
        .containsExactly(
            new AccountRecord("acc-a", "First", T0),
            new AccountRecord("acc-b", "Second", T0),
            new AccountRecord("acc-c", "Later", T1));
  }

  @Test
  void anAccountIsFoundByIdWithItsTimeToTheMicrosecond() {
    AccountRecord account = new AccountRecord("acc-a", "Demo ünïcode", T0);
    accounts.insertAccount(account);

    assertThat(accounts.findAccount("acc-a")).contains(account);
    assertThat(accounts.findAccount("acc-a").orElseThrow().createdAt()).isEqualTo(T0);
    assertThat(accounts.findAccount("acc-unknown")).isEmpty();
    assertThat(accounts.listAccounts()).containsExactly(account);
  }

  @Test
  void lockingAnAccountTellsWhetherItExists() {
    accounts.insertAccount(new AccountRecord("acc-a", "Demo", T0));

    assertThat(accounts.lockAccount("acc-a")).isTrue();
    assertThat(accounts.lockAccount("acc-unknown")).isFalse();
  }

  @Test
  void deletingAnAccountDeletesItsEnvironmentsUsersAndTokens() {
    twoAccounts();
    accounts.insertEnvironment(new EnvironmentRecord("env-a", "acc-a", "Production", T0));
    accounts.insertEnvironment(new EnvironmentRecord("env-b", "acc-b", "Production", T0));
    accounts.insertUser(new UserRecord("usr-a", "acc-a", "Reader", "reader", Set.of("env-a"), T0));
    accounts.insertUser(new UserRecord("usr-b", "acc-b", "Admin", "admin", null, T0));
    accounts.insertUserToken(new UserTokenRecord("tok-a", "usr-a", T0), Tokens.hash("a"));
    accounts.insertUserToken(new UserTokenRecord("tok-b", "usr-b", T0), Tokens.hash("b"));

    assertThat(accounts.deleteAccount("acc-a")).isTrue();

    assertThat(accounts.findAccount("acc-a")).isEmpty();
    assertThat(ids("environments")).containsExactly("env-b");
    assertThat(ids("users")).containsExactly("usr-b");
    assertThat(ids("user_tokens")).containsExactly("tok-b");
    assertThat(count("user_environments")).isZero();
    assertThat(accounts.deleteAccount("acc-a")).isFalse();
  }

  // Environments

  @Test
  void environmentsAreListedPerAccountByCreationTimeThenId() {
    twoAccounts();
    EnvironmentRecord staging = new EnvironmentRecord("env-s", "acc-a", "Staging", T1);
    EnvironmentRecord production = new EnvironmentRecord("env-p", "acc-a", "Production", T0);
    EnvironmentRecord development = new EnvironmentRecord("env-d", "acc-a", "Development", T1);
    accounts.insertEnvironment(staging);
    accounts.insertEnvironment(production);
    accounts.insertEnvironment(development);
    accounts.insertEnvironment(new EnvironmentRecord("env-o", "acc-b", "Other", T0));

    assertThat(accounts.listEnvironments("acc-a"))
        .containsExactly(production, development, staging);
    assertThat(accounts.listEnvironments("acc-unknown")).isEmpty();
  }

  @Test
  void anEnvironmentIsFoundOnlyInItsAccount() {
    twoAccounts();
    EnvironmentRecord environment = new EnvironmentRecord("env-a", "acc-a", "Production", T0);
    accounts.insertEnvironment(environment);
    accounts.insertEnvironment(new EnvironmentRecord("env-b", "acc-b", "Production", T1));

    assertThat(accounts.findEnvironment("acc-a", "env-a")).contains(environment);
    assertThat(accounts.findEnvironment("acc-b", "env-a")).isEmpty();
    assertThat(accounts.findEnvironment("acc-a", "env-unknown")).isEmpty();
    assertThat(accounts.lockEnvironmentIds("acc-a")).containsExactly("env-a");
    assertThat(accounts.lockEnvironmentIds("acc-unknown")).isEmpty();
  }

  @Test
  void anEnvironmentIsDeletedOnlyThroughItsAccount() {
    twoAccounts();
    accounts.insertEnvironment(new EnvironmentRecord("env-a", "acc-a", "Production", T0));

    assertDeletedOnlyThrough(
        accounts::deleteEnvironment,
        "acc-a",
        "acc-b",
        "env-a",
        () -> accounts.findEnvironment("acc-a", "env-a").isPresent());
  }

  @Test
  void anEnvironmentNeedsAnExistingAccount() {
    assertThatThrownBy(
            () ->
                accounts.insertEnvironment(
                    new EnvironmentRecord("env-a", "acc-unknown", "Production", T0)))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  // Users

  @Test
  void aUserOfAllEnvironmentsHasNullEnvironmentsAndNoRows() {
    accounts.insertAccount(new AccountRecord("acc-a", "Demo", T0));
    accounts.insertEnvironment(new EnvironmentRecord("env-a", "acc-a", "Production", T0));
    UserRecord admin = new UserRecord("usr-a", "acc-a", "Deploy bot", "admin", null, T0);
    accounts.insertUser(admin);

    assertThat(accounts.findUser("acc-a", "usr-a")).contains(admin);
    assertThat(accounts.findUser("acc-a", "usr-a").orElseThrow().environmentIds()).isNull();
    assertThat(count("user_environments")).isZero();
  }

  @Test
  void aUserOfListedEnvironmentsReadsThemBackByTheirCreationTimeThenId() {
    accounts.insertAccount(new AccountRecord("acc-a", "Demo", T0));
    accounts.insertEnvironment(new EnvironmentRecord("env-z", "acc-a", "First", T0));
    accounts.insertEnvironment(new EnvironmentRecord("env-b", "acc-a", "Second", T1));
    accounts.insertEnvironment(new EnvironmentRecord("env-a", "acc-a", "Third", T1));
    accounts.insertEnvironment(new EnvironmentRecord("env-n", "acc-a", "Not listed", T2));
    Set<String> given = new LinkedHashSet<>(List.of("env-b", "env-a", "env-z"));
    accounts.insertUser(new UserRecord("usr-r", "acc-a", "Auditor", "reader", given, T0));

    UserRecord read = accounts.findUser("acc-a", "usr-r").orElseThrow();

    assertThat(read.environmentIds()).containsExactly("env-z", "env-a", "env-b");
    assertThat(read).isEqualTo(new UserRecord("usr-r", "acc-a", "Auditor", "reader", given, T0));
    assertThat(count("user_environments")).isEqualTo(3);
  }

  @Test
  void aUserOfNoEnvironmentHasAnEmptyListNotNull() {
    accounts.insertAccount(new AccountRecord("acc-a", "Demo", T0));
    accounts.insertEnvironment(new EnvironmentRecord("env-a", "acc-a", "Production", T0));
    accounts.insertUser(new UserRecord("usr-n", "acc-a", "Nobody", "reader", Set.of(), T0));

    assertThat(accounts.findUser("acc-a", "usr-n").orElseThrow().environmentIds())
        .isNotNull()
        .isEmpty();
    assertThat(accounts.listUsers("acc-a").get(0).environmentIds()).isNotNull().isEmpty();
  }

  @Test
  void usersAreListedPerAccountByCreationTimeThenIdWithTheirEnvironments() {
    twoAccounts();
    accounts.insertEnvironment(new EnvironmentRecord("env-1", "acc-a", "One", T0));
    accounts.insertEnvironment(new EnvironmentRecord("env-2", "acc-a", "Two", T1));
    accounts.insertEnvironment(new EnvironmentRecord("env-o", "acc-b", "Other", T0));
    UserRecord later = new UserRecord("usr-l", "acc-a", "Later", "reader", Set.of("env-2"), T1);
    UserRecord admin = new UserRecord("usr-b", "acc-a", "Admin", "admin", null, T0);
    UserRecord both =
        new UserRecord("usr-a", "acc-a", "Both", "reader", Set.of("env-2", "env-1"), T0);
    accounts.insertUser(later);
    accounts.insertUser(admin);
    accounts.insertUser(both);
    accounts.insertUser(new UserRecord("usr-o", "acc-b", "Other", "reader", Set.of("env-o"), T0));

    List<UserRecord> users = accounts.listUsers("acc-a");

    assertThat(users).containsExactly(both, admin, later);
    assertThat(users.get(0).environmentIds()).containsExactly("env-1", "env-2");
    assertThat(users.get(1).environmentIds()).isNull();
    assertThat(accounts.listUsers("acc-unknown")).isEmpty();
  }

  @Test
  void aUserIsFoundLockedAndDeletedOnlyThroughItsAccount() {
    twoAccounts();
    accounts.insertUser(new UserRecord("usr-a", "acc-a", "Admin", "admin", null, T0));

    assertThat(accounts.findUser("acc-b", "usr-a")).isEmpty();
    assertThat(accounts.findUser("acc-a", "usr-unknown")).isEmpty();
    assertThat(accounts.lockUser("acc-a", "usr-a")).isTrue();
    assertThat(accounts.lockUser("acc-b", "usr-a")).isFalse();
    assertDeletedOnlyThrough(
        accounts::deleteUser,
        "acc-a",
        "acc-b",
        "usr-a",
        () -> accounts.findUser("acc-a", "usr-a").isPresent());
  }

  @Test
  void deletingAUserDeletesItsTokensAndEnvironmentRowsButNotTheEnvironments() {
    accounts.insertAccount(new AccountRecord("acc-a", "Demo", T0));
    accounts.insertEnvironment(new EnvironmentRecord("env-a", "acc-a", "Production", T0));
    accounts.insertUser(new UserRecord("usr-a", "acc-a", "Reader", "reader", Set.of("env-a"), T0));
    accounts.insertUserToken(new UserTokenRecord("tok-a", "usr-a", T0), Tokens.hash("secret"));

    assertThat(accounts.deleteUser("acc-a", "usr-a")).isTrue();

    assertThat(count("user_tokens")).isZero();
    assertThat(count("user_environments")).isZero();
    assertThat(ids("environments")).containsExactly("env-a");
  }

  @Test
  void deletingAnEnvironmentRemovesItFromUsersWithoutWideningTheirAccess() {
    accounts.insertAccount(new AccountRecord("acc-a", "Demo", T0));
    accounts.insertEnvironment(new EnvironmentRecord("env-1", "acc-a", "One", T0));
    accounts.insertEnvironment(new EnvironmentRecord("env-2", "acc-a", "Two", T1));
    accounts.insertUser(
        new UserRecord("usr-a", "acc-a", "Both", "reader", Set.of("env-1", "env-2"), T0));
    accounts.insertUser(new UserRecord("usr-b", "acc-a", "One", "reader", Set.of("env-1"), T0));

    assertThat(accounts.deleteEnvironment("acc-a", "env-1")).isTrue();

    assertThat(accounts.findUser("acc-a", "usr-a").orElseThrow().environmentIds())
        .containsExactly("env-2");
    assertThat(accounts.findUser("acc-a", "usr-b").orElseThrow().environmentIds())
        .isNotNull()
        .isEmpty();
  }

  @Test
  void aUserRoleOutsideTheSchemaIsRefusedByTheDatabase() {
    accounts.insertAccount(new AccountRecord("acc-a", "Demo", T0));

    assertThatThrownBy(
            () -> accounts.insertUser(new UserRecord("usr-a", "acc-a", "Owner", "owner", null, T0)))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  // User tokens

  @Test
  void userTokensAreListedByCreationTimeThenIdAndStoredOnlyAsHashes() {
    accounts.insertAccount(new AccountRecord("acc-a", "Demo", T0));
    accounts.insertUser(new UserRecord("usr-a", "acc-a", "Admin", "admin", null, T0));
    accounts.insertUser(new UserRecord("usr-b", "acc-a", "Other", "admin", null, T0));
    UserTokenRecord later = new UserTokenRecord("tok-a", "usr-a", T1);
    UserTokenRecord second = new UserTokenRecord("tok-c", "usr-a", T0);
    UserTokenRecord first = new UserTokenRecord("tok-b", "usr-a", T0);
    accounts.insertUserToken(later, Tokens.hash("one"));
    accounts.insertUserToken(second, Tokens.hash("two"));
    accounts.insertUserToken(first, Tokens.hash("three"));
    accounts.insertUserToken(new UserTokenRecord("tok-o", "usr-b", T0), Tokens.hash("four"));

    assertThat(accounts.listUserTokens("usr-a")).containsExactly(first, second, later);
    assertThat(storedHash("user_tokens", "tok-a")).isEqualTo(Tokens.hash("one"));
    assertThat(accounts.listUserTokens("usr-unknown")).isEmpty();
  }

  @Test
  void aUserTokenIsDeletedOnlyThroughItsUser() {
    accounts.insertAccount(new AccountRecord("acc-a", "Demo", T0));
    accounts.insertUser(new UserRecord("usr-a", "acc-a", "Admin", "admin", null, T0));
    accounts.insertUser(new UserRecord("usr-b", "acc-a", "Other", "admin", null, T0));
    accounts.insertUserToken(new UserTokenRecord("tok-a", "usr-a", T0), Tokens.hash("one"));

    assertDeletedOnlyThrough(
        accounts::deleteUserToken,
        "usr-a",
        "usr-b",
        "tok-a",
        () -> !accounts.listUserTokens("usr-a").isEmpty());
  }

  @Test
  void twoTokensCannotShareASecret() {
    accounts.insertAccount(new AccountRecord("acc-a", "Demo", T0));
    accounts.insertUser(new UserRecord("usr-a", "acc-a", "Admin", "admin", null, T0));
    accounts.insertUserToken(new UserTokenRecord("tok-a", "usr-a", T0), Tokens.hash("same"));

    assertThatThrownBy(
            () ->
                accounts.insertUserToken(
                    new UserTokenRecord("tok-b", "usr-a", T0), Tokens.hash("same")))
        .isInstanceOf(DuplicateKeyException.class);
  }

  // Tenants

  @Test
  void tenantsAreListedByCreationTimeThenIdAndFoundById() {
    TenantRecord later = new TenantRecord("100", T1);
    TenantRecord second = new TenantRecord("676873", T0);
    TenantRecord first = new TenantRecord("55_a-Z", T0);
    tenants.insertTenant(later);
    tenants.insertTenant(second);
    tenants.insertTenant(first);

    assertThat(tenants.listTenants()).containsExactly(first, second, later);
    assertThat(tenants.findTenant("676873")).contains(second);
    assertThat(tenants.findTenant("676873").orElseThrow().createdAt()).isEqualTo(T0);
    assertThat(tenants.findTenant("unknown")).isEmpty();
    assertThat(tenants.lockTenant("676873")).isTrue();
    assertThat(tenants.lockTenant("unknown")).isFalse();
  }

  @Test
  void aDuplicateTenantIdIsADuplicateKey() {
    tenants.insertTenant(new TenantRecord("676873", T0));

    assertThatThrownBy(() -> tenants.insertTenant(new TenantRecord("676873", T1)))
        .isInstanceOf(DuplicateKeyException.class);
    assertThat(tenants.listTenants()).containsExactly(new TenantRecord("676873", T0));
  }

  @Test
  void tenantIdsAreCaseSensitive() {
    tenants.insertTenant(new TenantRecord("abc", T0));
    tenants.insertTenant(new TenantRecord("ABC", T0));

    // Both rows exist; their order depends on the database's collation.
    assertThat(tenants.listTenants())
        .extracting(TenantRecord::id)
        .containsExactlyInAnyOrder("ABC", "abc");
    assertThat(tenants.findTenant("abc")).contains(new TenantRecord("abc", T0));
  }

  @Test
  void deletingATenantDeletesItsGroupsPoliciesAndTokensAndFreesItsId() {
    tenants.insertTenant(new TenantRecord("676873", T0));
    tenants.insertTenant(new TenantRecord("700001", T0));
    tenants.insertScalingGroup(new ScalingGroupRecord(group, "676873", "Web", T0));
    tenants.insertScalingGroup(new ScalingGroupRecord(otherGroup, "700001", "Other", T0));
    tenants.insertScalingPolicy(
        new ScalingPolicyRecord(UUID.randomUUID(), group, "Up", 0, null, T0));
    UUID otherPolicy = UUID.randomUUID();
    tenants.insertScalingPolicy(
        new ScalingPolicyRecord(otherPolicy, otherGroup, "Up", 0, null, T0));
    tenants.insertTenantToken(
        new TenantTokenRecord("tok-a", "676873", "admin", T0), "a".repeat(64));
    tenants.insertTenantToken(
        new TenantTokenRecord("tok-o", "700001", "admin", T0), "b".repeat(64));

    assertThat(tenants.deleteTenant("676873")).isTrue();

    assertThat(tenants.findTenant("676873")).isEmpty();
    assertThat(uuids("scaling_groups")).containsExactly(otherGroup);
    assertThat(uuids("scaling_policies")).containsExactly(otherPolicy);
    assertThat(ids("tenant_tokens")).containsExactly("tok-o");
    assertThat(tenants.deleteTenant("676873")).isFalse();
    tenants.insertTenant(new TenantRecord("676873", T2));
    assertThat(tenants.findTenant("676873")).contains(new TenantRecord("676873", T2));
  }

  // Scaling groups

  @Test
  void scalingGroupsAreListedPerTenantByCreationTimeThenId() {
    tenants.insertTenant(new TenantRecord("676873", T0));
    tenants.insertTenant(new TenantRecord("700001", T0));
    UUID low = UUID.fromString("00000000-0000-4000-8000-000000000001");
    UUID high = UUID.fromString("ffffffff-0000-4000-8000-000000000001");
    ScalingGroupRecord later = new ScalingGroupRecord(low, "676873", "Later", T1);
    ScalingGroupRecord second = new ScalingGroupRecord(high, "676873", "Second", T0);
    ScalingGroupRecord first =
        new ScalingGroupRecord(
            UUID.fromString("10000000-0000-4000-8000-000000000001"), "676873", "First", T0);
    tenants.insertScalingGroup(later);
    tenants.insertScalingGroup(second);
    tenants.insertScalingGroup(first);
    tenants.insertScalingGroup(new ScalingGroupRecord(UUID.randomUUID(), "700001", "Other", T0));

    assertThat(tenants.listScalingGroups("676873")).containsExactly(first, second, later);
    assertThat(tenants.listScalingGroups("unknown")).isEmpty();
  }

  @Test
  void aScalingGroupIsFoundLockedAndDeletedOnlyThroughItsTenant() {
    UUID id = UUID.randomUUID();
    tenants.insertTenant(new TenantRecord("676873", T0));
    tenants.insertTenant(new TenantRecord("700001", T0));
    ScalingGroupRecord group = new ScalingGroupRecord(id, "676873", "Web servers", T0);
    tenants.insertScalingGroup(group);

    assertThat(tenants.findScalingGroup("676873", id)).contains(group);
    assertThat(tenants.findScalingGroup("700001", id)).isEmpty();
    assertThat(tenants.findScalingGroup("676873", UUID.randomUUID())).isEmpty();
    assertThat(tenants.lockScalingGroup("676873", id)).isTrue();
    assertThat(tenants.lockScalingGroup("700001", id)).isFalse();
    assertDeletedOnlyThrough(
        tenants::deleteScalingGroup,
        "676873",
        "700001",
        id,
        () -> tenants.findScalingGroup("676873", id).isPresent());
  }

  @Test
  void deletingAScalingGroupDeletesItsPolicies() {
    twoGroups();
    tenants.insertScalingPolicy(
        new ScalingPolicyRecord(UUID.randomUUID(), group, "Up", 0, null, T0));
    tenants.insertScalingPolicy(
        new ScalingPolicyRecord(UUID.randomUUID(), group, "Down", 0, null, T0));
    UUID kept = UUID.randomUUID();
    tenants.insertScalingPolicy(new ScalingPolicyRecord(kept, otherGroup, "Up", 0, null, T0));

    assertThat(tenants.deleteScalingGroup("676873", group)).isTrue();

    assertThat(uuids("scaling_policies")).containsExactly(kept);
    assertThat(tenants.listScalingPolicies(group)).isEmpty();
  }

  // Scaling policies

  @Test
  void policiesKeepTheirExecutionsAndAreListedPerGroupByCreationTimeThenId() {
    twoGroups();
    ScalingPolicyRecord executed =
        new ScalingPolicyRecord(
            UUID.fromString("eb0fe1bf-3428-4f34-afd9-a5ac36f60511"),
            group,
            "Scale up by one",
            3,
            Instant.parse("2025-01-07T14:12:05.000001Z"),
            T0);
    ScalingPolicyRecord never =
        new ScalingPolicyRecord(
            UUID.fromString("1220f4ae-b1b0-4376-b3b4-67e3f52746d3"),
            group,
            "Scale down by one",
            0,
            null,
            T0);
    ScalingPolicyRecord later =
        new ScalingPolicyRecord(UUID.randomUUID(), group, "Later", 0, null, T1);
    tenants.insertScalingPolicy(later);
    tenants.insertScalingPolicy(executed);
    tenants.insertScalingPolicy(never);
    tenants.insertScalingPolicy(
        new ScalingPolicyRecord(UUID.randomUUID(), otherGroup, "Other", 0, null, T0));

    assertThat(tenants.listScalingPolicies(group)).containsExactly(never, executed, later);
    assertThat(tenants.findScalingPolicy(group, executed.id())).contains(executed);
    assertThat(tenants.findScalingPolicy(group, never.id()).orElseThrow().lastExecutedAt())
        .isNull();
    assertThat(tenants.listScalingPolicies(UUID.randomUUID())).isEmpty();
  }

  @Test
  void aPolicyIsFoundAndDeletedOnlyThroughItsGroup() {
    twoGroups();
    UUID id = UUID.randomUUID();
    tenants.insertScalingPolicy(new ScalingPolicyRecord(id, group, "Up", 0, null, T0));

    assertThat(tenants.findScalingPolicy(otherGroup, id)).isEmpty();
    assertThat(tenants.findScalingPolicy(group, UUID.randomUUID())).isEmpty();
    assertDeletedOnlyThrough(
        tenants::deleteScalingPolicy,
        group,
        otherGroup,
        id,
        () -> tenants.findScalingPolicy(group, id).isPresent());
  }

  @Test
  void aPolicyNeedsAnExistingGroup() {
    assertThatThrownBy(
            () ->
                tenants.insertScalingPolicy(
                    new ScalingPolicyRecord(
                        UUID.randomUUID(), UUID.randomUUID(), "Up", 0, null, T0)))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  // Tenant tokens

  @Test
  void tenantTokensAreListedByCreationTimeThenIdWithTheirRoles() {
    tenants.insertTenant(new TenantRecord("676873", T0));
    tenants.insertTenant(new TenantRecord("700001", T0));
    TenantTokenRecord observer = new TenantTokenRecord("tok-o", "676873", "observer", T1);
    TenantTokenRecord admin = new TenantTokenRecord("tok-a", "676873", "admin", T0);
    tenants.insertTenantToken(observer, Tokens.hash("observer"));
    tenants.insertTenantToken(admin, Tokens.hash("admin"));
    tenants.insertTenantToken(
        new TenantTokenRecord("tok-x", "700001", "admin", T0), Tokens.hash("other"));

    assertThat(tenants.listTenantTokens("676873")).containsExactly(admin, observer);
    assertThat(storedHash("tenant_tokens", "tok-o")).isEqualTo(Tokens.hash("observer"));
    assertThat(tenants.listTenantTokens("unknown")).isEmpty();
  }

  @Test
  void aTenantTokenIsDeletedOnlyThroughItsTenant() {
    tenants.insertTenant(new TenantRecord("676873", T0));
    tenants.insertTenant(new TenantRecord("700001", T0));
    tenants.insertTenantToken(
        new TenantTokenRecord("tok-a", "676873", "admin", T0), Tokens.hash("admin"));

    assertDeletedOnlyThrough(
        tenants::deleteTenantToken,
        "676873",
        "700001",
        "tok-a",
        () -> !tenants.listTenantTokens("676873").isEmpty());
  }

  @Test
  void aTenantTokenRoleOutsideTheSchemaIsRefusedByTheDatabase() {
    tenants.insertTenant(new TenantRecord("676873", T0));

    assertThatThrownBy(
            () ->
                tenants.insertTenantToken(
                    new TenantTokenRecord("tok-a", "676873", "reader", T0), Tokens.hash("x")))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  // Helpers

  /** Two accounts, {@code acc-a} and {@code acc-b}, without environments. */
  private void twoAccounts() {
    accounts.insertAccount(new AccountRecord("acc-a", "Demo", T0));
    accounts.insertAccount(new AccountRecord("acc-b", "Other", T0));
  }

  /** Tenant 676873 with two scaling groups, {@link #group} and {@link #otherGroup}. */
  private void twoGroups() {
    tenants.insertTenant(new TenantRecord("676873", T0));
    tenants.insertScalingGroup(new ScalingGroupRecord(group, "676873", "Web", T0));
    tenants.insertScalingGroup(new ScalingGroupRecord(otherGroup, "676873", "Workers", T0));
  }

  /**
   * Deleting a child of another parent deletes nothing; through its own parent it is deleted, once.
   */
  private static <P, I> void assertDeletedOnlyThrough(
      BiPredicate<P, I> delete, P parent, P otherParent, I id, BooleanSupplier exists) {
    assertThat(delete.test(otherParent, id)).as("deleted through another parent").isFalse();
    assertThat(exists.getAsBoolean()).as("still there").isTrue();
    assertThat(delete.test(parent, id)).as("deleted through its parent").isTrue();
    assertThat(exists.getAsBoolean()).as("still there once deleted").isFalse();
    assertThat(delete.test(parent, id)).as("deleted again").isFalse();
  }

  /** The hash a token table keeps of a token's secret. */
  private String storedHash(String table, String tokenId) {
    return jdbc.sql("SELECT token_hash FROM " + table + " WHERE id = :id")
        .param("id", tokenId)
        .query(String.class)
        .single();
  }

  private List<String> ids(String table) {
    return jdbc.sql("SELECT id FROM " + table + " ORDER BY id").query(String.class).list();
  }

  private List<UUID> uuids(String table) {
    return jdbc.sql("SELECT id FROM " + table + " ORDER BY id")
        .query((row, n) -> row.getObject("id", UUID.class))
        .list();
  }

  // Who a token belongs to: the lookups of the auth filters, on the rows these stores write

  @Test
  void aUserTokenLeadsToItsUserAndTheEnvironmentsTheUserSees() {
    accounts.insertAccount(new AccountRecord("acc-a", "Demo", T0));
    accounts.insertEnvironment(new EnvironmentRecord("env-a", "acc-a", "Production", T0));
    accounts.insertEnvironment(new EnvironmentRecord("env-b", "acc-a", "Staging", T0));
    accounts.insertUser(new UserRecord("usr-all", "acc-a", "Admin", "admin", null, T0));
    accounts.insertUser(
        new UserRecord("usr-one", "acc-a", "Reader", "reader", Set.of("env-b"), T0));
    accounts.insertUserToken(new UserTokenRecord("tok-all", "usr-all", T0), Tokens.hash("all"));
    accounts.insertUserToken(new UserTokenRecord("tok-one", "usr-one", T0), Tokens.hash("one"));
    CallerStore callers = new CallerStore(jdbc);

    assertThat(callers.findUser(Tokens.hash("all")))
        .contains(new EndpointsCaller("usr-all", "acc-a", EndpointsCaller.Role.ADMIN, null));
    assertThat(callers.findUser(Tokens.hash("one")))
        .contains(
            new EndpointsCaller("usr-one", "acc-a", EndpointsCaller.Role.READER, Set.of("env-b")));
    assertThat(callers.findUser(Tokens.hash("unknown"))).isEmpty();
  }

  @Test
  void aTenantTokenLeadsToItsTenantAndRole() {
    tenants.insertTenant(new TenantRecord("676873", T0));
    tenants.insertTenantToken(
        new TenantTokenRecord("tok-a", "676873", "admin", T0), Tokens.hash("a"));
    tenants.insertTenantToken(
        new TenantTokenRecord("tok-o", "676873", "observer", T0), Tokens.hash("o"));
    CallerStore callers = new CallerStore(jdbc);

    assertThat(callers.findTenantToken(Tokens.hash("a")))
        .contains(new TenantCaller("676873", TenantCaller.Role.ADMIN));
    assertThat(callers.findTenantToken(Tokens.hash("o")))
        .contains(new TenantCaller("676873", TenantCaller.Role.OBSERVER));
    assertThat(callers.findTenantToken(Tokens.hash("unknown"))).isEmpty();
  }

  private long count(String table) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
  }
}
