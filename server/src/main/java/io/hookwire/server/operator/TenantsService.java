package io.hookwire.server.operator;

import io.hookwire.server.auth.CallerCache;
import io.hookwire.server.platform.SecureIds;
import io.hookwire.server.platform.StoreTimes;
import io.hookwire.server.platform.Tokens;
import io.hookwire.server.platform.errors.ConflictException;
import io.hookwire.server.platform.errors.NotFoundException;
import io.hookwire.server.platform.errors.Violation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of the Auto Scale API's tenants, scaling groups, policies and tenant tokens: tenant ids
 * chosen by the operator but unique and never {@code execute}, generated ids, secrets stored only
 * as hashes, and 404 for the outermost unknown id of a path (tenant before group before policy).
 */
@Service
public class TenantsService {

  /** The tenant id that is the capability URL path, {@code /v1.0/execute/...}. */
  public static final String RESERVED_TENANT_ID = "execute";

  /** The roles of a tenant token. */
  public static final Set<String> TOKEN_ROLES = Set.of("admin", "observer");

  private static final Pattern TENANT_ID = Pattern.compile("[0-9A-Za-z_-]{1,64}");
  private static final int NAME_MAX = 256;

  private final TenantsStore store;
  private final SecureIds ids;
  private final Tokens tokens;
  private final Clock clock;
  private final CallerCache callers;

  public TenantsService(
      TenantsStore store, SecureIds ids, Tokens tokens, Clock clock, CallerCache callers) {
    this.store = store;
    this.ids = ids;
    this.tokens = tokens;
    this.clock = clock;
    this.callers = callers;
  }

  // Tenants

  @Transactional(readOnly = true)
  public List<TenantRecord> listTenants() {
    return store.listTenants();
  }

  @Transactional(readOnly = true)
  public TenantRecord getTenant(String tenantId) {
    return store.findTenant(tenantId).orElseThrow(() -> new NotFoundException("Tenant", tenantId));
  }

  /**
   * Creates a tenant with the id the operator chose.
   *
   * @throws io.hookwire.server.platform.errors.InvalidFieldsException for {@code execute} or an id
   *     that is not 1 to 64 letters, digits, {@code _} and {@code -}
   * @throws ConflictException if a tenant has this id already
   */
  @Transactional
  public TenantRecord createTenant(String id) {
    List<Violation> violations = new ArrayList<>();
    if (RESERVED_TENANT_ID.equals(id)) {
      violations.add(Violation.atPointer("/id", "execute is reserved for capability URLs"));
    } else if (id == null || !TENANT_ID.matcher(id).matches()) {
      violations.add(
          Violation.atPointer("/id", "'/id' must be 1 to 64 letters, digits, '_' and '-'."));
    }
    Rules.refuse(violations);
    TenantRecord tenant = new TenantRecord(id, StoreTimes.now(clock));
    try {
      store.insertTenant(tenant);
    } catch (DuplicateKeyException e) {
      throw new ConflictException("Tenant '" + id + "' already exists", "/id");
    }
    return tenant;
  }

  /** Deletes the tenant with its scaling groups, their policies and its tokens. */
  @Transactional
  public void deleteTenant(String tenantId) {
    NotFoundException.unless(store.deleteTenant(tenantId), "Tenant", tenantId);
    callers.forgetAfterCommit();
  }

  // Scaling groups

  @Transactional(readOnly = true)
  public List<ScalingGroupRecord> listScalingGroups(String tenantId) {
    requireTenant(tenantId);
    return store.listScalingGroups(tenantId);
  }

  @Transactional(readOnly = true)
  public ScalingGroupRecord getScalingGroup(String tenantId, UUID groupId) {
    requireTenant(tenantId);
    return store
        .findScalingGroup(tenantId, groupId)
        .orElseThrow(() -> new NotFoundException("ScalingGroup", groupId.toString()));
  }

  /** Creates a scaling group of the tenant, with a generated id. */
  @Transactional
  public ScalingGroupRecord createScalingGroup(String tenantId, String name) {
    return createScalingGroup(tenantId, ids.uuid(), name);
  }

