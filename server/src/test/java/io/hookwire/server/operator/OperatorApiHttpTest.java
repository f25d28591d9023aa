package io.hookwire.server.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every operation of the operator API against the real server over real HTTP: statuses, headers and
 * bodies of successes, and the problem documents of its failures.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "hookwire.operator-token=test-operator-token",
      "hookwire.demo.enabled=false",
      "spring.datasource.url=jdbc:h2:mem:operator-http;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
      "management.server.port=0"
    })
class OperatorApiHttpTest {

  private static final String ACCOUNTS = "/operator/v1/accounts";
  private static final String TENANTS = "/operator/v1/tenants";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final AtomicInteger TENANT_NUMBER = new AtomicInteger();

  @LocalServerPort int port;

  // Accounts

  @Test
  void anAccountIsCreatedShownListedAndDeleted() {
    HttpResponse<String> created = post(ACCOUNTS, "{\"name\":\"Demo\"}");

    JsonNode account = created(created);
    String id = account.get("id").asString();
    assertThat(id).matches("acc-[0-9a-z]{17}");
    assertThat(account.get("name").asString()).isEqualTo("Demo");
    assertThat(OffsetDateTime.parse(account.get("created_at").asString())).isNotNull();
    assertThat(created.headers().firstValue("Location")).contains(url(ACCOUNTS + "/" + id));
    assertThat(ok(get(ACCOUNTS + "/" + id))).isEqualTo(account);

    String second = id(post(ACCOUNTS, "{\"name\":\"Second\"}"));
    List<String> listed = ids(ok(get(ACCOUNTS)));
    assertThat(listed).containsSubsequence(id, second);
    assertThat(ok(get(ACCOUNTS)).get("items").valueStream().filter(a -> a.equals(account)))
        .hasSize(1);

    noContent(delete(ACCOUNTS + "/" + id));
    notFound(get(ACCOUNTS + "/" + id), "Account", id);
    notFound(delete(ACCOUNTS + "/" + id), "Account", id);
    assertThat(ids(ok(get(ACCOUNTS)))).doesNotContain(id).contains(second);
  }

  @Test
  void anUnknownAccountIsNotFoundOnEveryPathUnderIt() {
    String unknown = "acc-00000000000000000";

    notFound(get(ACCOUNTS + "/" + unknown), "Account", unknown);
    notFound(get(ACCOUNTS + "/" + unknown + "/environments"), "Account", unknown);
    notFound(
        post(ACCOUNTS + "/" + unknown + "/environments", "{\"name\":\"P\"}"), "Account", unknown);
    notFound(get(ACCOUNTS + "/" + unknown + "/environments/env-x"), "Account", unknown);
    notFound(delete(ACCOUNTS + "/" + unknown + "/environments/env-x"), "Account", unknown);
    notFound(get(ACCOUNTS + "/" + unknown + "/users"), "Account", unknown);
    notFound(
        post(ACCOUNTS + "/" + unknown + "/users", "{\"name\":\"U\",\"role\":\"admin\"}"),
        "Account",
        unknown);
    notFound(get(ACCOUNTS + "/" + unknown + "/users/usr-x"), "Account", unknown);
    notFound(delete(ACCOUNTS + "/" + unknown + "/users/usr-x"), "Account", unknown);
    notFound(get(ACCOUNTS + "/" + unknown + "/users/usr-x/tokens"), "Account", unknown);
    notFound(post(ACCOUNTS + "/" + unknown + "/users/usr-x/tokens", null), "Account", unknown);
    notFound(delete(ACCOUNTS + "/" + unknown + "/users/usr-x/tokens/tok-x"), "Account", unknown);
    notFound(get(ACCOUNTS + "/not%20even%20an%20id"), "Account", "not even an id");
  }

  // Environments

