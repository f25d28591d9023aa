package io.hookwire.server.operator;

import static io.hookwire.server.operator.AccountsDelegate.utc;

import io.hookwire.server.operator.api.AutoScaleTenantsApiDelegate;
import io.hookwire.server.operator.model.ScalingGroup;
import io.hookwire.server.operator.model.ScalingGroupCreate;
import io.hookwire.server.operator.model.ScalingGroupList;
import io.hookwire.server.operator.model.ScalingPolicy;
import io.hookwire.server.operator.model.ScalingPolicyCreate;
import io.hookwire.server.operator.model.ScalingPolicyList;
import io.hookwire.server.operator.model.Tenant;
import io.hookwire.server.operator.model.TenantCreate;
import io.hookwire.server.operator.model.TenantList;
import io.hookwire.server.operator.model.TenantToken;
import io.hookwire.server.operator.model.TenantTokenCreate;
import io.hookwire.server.operator.model.TenantTokenCreated;
import io.hookwire.server.operator.model.TenantTokenList;
import io.hookwire.server.operator.model.TenantTokenRole;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The Auto Scale tenants operations of the operator API: models in and out, statuses, locations.
 */
@Component
public record TenantsDelegate(TenantsService tenants, Locations locations)
    implements AutoScaleTenantsApiDelegate {

  // Tenants

  @Override
  public ResponseEntity<TenantList> listTenants() {
    return ResponseEntity.ok(
        new TenantList(tenants.listTenants().stream().map(TenantsDelegate::tenant).toList()));
  }

  @Override
  public ResponseEntity<Tenant> createTenant(TenantCreate body) {
    TenantRecord tenant = tenants.createTenant(body.getId());
    return ResponseEntity.created(locations.created(tenant.id())).body(tenant(tenant));
  }

  @Override
  public ResponseEntity<Tenant> getTenant(String tenantId) {
    return ResponseEntity.ok(tenant(tenants.getTenant(tenantId)));
  }

  @Override
  public ResponseEntity<Void> deleteTenant(String tenantId) {
    tenants.deleteTenant(tenantId);
    return ResponseEntity.noContent().build();
  }

  // Scaling groups

  @Override
  public ResponseEntity<ScalingGroupList> listScalingGroups(String tenantId) {
    return ResponseEntity.ok(
        new ScalingGroupList(
            tenants.listScalingGroups(tenantId).stream().map(TenantsDelegate::group).toList()));
  }

  @Override
  public ResponseEntity<ScalingGroup> createScalingGroup(String tenantId, ScalingGroupCreate body) {
    ScalingGroupRecord group = tenants.createScalingGroup(tenantId, body.getName());
    return ResponseEntity.created(locations.created(group.id())).body(group(group));
  }

  @Override
  public ResponseEntity<ScalingGroup> getScalingGroup(String tenantId, UUID groupId) {
    return ResponseEntity.ok(group(tenants.getScalingGroup(tenantId, groupId)));
  }

  @Override
  public ResponseEntity<Void> deleteScalingGroup(String tenantId, UUID groupId) {
    tenants.deleteScalingGroup(tenantId, groupId);
    return ResponseEntity.noContent().build();
  }

  // Scaling policies

  @Override
  public ResponseEntity<ScalingPolicyList> listScalingPolicies(String tenantId, UUID groupId) {
    return ResponseEntity.ok(
        new ScalingPolicyList(
            tenants.listScalingPolicies(tenantId, groupId).stream()
                .map(TenantsDelegate::policy)
                .toList()));
  }

  @Override
  public ResponseEntity<ScalingPolicy> createScalingPolicy(
      String tenantId, UUID groupId, ScalingPolicyCreate body) {
    ScalingPolicyRecord policy = tenants.createScalingPolicy(tenantId, groupId, body.getName());
    return ResponseEntity.created(locations.created(policy.id())).body(policy(policy));
  }

  @Override
  public ResponseEntity<ScalingPolicy> getScalingPolicy(
      String tenantId, UUID groupId, UUID policyId) {
    return ResponseEntity.ok(policy(tenants.getScalingPolicy(tenantId, groupId, policyId)));
  }

  @Override
  public ResponseEntity<Void> deleteScalingPolicy(String tenantId, UUID groupId, UUID policyId) {
    tenants.deleteScalingPolicy(tenantId, groupId, policyId);
    return ResponseEntity.noContent().build();
  }

  // Tenant tokens

  @Override
  public ResponseEntity<TenantTokenList> listTenantTokens(String tenantId) {
    return ResponseEntity.ok(
        new TenantTokenList(
            tenants.listTenantTokens(tenantId).stream()
                .map(
                    token ->
                        new TenantToken(
                            token.id(),
                            TenantTokenRole.fromValue(token.role()),
                            utc(token.createdAt())))
                .toList()));
  }

  @Override
  public ResponseEntity<TenantTokenCreated> createTenantToken(
      String tenantId, TenantTokenCreate body) {
    CreatedTenantToken created = tenants.createTenantToken(tenantId, body.getRole().getValue());
    TenantTokenRecord token = created.token();
    return ResponseEntity.created(locations.created(token.id()))
        .body(
            new TenantTokenCreated(
                token.id(),
                TenantTokenRole.fromValue(token.role()),
                created.secret(),
                utc(token.createdAt())));
  }

  @Override
  public ResponseEntity<Void> deleteTenantToken(String tenantId, String tokenId) {
    tenants.deleteTenantToken(tenantId, tokenId);
    return ResponseEntity.noContent().build();
  }

  // Models

  private static Tenant tenant(TenantRecord tenant) {
    return new Tenant(tenant.id(), utc(tenant.createdAt()));
  }

  private static ScalingGroup group(ScalingGroupRecord group) {
    return new ScalingGroup(group.id(), group.tenantId(), group.name(), utc(group.createdAt()));
  }

  private static ScalingPolicy policy(ScalingPolicyRecord policy) {
    return new ScalingPolicy(
        policy.id(),
        policy.groupId(),
        policy.name(),
        policy.executions(),
        utc(policy.lastExecutedAt()),
        utc(policy.createdAt()));
  }
}