  /** Creates a scaling group of the tenant with the given id, such as a demo group's. */
  @Transactional
  public ScalingGroupRecord createScalingGroup(String tenantId, UUID id, String name) {
    Rules.requireName(name, NAME_MAX);
    NotFoundException.unless(store.lockTenant(tenantId), "Tenant", tenantId);
    ScalingGroupRecord group = new ScalingGroupRecord(id, tenantId, name, StoreTimes.now(clock));
    store.insertScalingGroup(group);
    return group;
  }

  /** Deletes the scaling group with its policies. */
  @Transactional
  public void deleteScalingGroup(String tenantId, UUID groupId) {
    requireTenant(tenantId);
    NotFoundException.unless(store.deleteScalingGroup(tenantId, groupId), "ScalingGroup", groupId);
  }

  // Scaling policies

  @Transactional(readOnly = true)
  public List<ScalingPolicyRecord> listScalingPolicies(String tenantId, UUID groupId) {
    requireGroup(tenantId, groupId);
    return store.listScalingPolicies(groupId);
  }

  @Transactional(readOnly = true)
  public ScalingPolicyRecord getScalingPolicy(String tenantId, UUID groupId, UUID policyId) {
    requireGroup(tenantId, groupId);
    return store
        .findScalingPolicy(groupId, policyId)
        .orElseThrow(() -> new NotFoundException("Policy", policyId.toString()));
  }

  /** Creates a policy in the scaling group, with a generated id. */
  @Transactional
  public ScalingPolicyRecord createScalingPolicy(String tenantId, UUID groupId, String name) {
    return createScalingPolicy(tenantId, groupId, ids.uuid(), name);
  }

  /** Creates a policy in the scaling group with the given id, such as a demo policy's. */
  @Transactional
  public ScalingPolicyRecord createScalingPolicy(
      String tenantId, UUID groupId, UUID id, String name) {
    Rules.requireName(name, NAME_MAX);
    requireTenant(tenantId);
    NotFoundException.unless(store.lockScalingGroup(tenantId, groupId), "ScalingGroup", groupId);
    ScalingPolicyRecord policy =
        new ScalingPolicyRecord(id, groupId, name, 0, null, StoreTimes.now(clock));
    store.insertScalingPolicy(policy);
    return policy;
  }

  /** Deletes the policy. */
  @Transactional
  public void deleteScalingPolicy(String tenantId, UUID groupId, UUID policyId) {
    requireGroup(tenantId, groupId);
    NotFoundException.unless(store.deleteScalingPolicy(groupId, policyId), "Policy", policyId);
  }

  // Tenant tokens

  /** The tenant's tokens, without their secrets. */
  @Transactional(readOnly = true)
  public List<TenantTokenRecord> listTenantTokens(String tenantId) {
    requireTenant(tenantId);
    return store.listTenantTokens(tenantId);
  }

  /**
   * Creates a token for the tenant with a new random secret, returned here and never again.
   *
   * @param role {@code admin} or {@code observer}
   */
  @Transactional
  public CreatedTenantToken createTenantToken(String tenantId, String role) {
    return createTenantToken(tenantId, role, tokens.newSecret());
  }

  /**
   * Creates a token for the tenant with the given secret, such as a demo token's.
   *
   * @param role {@code admin} or {@code observer}
   */
  @Transactional
  public CreatedTenantToken createTenantToken(String tenantId, String role, String secret) {
    Rules.requireRole(role, TOKEN_ROLES);
    NotFoundException.unless(store.lockTenant(tenantId), "Tenant", tenantId);
    TenantTokenRecord token =
        new TenantTokenRecord(ids.prefixed("tok"), tenantId, role, StoreTimes.now(clock));
    store.insertTenantToken(token, Tokens.hash(secret));
    return new CreatedTenantToken(token, secret);
  }

  /** Deletes the tenant's token. */
  @Transactional
  public void deleteTenantToken(String tenantId, String tokenId) {
    requireTenant(tenantId);
    NotFoundException.unless(store.deleteTenantToken(tenantId, tokenId), "Token", tokenId);
    callers.forgetAfterCommit();
  }

  private void requireTenant(String tenantId) {
    NotFoundException.unless(store.findTenant(tenantId).isPresent(), "Tenant", tenantId);
  }

  private void requireGroup(String tenantId, UUID groupId) {
    requireTenant(tenantId);
    NotFoundException.unless(
        store.findScalingGroup(tenantId, groupId).isPresent(), "ScalingGroup", groupId);
  }
}