  @Test
  void anEnvironmentIsCreatedShownListedAndDeleted() {
    String account = account();
    String environments = ACCOUNTS + "/" + account + "/environments";

    HttpResponse<String> created = post(environments, "{\"name\":\"Production\"}");

    JsonNode environment = created(created);
    String id = environment.get("id").asString();
    assertThat(id).matches("env-[0-9a-z]{17}");
    assertThat(environment.get("account_id").asString()).isEqualTo(account);
    assertThat(environment.get("name").asString()).isEqualTo("Production");
    assertThat(created.headers().firstValue("Location")).contains(url(environments + "/" + id));
    assertThat(ok(get(environments + "/" + id))).isEqualTo(environment);

    String staging = id(post(environments, "{\"name\":\"Staging\"}"));
    assertThat(ids(ok(get(environments)))).containsExactly(id, staging);

    noContent(delete(environments + "/" + id));
    notFound(get(environments + "/" + id), "Environment", id);
    notFound(delete(environments + "/" + id), "Environment", id);
    assertThat(ids(ok(get(environments)))).containsExactly(staging);
  }

  @Test
  void anEnvironmentOfAnotherAccountIsNotFound() {
    String account = account();
    String other = account();
    String environment = environment(other);

    notFound(
        get(ACCOUNTS + "/" + account + "/environments/" + environment), "Environment", environment);
    notFound(
        delete(ACCOUNTS + "/" + account + "/environments/" + environment),
        "Environment",
        environment);
    ok(get(ACCOUNTS + "/" + other + "/environments/" + environment));
  }

  @Test
  void deletingAnAccountDeletesWhatIsInIt() {
    String account = account();
    String environment = environment(account);
    String user = user(account, "{\"name\":\"U\",\"role\":\"admin\"}");

    noContent(delete(ACCOUNTS + "/" + account));

    notFound(get(ACCOUNTS + "/" + account + "/environments/" + environment), "Account", account);
    notFound(get(ACCOUNTS + "/" + account + "/users/" + user + "/tokens"), "Account", account);
  }

  // Users

  @Test
  void anAdminOfAllEnvironmentsIsCreatedWithNullEnvironments() {
    String account = account();
    String users = ACCOUNTS + "/" + account + "/users";

    HttpResponse<String> created = post(users, "{\"name\":\"Deploy bot\",\"role\":\"admin\"}");

    JsonNode user = created(created);
    String id = user.get("id").asString();
    assertThat(id).matches("usr-[0-9a-z]{17}");
    assertThat(user.get("account_id").asString()).isEqualTo(account);
    assertThat(user.get("name").asString()).isEqualTo("Deploy bot");
    assertThat(user.get("role").asString()).isEqualTo("admin");
    assertThat(user.has("environment_ids")).isTrue();
    assertThat(user.get("environment_ids").isNull()).isTrue();
    assertThat(created.headers().firstValue("Location")).contains(url(users + "/" + id));
    assertThat(ok(get(users + "/" + id))).isEqualTo(user);
    // An explicit null is the same as absent: all environments.
    JsonNode explicit =
        created(post(users, "{\"name\":\"Bot\",\"role\":\"admin\",\"environment_ids\":null}"));
    assertThat(explicit.get("environment_ids").isNull()).isTrue();
  }

  @Test
  void aReaderOfListedEnvironmentsIsCreatedShownListedAndDeleted() {
    String account = account();
    String production = environment(account);
    String staging = environment(account);
    String users = ACCOUNTS + "/" + account + "/users";
    String admin = user(account, "{\"name\":\"Admin\",\"role\":\"admin\"}");

    JsonNode reader =
        created(
            post(
                users,
                "{\"name\":\"Auditor\",\"role\":\"reader\",\"environment_ids\":[\""
                    + staging
                    + "\",\""
                    + production
                    + "\"]}"));
    String id = reader.get("id").asString();
    JsonNode none =
        created(post(users, "{\"name\":\"Nobody\",\"role\":\"reader\",\"environment_ids\":[]}"));

    assertThat(reader.get("role").asString()).isEqualTo("reader");
    assertThat(strings(reader.get("environment_ids"))).containsExactly(production, staging);
    assertThat(none.get("environment_ids").isArray()).isTrue();
    assertThat(none.get("environment_ids").isEmpty()).isTrue();
    assertThat(ok(get(users + "/" + id))).isEqualTo(reader);
    assertThat(ids(ok(get(users)))).containsExactly(admin, id, none.get("id").asString());
    assertThat(ok(get(users)).get("items").get(1)).isEqualTo(reader);

    noContent(delete(ACCOUNTS + "/" + account + "/environments/" + production));
    assertThat(strings(ok(get(users + "/" + id)).get("environment_ids"))).containsExactly(staging);

    noContent(delete(users + "/" + id));
    notFound(get(users + "/" + id), "User", id);
    notFound(delete(users + "/" + id), "User", id);
    assertThat(ids(ok(get(users)))).containsExactly(admin, none.get("id").asString());
  }

