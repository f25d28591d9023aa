package io.hookwire.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookwire.server.DatabaseTest;
import io.hookwire.server.TestDatabases;
import io.hookwire.server.platform.HookwireProperties;
import io.hookwire.server.platform.Tokens;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/** What the caller cache remembers, and when it forgets, on the server's own tables (H2). */
class CallerCacheTest extends DatabaseTest {

  private static final DataSource DATABASE = TestDatabases.h2();

  private static final String TOKEN = Tokens.hash("a-token");
  private static final TenantCaller ADMIN = new TenantCaller("676873", TenantCaller.Role.ADMIN);

  @Override
  protected DataSource dataSource() {
    return DATABASE;
  }

  @BeforeEach
  void tenantWithAToken() {
    jdbc.sql("INSERT INTO tenants (id, created_at) VALUES ('676873', CURRENT_TIMESTAMP)").update();
    insertToken("tok-a", TOKEN);
  }

  @Test
  void aTokenDeletedBehindTheServersBackWorksUntilItsTimeToLive() {
    CallerCache callers = cache(Duration.ofHours(1));
    assertThat(callers.findTenantToken(TOKEN)).contains(ADMIN);

    deleteTokens();

    assertThat(callers.findTenantToken(TOKEN)).contains(ADMIN);
  }

  @Test
  void aTokenDeletedBehindTheServersBackStopsWorkingOnceItsTimeToLiveHasPassed() {
    AtomicLong nanos = new AtomicLong();
    CallerCache callers = new CallerCache(new CallerStore(jdbc), Duration.ofSeconds(5), nanos::get);
    assertThat(callers.findTenantToken(TOKEN)).contains(ADMIN);
    deleteTokens();

    nanos.addAndGet(Duration.ofMillis(4_999).toNanos());
    assertThat(callers.findTenantToken(TOKEN)).as("within the time to live").contains(ADMIN);
    nanos.addAndGet(Duration.ofMillis(1).toNanos());
    assertThat(callers.findTenantToken(TOKEN)).as("once it has passed").isEmpty();
  }

  @Test
  void aZeroTimeToLiveLooksEveryTokenUp() {
    CallerCache callers = cache(Duration.ZERO);
    assertThat(callers.findTenantToken(TOKEN)).contains(ADMIN);

    deleteTokens();

    assertThat(callers.findTenantToken(TOKEN)).isEmpty();
  }

  @Test
  void anUnknownTokenIsNotRememberedSoANewOneWorksAtOnce() {
    CallerCache callers = cache(Duration.ofHours(1));
    String later = Tokens.hash("later");
    assertThat(callers.findTenantToken(later)).isEmpty();

    insertToken("tok-b", later);

    assertThat(callers.findTenantToken(later)).contains(ADMIN);
  }

  @Test
  void forgettingInATransactionTakesEffectWhenItCommits() {
    CallerCache callers = cache(Duration.ofHours(1));
    callers.findTenantToken(TOKEN);

    transaction()
        .executeWithoutResult(
            status -> {
              deleteTokens();
              callers.forgetAfterCommit();
              assertThat(callers.findTenantToken(TOKEN)).as("before the commit").contains(ADMIN);
            });

    assertThat(callers.findTenantToken(TOKEN)).as("after the commit").isEmpty();
  }

  @Test
  void aRolledBackTransactionForgetsNothing() {
    CallerCache callers = cache(Duration.ofHours(1));
    callers.findTenantToken(TOKEN);

    transaction()
        .executeWithoutResult(
            status -> {
              callers.forgetAfterCommit();
              status.setRollbackOnly();
            });
    deleteTokens();

    assertThat(callers.findTenantToken(TOKEN)).contains(ADMIN);
  }

  @Test
  void aLookupUnderWayWhenTheCallersAreForgottenIsNotKept() {
    CallerCache[] callers = new CallerCache[1];
    CallerStore forgettingMidway =
        new CallerStore(jdbc) {
          @Override
          public Optional<TenantCaller> findTenantToken(String tokenHash) {
            Optional<TenantCaller> found = super.findTenantToken(tokenHash);
            deleteTokens();
            callers[0].forgetAfterCommit();
            return found;
          }
        };
    callers[0] = new CallerCache(forgettingMidway, properties(Duration.ofHours(1)));

    assertThat(callers[0].findTenantToken(TOKEN)).as("the lookup's own answer").contains(ADMIN);
    assertThat(callers[0].findTenantToken(TOKEN)).as("the next lookup").isEmpty();
  }

  @Test
  void usersAreRememberedAndForgottenAsTenantTokensAre() {
    jdbc.sql("INSERT INTO accounts (id, name, created_at) VALUES ('acc-a', 'A', CURRENT_TIMESTAMP)")
        .update();
    jdbc.sql(
            "INSERT INTO users (id, account_id, name, role, all_environments, created_at)"
                + " VALUES ('usr-a', 'acc-a', 'Admin', 'admin', TRUE, CURRENT_TIMESTAMP)")
        .update();
    String userToken = Tokens.hash("user-token");
    jdbc.sql(
            "INSERT INTO user_tokens (id, user_id, token_hash, created_at)"
                + " VALUES ('tok-u', 'usr-a', :hash, CURRENT_TIMESTAMP)")
        .param("hash", userToken)
        .update();
    CallerCache callers = cache(Duration.ofHours(1));
    EndpointsCaller admin = new EndpointsCaller("usr-a", "acc-a", EndpointsCaller.Role.ADMIN, null);
    assertThat(callers.findUser(userToken)).contains(admin);

    jdbc.sql("DELETE FROM user_tokens").update();
    assertThat(callers.findUser(userToken)).as("remembered").contains(admin);
    callers.forgetAfterCommit();
    assertThat(callers.findUser(userToken)).as("forgotten").isEmpty();
  }

  private CallerCache cache(Duration timeToLive) {
    return new CallerCache(new CallerStore(jdbc), properties(timeToLive));
  }

  private TransactionTemplate transaction() {
    return new TransactionTemplate(new DataSourceTransactionManager(DATABASE));
  }

  private static HookwireProperties properties(Duration callerCacheTtl) {
    return new HookwireProperties(
        null,
        null,
        DataSize.ofMegabytes(1),
        new HookwireProperties.Demo(false),
        Duration.ofSeconds(5),
        callerCacheTtl);
  }

  private void insertToken(String id, String hash) {
    jdbc.sql(
            "INSERT INTO tenant_tokens (id, tenant_id, role, token_hash, created_at)"
                + " VALUES (:id, '676873', 'admin', :hash, CURRENT_TIMESTAMP)")
        .param("id", id)
        .param("hash", hash)
        .update();
  }

  private void deleteTokens() {
    jdbc.sql("DELETE FROM tenant_tokens").update();
  }
}
