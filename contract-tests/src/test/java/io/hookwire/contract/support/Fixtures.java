package io.hookwire.contract.support;

import io.hookwire.client.ClientOptions;
import io.hookwire.client.HookwireAutoscale;
import io.hookwire.client.HookwireEndpoints;
import io.hookwire.client.HookwireOperator;
import io.hookwire.client.operator.model.AccountCreate;
import io.hookwire.client.operator.model.EnvironmentCreate;
import io.hookwire.client.operator.model.ScalingGroupCreate;
import io.hookwire.client.operator.model.ScalingPolicyCreate;
import io.hookwire.client.operator.model.TenantCreate;
import io.hookwire.client.operator.model.TenantTokenCreate;
import io.hookwire.client.operator.model.TenantTokenRole;
import io.hookwire.client.operator.model.UserCreate;
import io.hookwire.client.operator.model.UserRole;
import java.security.SecureRandom;
import java.util.List;
import java.util.UUID;

/**
 * Clients of the server under test, every exchange checked against the spec, and fresh data
 * provisioned through the operator API, so that tests never share state and run against any
 * deployment.
 */
public final class Fixtures {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Fixtures() {}

  /**
   * @return one attempt per request (the suite decides what to repeat), every exchange validated
   */
  public static ClientOptions options() {
    return ClientOptions.defaults().withMaxAttempts(1).withInterceptor(new ValidatingInterceptor());
  }

  /**
   * @return the operator API, with the operator token
   */
  public static HookwireOperator operator() {
    ContractServer server = ContractServer.get();
    return HookwireOperator.connect(server.baseUrl(), server.operatorToken(), options());
  }

  /**
   * @param token a user's token
   * @return the Endpoints API as that user
   */
  public static HookwireEndpoints endpoints(String token) {
    return HookwireEndpoints.connect(ContractServer.get().baseUrl(), token, options());
  }

  /**
   * @param token a tenant's token
   * @return the Auto Scale API with that token
   */
  public static HookwireAutoscale autoscale(String token) {
    return HookwireAutoscale.connect(ContractServer.get().baseUrl(), token, options());
  }

  /**
   * An account with two environments and users of each kind.
   *
   * @param id the account's id
   * @param environmentIds its two environments
   * @param adminToken an admin who sees every environment
   * @param readerToken a reader who sees every environment
   * @param firstEnvironmentAdminToken an admin who sees only the first environment
   */
  public record Account(
      String id,
      List<String> environmentIds,
      String adminToken,
      String readerToken,
      String firstEnvironmentAdminToken) {}

  /**
   * @return a new account, provisioned now
   */
  public static Account newAccount() {
    var accounts = operator().accounts();
    String id =
        accounts.createAccount(new AccountCreate().name("contract " + UUID.randomUUID())).getId();
    String first =
        accounts.createEnvironment(id, new EnvironmentCreate().name("production")).getId();
    String second = accounts.createEnvironment(id, new EnvironmentCreate().name("staging")).getId();
    return new Account(
        id,
        List.of(first, second),
        userToken(id, new UserCreate().name("admin").role(UserRole.ADMIN)),
        userToken(id, new UserCreate().name("reader").role(UserRole.READER)),
        userToken(
            id,
            new UserCreate()
                .name("first only")
                .role(UserRole.ADMIN)
                .environmentIds(List.of(first))));
  }

  private static String userToken(String accountId, UserCreate user) {
    var accounts = operator().accounts();
    String userId = accounts.createUser(accountId, user).getId();
    return accounts.createUserToken(accountId, userId).getToken();
  }

  /**
   * A tenant with one scaling group holding two policies, and a token of each role.
   *
   * @param id the tenant's id
   * @param groupId its scaling group
   * @param policyId a policy of that group
   * @param otherPolicyId another policy of that group
   * @param adminToken an admin token of the tenant
   * @param observerToken an observer token of the tenant
   */
  public record Tenant(
      String id,
      String groupId,
      String policyId,
      String otherPolicyId,
      String adminToken,
      String observerToken) {}

  /**
   * @return a new tenant with a random numeric id, provisioned now
   */
  public static Tenant newTenant() {
    var tenants = operator().tenants();
    String id = String.valueOf(100_000_000 + RANDOM.nextInt(900_000_000));
    tenants.createTenant(new TenantCreate().id(id));
    UUID group = tenants.createScalingGroup(id, new ScalingGroupCreate().name("web")).getId();
    UUID policy =
        tenants.createScalingPolicy(id, group, new ScalingPolicyCreate().name("scale up")).getId();
    UUID other =
        tenants
            .createScalingPolicy(id, group, new ScalingPolicyCreate().name("scale down"))
            .getId();
    return new Tenant(
        id,
        group.toString(),
        policy.toString(),
        other.toString(),
        tenantToken(id, TenantTokenRole.ADMIN),
        tenantToken(id, TenantTokenRole.OBSERVER));
  }

  private static String tenantToken(String tenantId, TenantTokenRole role) {
    return operator()
        .tenants()
        .createTenantToken(tenantId, new TenantTokenCreate().role(role))
        .getToken();
  }
}