  @Test
  void aUserOfAnotherAccountIsNotFound() {
    String account = account();
    String other = account();
    String user = user(other, "{\"name\":\"U\",\"role\":\"admin\"}");
    String path = ACCOUNTS + "/" + account + "/users/" + user;

    notFound(get(path), "User", user);
    notFound(delete(path), "User", user);
    notFound(get(path + "/tokens"), "User", user);
    notFound(post(path + "/tokens", null), "User", user);
    notFound(delete(path + "/tokens/tok-x"), "User", user);
  }

  // User tokens

  @Test
  void aUserTokenIsShownOnceListedWithoutItsSecretAndDeleted() {
    String account = account();
    String user = user(account, "{\"name\":\"U\",\"role\":\"admin\"}");
    String tokens = ACCOUNTS + "/" + account + "/users/" + user + "/tokens";

    HttpResponse<String> created = post(tokens, null);

    JsonNode token = created(created);
    String id = token.get("id").asString();
    assertThat(id).matches("tok-[0-9a-z]{17}");
    assertThat(token.get("token").asString()).hasSizeGreaterThanOrEqualTo(22);
    assertThat(OffsetDateTime.parse(token.get("created_at").asString())).isNotNull();
    assertThat(created.headers().firstValue("Location")).contains(url(tokens + "/" + id));

    HttpResponse<String> listedResponse = get(tokens);
    JsonNode listed = ok(listedResponse).get("items");
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).get("id").asString()).isEqualTo(id);
    assertThat(listed.get(0).get("created_at")).isEqualTo(token.get("created_at"));
    assertThat(listed.get(0).propertyNames()).containsExactlyInAnyOrder("id", "created_at");
    assertThat(listedResponse.body()).doesNotContain(token.get("token").asString());

    // The request has no body; one sent is ignored.
    String second = id(post(tokens, "{\"ignored\":true}"));
    assertThat(ids(ok(get(tokens)))).containsExactly(id, second);

    noContent(delete(tokens + "/" + id));
    notFound(delete(tokens + "/" + id), "Token", id);
    assertThat(ids(ok(get(tokens)))).containsExactly(second);
  }

  @Test
  void aTokenOfAnotherUserIsNotFound() {
    String account = account();
    String user = user(account, "{\"name\":\"U\",\"role\":\"admin\"}");
    String other = user(account, "{\"name\":\"V\",\"role\":\"admin\"}");
    String token = id(post(ACCOUNTS + "/" + account + "/users/" + other + "/tokens", null));

    notFound(
        delete(ACCOUNTS + "/" + account + "/users/" + user + "/tokens/" + token), "Token", token);
    assertThat(ids(ok(get(ACCOUNTS + "/" + account + "/users/" + other + "/tokens"))))
        .containsExactly(token);
  }

  // Invalid requests on accounts

  @Test
  void blankMissingAndOverlongNamesAre422WithAPointer() {
    invalid(post(ACCOUNTS, "{\"name\":\"  \"}"), "/name");
    invalid(post(ACCOUNTS, "{}"), "/name");
    invalid(post(ACCOUNTS, "{\"name\":\"" + "n".repeat(256) + "\"}"), "/name");
    String account = account();
    invalid(post(ACCOUNTS + "/" + account + "/environments", "{\"name\":\"\"}"), "/name");
    invalid(
        post(ACCOUNTS + "/" + account + "/users", "{\"name\":\" \",\"role\":\"admin\"}"), "/name");
    invalid(post(ACCOUNTS + "/" + account + "/users", "{\"name\":\"U\"}"), "/role");
  }

  @Test
  void anUnknownRoleIs422WithAPointer() {
    String account = account();

    JsonNode problem =
        invalid(
            post(ACCOUNTS + "/" + account + "/users", "{\"name\":\"U\",\"role\":\"owner\"}"),
            "/role");

    assertThat(problem.get("errors").get(0).get("detail").asString())
        .isEqualTo("'/role' must be one of 'admin', 'reader'.");
  }

  @Test
  void anEnvironmentOfAnotherAccountIs422WithAPointerToIt() {
    String account = account();
    String own = environment(account);
    String other = account();
    String foreign = environment(other);

    JsonNode problem =
        invalid(
            post(
                ACCOUNTS + "/" + account + "/users",
                "{\"name\":\"U\",\"role\":\"reader\",\"environment_ids\":[\""
                    + own
                    + "\",\""
                    + foreign
                    + "\",\"env-unknown\"]}"),
            "/environment_ids/1",
            "/environment_ids/2");

    assertThat(problem.get("errors").get(0).get("detail").asString())
        .isEqualTo("Environment '" + foreign + "' is not in account '" + account + "'");
    assertThat(ids(ok(get(ACCOUNTS + "/" + account + "/users")))).isEmpty();
  }

  @Test
  void anEnvironmentOfAnotherAccountIsReportedWithTheSchemasViolations() {
    String account = account();
    String foreign = environment(account());

    JsonNode problem =
        problem(
            post(
                ACCOUNTS + "/" + account + "/users",
                "{\"name\":\" \",\"role\":\"reader\",\"environment_ids\":[\""
                    + foreign
                    + "\",\"env-\"]}"),
            422);

    assertThat(pointers(problem))
        .containsExactlyInAnyOrder("/name", "/environment_ids/0", "/environment_ids/1");
    assertThat(problem.toString())
        .contains("Environment '" + foreign + "' is not in account '" + account + "'");
    assertThat(ids(ok(get(ACCOUNTS + "/" + account + "/users")))).isEmpty();
  }

  @Test
  void anEnvironmentIdOfTheWrongFormIs422() {
    String account = account();
    String own = environment(account);

    JsonNode problem =
        problem(
            post(
                ACCOUNTS + "/" + account + "/users",
                "{\"name\":\"U\",\"role\":\"reader\",\"environment_ids\":[\""
                    + own
                    + "\",\"not an id\"]}"),
            422);

    // The pointer should be /environment_ids/1; the platform's JsonPointers.ofBeanPath writes
    // "/environment_ids/" because Bean Validation gives the elements of a Set no index.
    assertThat(pointers(problem)).isNotEmpty().allMatch(p -> p.startsWith("/environment_ids/"));
  }

  @Test
  void aRoleOfTheWrongJsonTypeIs400() {
    String account = account();

    JsonNode problem =
        problem(post(ACCOUNTS + "/" + account + "/users", "{\"name\":\"U\",\"role\":1}"), 400);

    assertThat(pointers(problem)).containsExactly("/role");
    assertThat(problem.get("title").asString()).isEqualTo("Bad Request");
  }

  @Test
  void malformedJsonIs400() {
    HttpResponse<String> response = post(ACCOUNTS, "{\"name\":");

    JsonNode problem = problem(response, 400);
    assertThat(problem.get("title").asString()).isEqualTo("Bad Request");
  }

  @Test
  void anUnknownMemberIs400WithAPointerToIt() {
    HttpResponse<String> response = post(ACCOUNTS, "{\"name\":\"Demo\",\"url\":\"x\"}");

    JsonNode problem = problem(response, 400);
    assertThat(pointers(problem)).containsExactly("/url");
  }

  @Test
  void aMemberOfTheWrongTypeIs400WithAPointerToIt() {
    HttpResponse<String> response = post(ACCOUNTS, "{\"name\":42}");

    assertThat(pointers(problem(response, 400))).containsExactly("/name");
  }

  @Test
  void aBodyThatIsNotJsonIs415() {
    HttpResponse<String> response = send("POST", ACCOUNTS, "text/plain", "name=Demo");

    JsonNode problem = problem(response, 415);
    assertThat(problem.get("title").asString()).isEqualTo("Unsupported Media Type");
  }

  // Tenants

  @Test
  void aTenantIsCreatedShownListedDeletedAndCreatedAgain() {
    String id = tenantId();

    HttpResponse<String> created = post(TENANTS, "{\"id\":\"" + id + "\"}");

    JsonNode tenant = created(created);
    assertThat(tenant.get("id").asString()).isEqualTo(id);
    assertThat(OffsetDateTime.parse(tenant.get("created_at").asString())).isNotNull();
    assertThat(created.headers().firstValue("Location")).contains(url(TENANTS + "/" + id));
    assertThat(ok(get(TENANTS + "/" + id))).isEqualTo(tenant);
    String second = tenant();
    assertThat(ids(ok(get(TENANTS)))).containsSubsequence(id, second);

    noContent(delete(TENANTS + "/" + id));
    notFound(get(TENANTS + "/" + id), "Tenant", id);
    notFound(delete(TENANTS + "/" + id), "Tenant", id);
    assertThat(ids(ok(get(TENANTS)))).doesNotContain(id);
    created(post(TENANTS, "{\"id\":\"" + id + "\"}"));
  }

  @Test
  void aDuplicateTenantIdIs409() {
    String id = tenant();

    HttpResponse<String> response = post(TENANTS, "{\"id\":\"" + id + "\"}");

    JsonNode problem = problem(response, 409);
    assertThat(problem.get("detail").asString()).contains(id);
    assertThat(pointers(problem)).containsExactly("/id");
  }

  @Test
  void theReservedTenantIdExecuteIs422() {
    JsonNode problem = invalid(post(TENANTS, "{\"id\":\"execute\"}"), "/id");

    assertThat(problem.get("errors").get(0).get("detail").asString())
        .isEqualTo("execute is reserved for capability URLs");
    notFound(get(TENANTS + "/execute"), "Tenant", "execute");
  }

  @Test
  void aMalformedTenantIdIs422() {
    invalid(post(TENANTS, "{\"id\":\"a b\"}"), "/id");
    invalid(post(TENANTS, "{\"id\":\"\"}"), "/id");
    invalid(post(TENANTS, "{\"id\":\"" + "t".repeat(65) + "\"}"), "/id");
    invalid(post(TENANTS, "{}"), "/id");
  }

  // Scaling groups and policies

  @Test
  void aScalingGroupIsCreatedShownListedAndDeletedWithItsPolicies() {
    String tenant = tenant();
    String groups = TENANTS + "/" + tenant + "/groups";

    HttpResponse<String> created = post(groups, "{\"name\":\"Web servers\"}");

    JsonNode group = created(created);
    String id = group.get("id").asString();
    assertThat(UUID.fromString(id).version()).isEqualTo(4);
    assertThat(group.get("tenant_id").asString()).isEqualTo(tenant);
    assertThat(group.get("name").asString()).isEqualTo("Web servers");
    assertThat(created.headers().firstValue("Location")).contains(url(groups + "/" + id));
    assertThat(ok(get(groups + "/" + id))).isEqualTo(group);
    String workers = id(post(groups, "{\"name\":\"Workers\"}"));
    assertThat(ids(ok(get(groups)))).containsExactly(id, workers);
    String policy = id(post(groups + "/" + id + "/policies", "{\"name\":\"Up\"}"));

    noContent(delete(groups + "/" + id));

    notFound(get(groups + "/" + id), "ScalingGroup", id);
    notFound(delete(groups + "/" + id), "ScalingGroup", id);
    notFound(get(groups + "/" + id + "/policies/" + policy), "ScalingGroup", id);
    assertThat(ids(ok(get(groups)))).containsExactly(workers);
  }

  @Test
  void aPolicyIsCreatedShownListedAndDeleted() {
    String tenant = tenant();
    String group = group(tenant);
    String policies = TENANTS + "/" + tenant + "/groups/" + group + "/policies";

    HttpResponse<String> created = post(policies, "{\"name\":\"Scale up by one\"}");

    JsonNode policy = created(created);
    String id = policy.get("id").asString();
    assertThat(UUID.fromString(id).version()).isEqualTo(4);
    assertThat(policy.get("group_id").asString()).isEqualTo(group);
    assertThat(policy.get("name").asString()).isEqualTo("Scale up by one");
    assertThat(policy.get("executions").asLong()).isZero();
    assertThat(policy.has("last_executed_at")).isTrue();
    assertThat(policy.get("last_executed_at").isNull()).isTrue();
    assertThat(created.headers().firstValue("Location")).contains(url(policies + "/" + id));
    assertThat(ok(get(policies + "/" + id))).isEqualTo(policy);
    String down = id(post(policies, "{\"name\":\"Scale down by one\"}"));
    assertThat(ids(ok(get(policies)))).containsExactly(id, down);

    noContent(delete(policies + "/" + id));
    notFound(get(policies + "/" + id), "Policy", id);
    notFound(delete(policies + "/" + id), "Policy", id);
    assertThat(ids(ok(get(policies)))).containsExactly(down);
  }

  @Test
  void blankAndOverlongGroupAndPolicyNamesAre422() {
    String tenant = tenant();
    String group = group(tenant);

    invalid(post(TENANTS + "/" + tenant + "/groups", "{\"name\":\" \"}"), "/name");
    invalid(
        post(TENANTS + "/" + tenant + "/groups", "{\"name\":\"" + "n".repeat(257) + "\"}"),
        "/name");
    invalid(
        post(TENANTS + "/" + tenant + "/groups/" + group + "/policies", "{\"name\":\"\"}"),
        "/name");
  }

  @Test
  void unknownIdsUnderATenantAreNotFoundOutermostFirst() {
    String tenant = tenant();
    String group = group(tenant);
    String otherTenant = tenant();
    String foreignGroup = group(otherTenant);
    String policy =
        id(post(TENANTS + "/" + tenant + "/groups/" + group + "/policies", "{\"name\":\"P\"}"));
    String otherGroup = group(tenant);
    String unknownTenant = tenantId();
    String unknownUuid = UUID.randomUUID().toString();

    // The tenant comes first; a group or policy id that is not a UUID is a bad request.
    notFound(get(TENANTS + "/" + unknownTenant + "/groups"), "Tenant", unknownTenant);
    notFound(get(TENANTS + "/" + unknownTenant + "/groups/" + group), "Tenant", unknownTenant);
    problem(get(TENANTS + "/" + unknownTenant + "/groups/not-a-uuid"), 400);
    problem(get(TENANTS + "/" + unknownTenant + "/groups/not-a-uuid/policies/x"), 400);
    notFound(
        post(TENANTS + "/" + unknownTenant + "/groups", "{\"name\":\"G\"}"),
        "Tenant",
        unknownTenant);
    notFound(get(TENANTS + "/" + unknownTenant + "/tokens"), "Tenant", unknownTenant);
    notFound(
        post(TENANTS + "/" + unknownTenant + "/tokens", "{\"role\":\"admin\"}"),
        "Tenant",
        unknownTenant);
    notFound(delete(TENANTS + "/" + unknownTenant + "/tokens/tok-x"), "Tenant", unknownTenant);

    // Then the group: unknown or of another tenant.
    String groups = TENANTS + "/" + tenant + "/groups/";
    notFound(get(groups + unknownUuid), "ScalingGroup", unknownUuid);
    problem(get(groups + "not-a-uuid"), 400);
    problem(delete(groups + "not-a-uuid"), 400);
    problem(get(groups + "not-a-uuid/policies"), 400);
    problem(post(groups + "not-a-uuid/policies", "{\"name\":\"P\"}"), 400);
    notFound(get(groups + foreignGroup), "ScalingGroup", foreignGroup);
    notFound(get(groups + foreignGroup + "/policies"), "ScalingGroup", foreignGroup);
    notFound(
        post(groups + foreignGroup + "/policies", "{\"name\":\"P\"}"),
        "ScalingGroup",
        foreignGroup);
    notFound(get(groups + unknownUuid + "/policies/" + policy), "ScalingGroup", unknownUuid);

    // Then the policy: unknown or of another group.
    notFound(get(groups + group + "/policies/" + unknownUuid), "Policy", unknownUuid);
    problem(get(groups + group + "/policies/not-a-uuid"), 400);
    problem(delete(groups + group + "/policies/not-a-uuid"), 400);
    notFound(get(groups + otherGroup + "/policies/" + policy), "Policy", policy);
    notFound(delete(groups + otherGroup + "/policies/" + policy), "Policy", policy);
    ok(get(groups + group + "/policies/" + policy));
  }

  // Tenant tokens

  @Test
  void aTenantTokenIsShownOnceListedWithItsRoleAndDeleted() {
    String tenant = tenant();
    String tokens = TENANTS + "/" + tenant + "/tokens";

    HttpResponse<String> created = post(tokens, "{\"role\":\"observer\"}");

    JsonNode token = created(created);
    String id = token.get("id").asString();
    assertThat(id).matches("tok-[0-9a-z]{17}");
    assertThat(token.get("role").asString()).isEqualTo("observer");
    assertThat(token.get("token").asString()).hasSizeGreaterThanOrEqualTo(22);
    assertThat(created.headers().firstValue("Location")).contains(url(tokens + "/" + id));
    String admin = id(post(tokens, "{\"role\":\"admin\"}"));

    HttpResponse<String> listedResponse = get(tokens);
    JsonNode listed = ok(listedResponse).get("items");
    assertThat(ids(ok(listedResponse))).containsExactly(id, admin);
    assertThat(listed.get(0).get("role").asString()).isEqualTo("observer");
    assertThat(listed.get(1).get("role").asString()).isEqualTo("admin");
    assertThat(listed.get(0).get("created_at")).isEqualTo(token.get("created_at"));
    assertThat(listed.get(0).propertyNames()).containsExactlyInAnyOrder("id", "role", "created_at");
    assertThat(listedResponse.body()).doesNotContain(token.get("token").asString());

    noContent(delete(tokens + "/" + id));
    notFound(delete(tokens + "/" + id), "Token", id);
    assertThat(ids(ok(get(tokens)))).containsExactly(admin);
  }

  @Test
  void aTokenOfAnotherTenantIsNotFoundAndAnUnknownRoleIs422() {
    String tenant = tenant();
    String other = tenant();
    String token = id(post(TENANTS + "/" + other + "/tokens", "{\"role\":\"admin\"}"));

    notFound(delete(TENANTS + "/" + tenant + "/tokens/" + token), "Token", token);
    invalid(post(TENANTS + "/" + tenant + "/tokens", "{\"role\":\"reader\"}"), "/role");
    invalid(post(TENANTS + "/" + tenant + "/tokens", "{}"), "/role");
  }

  @Test
  void deletingATenantDeletesItsGroupsAndTokens() {
    String tenant = tenant();
    String group = group(tenant);
    id(post(TENANTS + "/" + tenant + "/tokens", "{\"role\":\"admin\"}"));

    noContent(delete(TENANTS + "/" + tenant));
    created(post(TENANTS, "{\"id\":\"" + tenant + "\"}"));

    notFound(get(TENANTS + "/" + tenant + "/groups/" + group), "ScalingGroup", group);
    assertThat(ids(ok(get(TENANTS + "/" + tenant + "/groups")))).isEmpty();
    assertThat(ids(ok(get(TENANTS + "/" + tenant + "/tokens")))).isEmpty();
  }

  // Fixtures

  private String account() {
    return id(post(ACCOUNTS, "{\"name\":\"Test\"}"));
  }

  private String environment(String account) {
    return id(post(ACCOUNTS + "/" + account + "/environments", "{\"name\":\"Env\"}"));
  }

  private String user(String account, String json) {
    return id(post(ACCOUNTS + "/" + account + "/users", json));
  }

  private static String tenantId() {
    return "t"
        + TENANT_NUMBER.incrementAndGet()
        + "_"
        + UUID.randomUUID().toString().substring(0, 8);
  }

  private String tenant() {
    return id(post(TENANTS, "{\"id\":\"" + tenantId() + "\"}"));
  }

  private String group(String tenant) {
    return id(post(TENANTS + "/" + tenant + "/groups", "{\"name\":\"Group\"}"));
  }

  // HTTP

  private HttpResponse<String> get(String path) {
    return send("GET", path, null, null);
  }

  private HttpResponse<String> delete(String path) {
    return send("DELETE", path, null, null);
  }

  private HttpResponse<String> post(String path, String json) {
    return send("POST", path, json == null ? null : "application/json", json);
  }

  private HttpResponse<String> send(String method, String path, String contentType, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url(path)))
            .header("Authorization", "Bearer test-operator-token")
            .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    try {
      return HTTP.send(request.build(), BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(method + " " + path + " failed", e);
    }
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  // Assertions

  private static JsonNode created(HttpResponse<String> response) {
    return body(response, 201, MediaType.APPLICATION_JSON);
  }

  private static JsonNode ok(HttpResponse<String> response) {
    return body(response, 200, MediaType.APPLICATION_JSON);
  }

  private static String id(HttpResponse<String> response) {
    return created(response).get("id").asString();
  }

  private static void noContent(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    assertThat(response.body()).isEmpty();
  }

  private static JsonNode problem(HttpResponse<String> response, int status) {
    JsonNode problem = body(response, status, MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("type").asString()).isEqualTo("about:blank");
    assertThat(problem.get("title").asString()).isNotBlank();
    assertThat(problem.get("detail").asString()).isNotBlank();
    return problem;
  }

  private static void notFound(HttpResponse<String> response, String kind, String id) {
    JsonNode problem = problem(response, 404);
    assertThat(problem.get("title").asString()).isEqualTo("Not Found");
    assertThat(problem.get("detail").asString()).startsWith(kind + " '" + id + "'");
  }

  private static JsonNode invalid(HttpResponse<String> response, String... pointers) {
    JsonNode problem = problem(response, 422);
    assertThat(problem.get("title").asString()).isEqualTo("Unprocessable Content");
    // A member that breaks two constraints (an empty name: length and pattern) is listed twice.
    assertThat(pointers(problem).stream().distinct().toList()).containsExactly(pointers);
    return problem;
  }

  private static JsonNode body(HttpResponse<String> response, int status, MediaType type) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    String contentType = response.headers().firstValue("Content-Type").orElse("");
    assertThat(MediaType.parseMediaType(contentType).equalsTypeAndSubtype(type))
        .as("Content-Type %s is %s", contentType, type)
        .isTrue();
    return JSON.readTree(response.body());
  }

  private static List<String> pointers(JsonNode problem) {
    assertThat(problem.has("errors")).as(problem.toString()).isTrue();
    return problem
        .get("errors")
        .valueStream()
        .map(error -> error.get("pointer").asString())
        .toList();
  }

  private static List<String> ids(JsonNode list) {
    return list.get("items").valueStream().map(item -> item.get("id").asString()).toList();
  }

  private static List<String> strings(JsonNode array) {
    return array.valueStream().map(JsonNode::asString).toList();
  }
}
