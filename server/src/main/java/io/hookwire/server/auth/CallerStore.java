package io.hookwire.server.auth;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Finds who a token belongs to, by the token's hash. */
@Repository
public class CallerStore {

  private final JdbcClient jdbc;

  public CallerStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<EndpointsCaller> findUser(String tokenHash) {
    return jdbc.sql(
            """
            SELECT u.id, u.account_id, u.role, u.all_environments
            FROM user_tokens t JOIN users u ON u.id = t.user_id
            WHERE t.token_hash = :hash
            """)
        .param("hash", tokenHash)
        .query(
            (row, n) ->
                new EndpointsCaller(
                    row.getString("id"),
                    row.getString("account_id"),
                    EndpointsCaller.Role.valueOf(row.getString("role").toUpperCase(Locale.ROOT)),
                    row.getBoolean("all_environments")
                        ? null
                        : environmentsOf(row.getString("id"))))
        .optional();
  }

  public Optional<TenantCaller> findTenantToken(String tokenHash) {
    return jdbc.sql("SELECT tenant_id, role FROM tenant_tokens WHERE token_hash = :hash")
        .param("hash", tokenHash)
        .query(
            (row, n) ->
                new TenantCaller(
                    row.getString("tenant_id"),
                    TenantCaller.Role.valueOf(row.getString("role").toUpperCase(Locale.ROOT))))
        .optional();
  }

  private Set<String> environmentsOf(String userId) {
    return jdbc.sql("SELECT environment_id FROM user_environments WHERE user_id = :user")
        .param("user", userId)
        .query(String.class)
        .set();
  }
}
