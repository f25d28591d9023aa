package io.hookwire.server.operator;

import io.hookwire.server.platform.StoreTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tenants of the Auto Scale API with their scaling groups, policies and tenant tokens, in the
 * tables {@code tenants}, {@code scaling_groups}, {@code scaling_policies} and {@code
 * tenant_tokens}. Lists are ordered by creation time, then id. Deleting a row deletes what is under
 * it (the foreign keys cascade).
 */
@Repository
public class TenantsStore {

  private static final String GROUP_COLUMNS = "id, tenant_id, name, created_at";
  private static final String POLICY_COLUMNS =
      "id, group_id, name, executions, last_executed_at, created_at";

  private final JdbcClient jdbc;
  private final OwnedRows<TenantRecord> tenants;
  private final OwnedRows<ScalingGroupRecord> groups;
  private final OwnedRows<ScalingPolicyRecord> policies;
  private final OwnedRows<TenantTokenRecord> tokens;

  public TenantsStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.tenants = new OwnedRows<>(jdbc, "tenants", "id, created_at", TenantsStore::tenant, null);
    this.groups =
        new OwnedRows<>(jdbc, "scaling_groups", GROUP_COLUMNS, TenantsStore::group, "tenant_id");
    this.policies =
        new OwnedRows<>(jdbc, "scaling_policies", POLICY_COLUMNS, TenantsStore::policy, "group_id");
    this.tokens =
        new OwnedRows<>(
            jdbc,
            "tenant_tokens",
            "id, tenant_id, role, created_at",
            TenantsStore::token,
            "tenant_id");
  }

  // Tenants

  /**
   * Inserts the tenant.
   *
   * @throws org.springframework.dao.DuplicateKeyException if a tenant has this id already
   */
  public void insertTenant(TenantRecord tenant) {
    jdbc.sql("INSERT INTO tenants (id, created_at) VALUES (:id, :createdAt)")
        .param("id", tenant.id())
        .param("createdAt", StoreTimes.bind(tenant.createdAt()))
        .update();
  }

  public List<TenantRecord> listTenants() {
    return tenants.list();
  }

  public Optional<TenantRecord> findTenant(String id) {
    return tenants.find(id);
  }

  /**
   * Whether the tenant exists; if so, its row stays locked until the transaction ends, so that it
   * cannot be deleted while something is created for it.
   */
  public boolean lockTenant(String id) {
    return tenants.lock(id);
  }

  /** Deletes the tenant with its groups, their policies and its tokens; false if there was none. */
  public boolean deleteTenant(String id) {
    return tenants.delete(id);
  }

  // Scaling groups

  public void insertScalingGroup(ScalingGroupRecord group) {
    jdbc.sql(
            "INSERT INTO scaling_groups (id, tenant_id, name, created_at)"
                + " VALUES (:id, :tenantId, :name, :createdAt)")
        .param("id", group.id())
        .param("tenantId", group.tenantId())
        .param("name", group.name())
        .param("createdAt", StoreTimes.bind(group.createdAt()))
        .update();
  }

  public List<ScalingGroupRecord> listScalingGroups(String tenantId) {
    return groups.list(tenantId);
  }

  /** The scaling group, if it exists for this tenant. */
  public Optional<ScalingGroupRecord> findScalingGroup(String tenantId, UUID id) {
    return groups.find(tenantId, id);
  }

  /**
   * Whether the scaling group exists for this tenant; if so, its row stays locked until the
   * transaction ends, so that it cannot be deleted while a policy is created in it.
   */
  public boolean lockScalingGroup(String tenantId, UUID id) {
    return groups.lock(tenantId, id);
  }

  /**
   * Deletes the tenant's scaling group with its policies; false if the tenant has no such group.
   */
  public boolean deleteScalingGroup(String tenantId, UUID id) {
    return groups.delete(tenantId, id);
  }

  // Scaling policies

  public void insertScalingPolicy(ScalingPolicyRecord policy) {
    jdbc.sql(
            "INSERT INTO scaling_policies"
                + " (id, group_id, name, executions, last_executed_at, created_at)"
                + " VALUES (:id, :groupId, :name, :executions, :lastExecutedAt, :createdAt)")
        .param("id", policy.id())
        .param("groupId", policy.groupId())
        .param("name", policy.name())
        .param("executions", policy.executions())
        .param("lastExecutedAt", StoreTimes.bind(policy.lastExecutedAt()))
        .param("createdAt", StoreTimes.bind(policy.createdAt()))
        .update();
  }

  public List<ScalingPolicyRecord> listScalingPolicies(UUID groupId) {
    return policies.list(groupId);
  }

  /** Up to {@code limit} policies of the scaling group, by id, after {@code after} if not null. */
  public List<ScalingPolicyRecord> pageOfScalingPolicies(UUID groupId, UUID after, int limit) {
    return jdbc.sql(
            "SELECT "
                + POLICY_COLUMNS
                + " FROM scaling_policies WHERE group_id = :groupId"
                + (after == null ? "" : " AND id > :after")
                + " ORDER BY id LIMIT :limit")
        .param("groupId", groupId)
        .param("after", after)
        .param("limit", limit)
        .query(TenantsStore::policy)
        .list();
  }

  /** The policy, if it exists in this scaling group. */
  public Optional<ScalingPolicyRecord> findScalingPolicy(UUID groupId, UUID id) {
    return policies.find(groupId, id);
  }

  /** Deletes the policy of this scaling group; false if the group has no such policy. */
  public boolean deleteScalingPolicy(UUID groupId, UUID id) {
    return policies.delete(groupId, id);
  }

  // Tenant tokens

  /** Inserts the token with the hash of its secret; the secret itself is never stored. */
  public void insertTenantToken(TenantTokenRecord token, String tokenHash) {
    jdbc.sql(
            "INSERT INTO tenant_tokens (id, tenant_id, role, token_hash, created_at)"
                + " VALUES (:id, :tenantId, :role, :tokenHash, :createdAt)")
        .param("id", token.id())
        .param("tenantId", token.tenantId())
        .param("role", token.role())
        .param("tokenHash", tokenHash)
        .param("createdAt", StoreTimes.bind(token.createdAt()))
        .update();
  }

  public List<TenantTokenRecord> listTenantTokens(String tenantId) {
    return tokens.list(tenantId);
  }

  /** Deletes the token of this tenant; false if the tenant has no such token. */
  public boolean deleteTenantToken(String tenantId, String id) {
    return tokens.delete(tenantId, id);
  }

  // Rows

  private static TenantRecord tenant(ResultSet row, int n) throws SQLException {
    return new TenantRecord(row.getString("id"), StoreTimes.read(row, "created_at"));
  }

  private static TenantTokenRecord token(ResultSet row, int n) throws SQLException {
    return new TenantTokenRecord(
        row.getString("id"),
        row.getString("tenant_id"),
        row.getString("role"),
        StoreTimes.read(row, "created_at"));
  }

  private static ScalingGroupRecord group(ResultSet row, int n) throws SQLException {
    return new ScalingGroupRecord(
        row.getObject("id", UUID.class),
        row.getString("tenant_id"),
        row.getString("name"),
        StoreTimes.read(row, "created_at"));
  }

  private static ScalingPolicyRecord policy(ResultSet row, int n) throws SQLException {
    return new ScalingPolicyRecord(
        row.getObject("id", UUID.class),
        row.getObject("group_id", UUID.class),
        row.getString("name"),
        row.getLong("executions"),
        StoreTimes.read(row, "last_executed_at"),
        StoreTimes.read(row, "created_at"));
  }
}
