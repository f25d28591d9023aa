package io.hookwire.server.autoscale;

import io.hookwire.server.platform.StoreTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The SQL of the Auto Scale webhooks API. */
@Repository
public class WebhooksStore {

  private static final String COLUMNS =
      "id, policy_id, name, metadata, capability_hash, created_at";
  private static final TypeReference<LinkedHashMap<String, String>> METADATA =
      new TypeReference<>() {};

  /**
   * The webhook's policy is the scope's, in the scope's group of the scope's tenant: one statement
   * finds or changes a webhook at its path.
   */
  private static final String IN_SCOPE =
      "policy_id = :policy AND EXISTS (SELECT 1 FROM scaling_policies p"
          + " JOIN scaling_groups g ON g.id = p.group_id"
          + " WHERE p.id = :policy AND g.id = :group AND g.tenant_id = :tenant)";

  /** A policy as a webhook's path names it. */
  public record Scope(String tenantId, UUID groupId, UUID policyId) {}

  private final JdbcClient jdbc;
  private final JsonMapper json;

  public WebhooksStore(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public boolean groupExists(String tenantId, UUID groupId) {
    return exists("scaling_groups", groupId, "tenant_id", tenantId);
  }

  public boolean policyExists(UUID groupId, UUID policyId) {
    return exists("scaling_policies", policyId, "group_id", groupId);
  }

  /** Whether the table has the row of this id under this owner; the names are constants. */
  private boolean exists(String table, UUID id, String ownerColumn, Object owner) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM "
                    + table
                    + " WHERE id = :id AND "
                    + ownerColumn
                    + " = :owner")
            .param("id", id)
            .param("owner", owner)
            .query(Long.class)
            .single()
        > 0;
  }

  /**
   * Whether the policy exists; if so, its row stays locked until the transaction ends, so that
   * concurrent creates of its webhooks, from this server or another on the same database, count one
   * after the other.
   */
  public boolean lockPolicy(UUID groupId, UUID policyId) {
    return jdbc.sql(
            "SELECT id FROM scaling_policies WHERE id = :id AND group_id = :group FOR UPDATE")
        .param("id", policyId)
        .param("group", groupId)
        .query(UUID.class)
        .optional()
        .isPresent();
  }

  public int count(UUID policyId) {
    return jdbc.sql("SELECT COUNT(*) FROM webhooks WHERE policy_id = :policy")
        .param("policy", policyId)
        .query(Integer.class)
        .single();
  }

  public void insert(WebhookRecord webhook) {
    jdbc.sql(
            "INSERT INTO webhooks ("
                + COLUMNS
                + ") VALUES (:id, :policy, :name, :metadata, :hash, :createdAt)")
        .param("id", webhook.id())
        .param("policy", webhook.policyId())
        .param("name", webhook.name())
        .param("metadata", json.writeValueAsString(webhook.metadata()))
        .param("hash", webhook.capabilityHash())
        .param("createdAt", StoreTimes.bind(webhook.createdAt()))
        .update();
  }

  /**
   * Up to {@code limit} webhooks of the scope's policy, by id, after {@code marker} if not null;
   * none where the scope names no policy.
   */
  public List<WebhookRecord> list(Scope scope, UUID marker, int limit) {
    return inScope(
            "SELECT "
                + COLUMNS
                + " FROM webhooks WHERE "
                + IN_SCOPE
                + (marker == null ? "" : " AND id > :marker")
                + " ORDER BY id LIMIT :limit",
            scope)
        .param("marker", marker)
        .param("limit", limit)
        .query(this::webhook)
        .list();
  }

  public Optional<WebhookRecord> find(Scope scope, UUID id) {
    return inScope("SELECT " + COLUMNS + " FROM webhooks WHERE id = :id AND " + IN_SCOPE, scope)
        .param("id", id)
        .query(this::webhook)
        .optional();
  }

  /** Replaces name and metadata; false if the scope's policy has no such webhook. */
  public boolean replace(Scope scope, UUID id, String name, Map<String, String> metadata) {
    return inScope(
                "UPDATE webhooks SET name = :name, metadata = :metadata"
                    + " WHERE id = :id AND "
                    + IN_SCOPE,
                scope)
            .param("name", name)
            .param("metadata", json.writeValueAsString(metadata))
            .param("id", id)
            .update()
        > 0;
  }

  public boolean delete(Scope scope, UUID id) {
    return inScope("DELETE FROM webhooks WHERE id = :id AND " + IN_SCOPE, scope)
            .param("id", id)
            .update()
        > 0;
  }

  private JdbcClient.StatementSpec inScope(String sql, Scope scope) {
    return jdbc.sql(sql)
        .param("tenant", scope.tenantId())
        .param("group", scope.groupId())
        .param("policy", scope.policyId());
  }

  /** Counts an execution on the policy of the webhook with this hash; false if there is none. */
  public boolean recordExecution(String capabilityHash, Instant at) {
    return jdbc.sql(
                "UPDATE scaling_policies SET executions = executions + 1, last_executed_at = :at"
                    + " WHERE id = (SELECT policy_id FROM webhooks WHERE capability_hash = :hash)")
            .param("at", StoreTimes.bind(at))
            .param("hash", capabilityHash)
            .update()
        > 0;
  }

  private WebhookRecord webhook(ResultSet row, int number) throws SQLException {
    return new WebhookRecord(
        row.getObject("id", UUID.class),
        row.getObject("policy_id", UUID.class),
        row.getString("name"),
        json.readValue(row.getString("metadata"), METADATA),
        row.getString("capability_hash"),
        StoreTimes.read(row, "created_at"));
  }
}
