package io.hookwire.server.autoscale;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * The Auto Scale webhooks API's reads over real HTTP: the list with its pages, one webhook, and
 * what every operation shares: the order of its 404s, 405 with {@code Allow}, trailing slashes and
 * authentication. The quota is raised to 101 webhooks a policy here so that a list can be longer
 * than its largest page.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "hookwire.operator-token=test-operator-token",
      "hookwire.demo.enabled=false",
      "hookwire.autoscale.webhooks-per-policy=101",
      "hookwire.autoscale.rate-limit.tenant-per-minute=100000",
      "hookwire.autoscale.rate-limit.execute-per-second=100000",
      "hookwire.autoscale.rate-limit.execute-per-second-per-client=100000",
      "spring.datasource.url=jdbc:h2:mem:webhooks-api-read;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
      "management.server.port=0"
    })
class WebhooksApiReadHttpTest extends WebhooksApiHttpTest {

  private static final String CREATE_BODY = "[{\"name\":\"x\"}]";
  private static final String REPLACE_BODY = "{\"name\":\"x\",\"metadata\":{}}";

  /** One request of the API; {@code body} is JSON or null. */
  private record Call(String method, String path, String body) {

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  /** Each operation of the API on this policy and webhook. */
  private static List<Call> calls(Policy p, String webhookId) {
    return List.of(
        new Call("GET", p.webhooks(), null),
        new Call("POST", p.webhooks(), CREATE_BODY),
        new Call("GET", p.webhook(webhookId), null),
        new Call("PUT", p.webhook(webhookId), REPLACE_BODY),
        new Call("DELETE", p.webhook(webhookId), null));
  }

  private HttpResponse<String> call(Call call, String token, String... headers) {
    return send(
        call.method(),
        call.path(),
        token,
        call.body() == null ? null : JSON_TYPE,
        call.body(),
        headers);
  }

  // List

  @Test
  void aPolicyWithoutWebhooksListsNone() {
    Policy p = policy();

    JsonNode page = ok(list(p, ""));

    assertThat(page).isEqualTo(JSON.readTree("{\"webhooks\":[],\"webhooks_links\":[]}"));
  }

  @Test
  void listsTheWebhooksByIdAsCreated() {
    Policy p = policy();
    List<JsonNode> created = newWebhooks(p, SEED_CREATE);
    created.addAll(newWebhooks(p, namedWebhooks(5)));
    List<String> createdIds = new ArrayList<>();
    created.forEach(webhook -> createdIds.add(webhook.get("id").asString()));

    JsonNode page = ok(list(p, ""));

    assertThat(page.propertyNames()).containsExactlyInAnyOrder("webhooks", "webhooks_links");
    assertThat(ids(page)).containsExactlyElementsOf(sorted(createdIds));
    assertThat(page.get("webhooks_links").isArray()).isTrue();
    assertThat(page.get("webhooks_links").isEmpty()).isTrue();
    for (JsonNode webhook : page.get("webhooks")) {
      assertThat(created).contains(webhook);
    }
  }

  @Test
  void listsOnlyThePolicysOwnWebhooks() {
    Tenant t = tenant();
    String group = group(t);
    Policy p = policy(t, group);
    Policy sibling = policy(t, group);
    List<String> own = newWebhookIds(p, 3);
    newWebhookIds(sibling, 4);

    assertThat(ids(ok(list(p, "")))).containsExactlyElementsOf(own);
  }

  @Test
  void theDefaultPageIsOneHundredWithANextLinkToTheRest() {
    Policy p = policy();
    List<String> ids = newWebhookIds(p, 101);

    JsonNode first = ok(list(p, ""));

    assertThat(ids(first)).containsExactlyElementsOf(ids.subList(0, 100));
    String next = nextLink(first);
    assertThat(next).isEqualTo(collectionUrl(p) + "?limit=100&marker=" + ids.get(99));
    JsonNode rest = ok(send("GET", next, p.admin(), null, null));
    assertThat(ids(rest)).containsExactly(ids.get(100));
    assertThat(rest.get("webhooks_links").isEmpty()).isTrue();
  }

  @ParameterizedTest(name = "limit={0}")
  @ValueSource(strings = {"100", "101", "500", "2147483647"})
  void aLimitAboveOneHundredIsOneHundred(String limit) {
    Policy p = policy();
    List<String> ids = newWebhookIds(p, 101);

    JsonNode page = ok(list(p, "?limit=" + limit));

    assertThat(ids(page)).containsExactlyElementsOf(ids.subList(0, 100));
    assertThat(nextLink(page)).isEqualTo(collectionUrl(p) + "?limit=100&marker=" + ids.get(99));
  }

  @ParameterizedTest(name = "limit={0}")
  @ValueSource(strings = {"1", "0", "-5", "-2147483648"})
  void aLimitBelowOneIsOne(String limit) {
    Policy p = policy();
    List<String> ids = newWebhookIds(p, 3);

    JsonNode page = ok(list(p, "?limit=" + limit));

    assertThat(ids(page)).containsExactly(ids.get(0));
    assertThat(nextLink(page)).isEqualTo(collectionUrl(p) + "?limit=1&marker=" + ids.get(0));
  }

  @Test
  void nextLinksWalkEveryPage() {
    Policy p = policy();
    List<String> ids = newWebhookIds(p, 5);

    JsonNode first = ok(list(p, "?limit=2"));
    assertThat(ids(first)).containsExactlyElementsOf(ids.subList(0, 2));
    assertThat(nextLink(first)).isEqualTo(collectionUrl(p) + "?limit=2&marker=" + ids.get(1));
    JsonNode second = ok(send("GET", nextLink(first), p.admin(), null, null));
    assertThat(ids(second)).containsExactlyElementsOf(ids.subList(2, 4));
    assertThat(nextLink(second)).isEqualTo(collectionUrl(p) + "?limit=2&marker=" + ids.get(3));
    JsonNode third = ok(send("GET", nextLink(second), p.admin(), null, null));
    assertThat(ids(third)).containsExactly(ids.get(4));
    assertThat(third.get("webhooks_links").isEmpty()).isTrue();
  }

  @Test
  void aFullLastPageLinksToAnEmptyPage() {
    Policy p = policy();
    List<String> ids = newWebhookIds(p, 4);

    JsonNode second = ok(list(p, "?limit=2&marker=" + ids.get(1)));

    assertThat(ids(second)).containsExactlyElementsOf(ids.subList(2, 4));
    JsonNode third = ok(send("GET", nextLink(second), p.admin(), null, null));
    assertThat(third).isEqualTo(JSON.readTree("{\"webhooks\":[],\"webhooks_links\":[]}"));
  }

  @Test
  void aMarkerListsOnlyGreaterIds() {
    Policy p = policy();
    List<String> ids = newWebhookIds(p, 6);

    assertThat(ids(ok(list(p, "?marker=" + ids.get(1)))))
        .containsExactlyElementsOf(ids.subList(2, 6));
    assertThat(ids(ok(list(p, "?marker=" + ids.get(1) + "&limit=2"))))
        .containsExactlyElementsOf(ids.subList(2, 4));
    assertThat(ids(ok(list(p, "?limit=2&marker=" + ids.get(1)))))
        .containsExactlyElementsOf(ids.subList(2, 4));
    JsonNode last = ok(list(p, "?marker=" + ids.get(5)));
    assertThat(ids(last)).isEmpty();
    assertThat(last.get("webhooks_links").isEmpty()).isTrue();
    // Any marker is text, as Otter compares it: upper case sorts before lower case letters.
    String upper = ids.get(5).toUpperCase();
    assertThat(ids(ok(list(p, "?marker=" + upper))))
        .containsExactlyElementsOf(ids.stream().filter(id -> id.compareTo(upper) > 0).toList());
    assertThat(ids(ok(list(p, "?marker=not-a-uuid")))).isEmpty();
    assertThat(ids(ok(list(p, "?marker=")))).containsExactlyElementsOf(ids);
  }

  @Test
  void anUnknownMarkerIsFine() {
    Policy p = policy();
    List<String> ids = newWebhookIds(p, 6);

    assertThat(ids(ok(list(p, "?marker=00000000-0000-0000-0000-000000000000"))))
        .containsExactlyElementsOf(ids);
    assertThat(ids(ok(list(p, "?marker=ffffffff-ffff-ffff-ffff-ffffffffffff")))).isEmpty();
    for (int i = 0; i < 5; i++) {
      String marker = UUID.randomUUID().toString();
      List<String> greater = ids.stream().filter(id -> id.compareTo(marker) > 0).toList();
      assertThat(ids(ok(list(p, "?marker=" + marker))))
          .as("marker " + marker)
          .containsExactlyElementsOf(greater);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "?limit=abc",
        "?limit=1.5",
        "?limit=1e2",
        "?limit=ten",
        "?foo=1",
        "?sort=name",
        "?limit=2&foo=1",
        "?marker=00000000-0000-0000-0000-000000000000&page=2",
        "?limit=",
        "?marker=a%00"
      })
  void anInvalidOrUnknownQueryArgumentIsAnInvalidQueryArgument(String query) {
    Policy p = policy();
    newWebhookIds(p, 2);

    error(list(p, query), 400, "InvalidQueryArgument");
    error(
        send("GET", p.webhooks() + "/" + query, p.admin(), null, null),
        400,
        "InvalidQueryArgument");
  }

  // Get one

  @Test
  void showsOneWebhook() {
    Policy p = policy();
    List<JsonNode> created = newWebhooks(p, SEED_CREATE);

    for (JsonNode webhook : created) {
      JsonNode document = ok(get(p, webhook.get("id").asString()));
      assertThat(document.propertyNames()).containsExactly("webhook");
      assertThat(document.get("webhook")).isEqualTo(webhook);
    }
    assertWebhook(
        ok(get(p, created.get(0).get("id").asString())).get("webhook"),
        p,
        "PagerDuty",
        Map.of("notes", "PagerDuty will fire this webhook"));
  }

  @Test
  void aWebhooksSelfLinkAndTheCreateLocationWork() {
    Policy p = policy();
    HttpResponse<String> response = create(p, SEED_CREATE);
    JsonNode webhook = created(response).get("webhooks").get(0);

    JsonNode shown =
        ok(send("GET", webhook.get("links").get(0).get("href").asString(), p.admin(), null, null));
    JsonNode listed =
        ok(
            send(
                "GET",
                response.headers().firstValue("Location").orElseThrow(),
                p.admin(),
                null,
                null));

    assertThat(shown.get("webhook")).isEqualTo(webhook);
    assertThat(ids(listed)).hasSize(2).contains(webhook.get("id").asString());
  }

  // 404s, in order: group, policy, webhook

  @Test
  void anUnknownGroupIsNoSuchScalingGroupWhateverFollows() {
    Policy p = policy();
    String webhook = newWebhook(p).get("id").asString();
    Tenant t = p.tenant();
    String unknown = UUID.randomUUID().toString();

    for (Policy missing :
        List.of(
            new Policy(t, unknown, UUID.randomUUID().toString()), new Policy(t, unknown, p.id()))) {
      for (String id : List.of(UUID.randomUUID().toString(), webhook)) {
        for (Call call : calls(missing, id)) {
          error(call(call, t.admin()), 404, "NoSuchScalingGroupError");
        }
      }
    }
    assertThat(ids(ok(list(p, "")))).containsExactly(webhook);
  }

  /**
   * Every combination of a known, an unknown (UUID) and a malformed (not a UUID) group, policy and
   * webhook id: the first level that is not known is the one reported, whatever follows it.
   */
  static Stream<Arguments> pathIds() {
    List<Arguments> combinations = new ArrayList<>();
    for (String group : List.of("known", "unknown", "malformed")) {
      for (String policy : List.of("known", "unknown", "malformed")) {
        for (String webhook : List.of("known", "unknown", "malformed")) {
          if (!(group + policy + webhook).equals("knownknownknown")) {
            combinations.add(Arguments.of(group, policy, webhook));
          }
        }
      }
    }
    return combinations.stream();
  }

  @ParameterizedTest(name = "group {0}, policy {1}, webhook {2}")
  @MethodSource("pathIds")
  void theFirstLevelOfThePathThatIsNotKnownIsTheOneNotFound(
      String group, String policy, String webhook) {
    Policy p = policy();
    JsonNode existing = newWebhook(p);
    Policy path = new Policy(p.tenant(), pathId(group, p.group()), pathId(policy, p.id()));
    String id = pathId(webhook, existing.get("id").asString());
    String expected =
        !group.equals("known")
            ? "NoSuchScalingGroupError"
            : !policy.equals("known") ? "NoSuchPolicyError" : "NoSuchWebhookError";

    for (Call call : calls(path, id)) {
      boolean collection = call.path().endsWith("/webhooks");
      if (collection && expected.equals("NoSuchWebhookError")) {
        continue;
      }
      error(call(call, p.admin()), 404, expected);
    }
    assertThat(ok(get(p, existing.get("id").asString())).get("webhook")).isEqualTo(existing);
  }

  private static String pathId(String kind, String known) {
    return switch (kind) {
      case "known" -> known;
      case "unknown" -> UUID.randomUUID().toString();
      default -> "not-a-uuid";
    };
  }

  @Test
  void anUnknownPolicyOfAKnownGroupIsNoSuchPolicyWhateverFollows() {
    Policy p = policy();
    String webhook = newWebhook(p).get("id").asString();

    for (String policy :
        List.of(UUID.randomUUID().toString(), "ffffffff-ffff-ffff-ffff-ffffffffffff")) {
      Policy missing = new Policy(p.tenant(), p.group(), policy);
      for (String id : List.of(UUID.randomUUID().toString(), webhook)) {
        for (Call call : calls(missing, id)) {
          error(call(call, p.admin()), 404, "NoSuchPolicyError");
        }
      }
    }
    assertThat(ids(ok(list(p, "")))).containsExactly(webhook);
  }

  @Test
  void aPolicyOfAnotherGroupIsNoSuchPolicy() {
    Tenant t = tenant();
    Policy p = policy(t, group(t));
    String otherGroup = group(t);
    String webhook = newWebhook(p).get("id").asString();

    for (Call call : calls(new Policy(t, otherGroup, p.id()), webhook)) {
      error(call(call, t.admin()), 404, "NoSuchPolicyError");
    }
    assertThat(ok(get(p, webhook)).at("/webhook/name").asString()).startsWith("Webhook");
  }

  @Test
  void anUnknownWebhookIsNoSuchWebhook() {
    Policy p = policy();
    String kept = newWebhook(p).get("id").asString();

    for (String id :
        List.of(UUID.randomUUID().toString(), "00000000-0000-0000-0000-000000000000")) {
      for (Call call : calls(p, id).subList(2, 5)) {
        error(call(call, p.admin()), 404, "NoSuchWebhookError");
      }
    }
    assertThat(ids(ok(list(p, "")))).containsExactly(kept);
  }

  @Test
  void aWebhookOfAnotherPolicyIsNoSuchWebhookAndUntouched() {
    Tenant t = tenant();
    String group = group(t);
    Policy p = policy(t, group);
    Policy sibling = policy(t, group);
    JsonNode theirs = newWebhook(sibling);
    String id = theirs.get("id").asString();

    for (Call call : calls(p, id).subList(2, 5)) {
      error(call(call, t.admin()), 404, "NoSuchWebhookError");
    }
    assertThat(ok(get(sibling, id)).get("webhook")).isEqualTo(theirs);
  }

  @Test
  void aGroupOfAnotherTenantUnderOnesOwnTenantIsNoSuchScalingGroup() {
    Policy mine = policy();
    Policy theirs = policy();
    JsonNode webhook = newWebhook(theirs);
    String id = webhook.get("id").asString();

    for (Call call : calls(new Policy(mine.tenant(), theirs.group(), theirs.id()), id)) {
      error(call(call, mine.admin()), 404, "NoSuchScalingGroupError");
    }
    assertThat(ids(ok(list(theirs, "")))).containsExactly(id);
    assertThat(ok(get(theirs, id)).get("webhook")).isEqualTo(webhook);
  }

  @Test
  void anUnknownTenantInThePathIsForbiddenForAnyToken() {
    Policy p = policy();
    String id = newWebhook(p).get("id").asString();

    for (Call call :
        calls(new Policy(new Tenant("no-such-tenant", null, null), p.group(), p.id()), id)) {
      error(call(call, p.admin()), 403, "Forbidden");
    }
  }

  // 405

  @Test
  void unsupportedMethodsAreInvalidMethodWithAllow() {
    Policy p = policy();
    JsonNode webhook = newWebhook(p);
    String id = webhook.get("id").asString();

    for (String slash : List.of("", "/")) {
      invalidMethod(
          send("PUT", p.webhooks() + slash, p.admin(), JSON_TYPE, REPLACE_BODY), "GET", "POST");
      invalidMethod(
          send("PUT", p.webhooks() + slash, p.admin(), JSON_TYPE, "[{\"name\":\"x\"}]"),
          "GET",
          "POST");
      invalidMethod(send("DELETE", p.webhooks() + slash, p.admin(), null, null), "GET", "POST");
      invalidMethod(send("PATCH", p.webhooks() + slash, p.admin(), JSON_TYPE, "[]"), "GET", "POST");
      invalidMethod(
          send("POST", p.webhook(id) + slash, p.admin(), JSON_TYPE, CREATE_BODY),
          "GET",
          "PUT",
          "DELETE");
      invalidMethod(
          send("POST", p.webhook(id) + slash, p.admin(), JSON_TYPE, REPLACE_BODY),
          "GET",
          "PUT",
          "DELETE");
      invalidMethod(
          send("PATCH", p.webhook(id) + slash, p.admin(), JSON_TYPE, REPLACE_BODY),
          "GET",
          "PUT",
          "DELETE");
      invalidMethod(
          send("GET", "/v1.0/execute/1/" + "0".repeat(64) + slash, null, null, null), "POST");
    }
    assertThat(ids(ok(list(p, "")))).containsExactly(id);
    assertThat(ok(get(p, id)).get("webhook")).isEqualTo(webhook);
  }

  // Trailing slashes

  @Test
  void everyOperationWorksWithAndWithoutATrailingSlash() {
    Policy p = policy();
    List<JsonNode> created = newWebhooks(p, namedWebhooks(4));
    String a = created.get(0).get("id").asString();
    String b = created.get(1).get("id").asString();

    for (String slash : List.of("", "/")) {
      HttpResponse<String> createdHere =
          send("POST", p.webhooks() + slash, p.admin(), JSON_TYPE, CREATE_BODY);
      assertThat(created(createdHere).get("webhooks").size()).isEqualTo(1);
      assertThat(createdHere.headers().firstValue("Location")).hasValue(collectionUrl(p));
    }
    JsonNode listed = ok(list(p, ""));
    assertThat(ids(listed)).hasSize(6);
    assertThat(ok(send("GET", p.webhooks() + "/", p.admin(), null, null))).isEqualTo(listed);
    assertThat(ok(send("GET", p.webhooks() + "/?limit=2", p.admin(), null, null)))
        .isEqualTo(ok(list(p, "?limit=2")));
    assertThat(ok(send("GET", p.webhook(a) + "/", p.admin(), null, null))).isEqualTo(ok(get(p, a)));
    empty(replace(p, a, "{\"name\":\"without\",\"metadata\":{}}"), 204);
    assertThat(ok(get(p, a)).at("/webhook/name").asString()).isEqualTo("without");
    empty(
        send(
            "PUT", p.webhook(a) + "/", p.admin(), JSON_TYPE, "{\"name\":\"with\",\"metadata\":{}}"),
        204);
    assertThat(ok(get(p, a)).at("/webhook/name").asString()).isEqualTo("with");
    empty(delete(p, a), 204);
    empty(send("DELETE", p.webhook(b) + "/", p.admin(), null, null), 204);
    assertThat(ids(ok(list(p, "")))).hasSize(4).doesNotContain(a, b);

    // Errors are the same too.
    String unknown = UUID.randomUUID().toString();
    for (String slash : List.of("", "/")) {
      error(
          send("GET", p.webhook(unknown) + slash, p.admin(), null, null),
          404,
          "NoSuchWebhookError");
      error(send("GET", p.webhooks() + slash, null, null, null), 401, "InvalidCredentials");
      error(send("DELETE", p.webhooks() + slash, p.admin(), null, null), 405, "InvalidMethod");
      error(
          send("POST", p.webhooks() + slash, p.tenant().observer(), JSON_TYPE, CREATE_BODY),
          403,
          "Forbidden");
      error(
          send("POST", p.webhooks() + slash, p.admin(), JSON_TYPE, "[{"), 400, "InvalidJsonError");
      error(
          send("POST", p.webhooks() + slash, p.admin(), "text/plain", CREATE_BODY),
          415,
          "UnsupportedMediaType");
    }
  }

  // Authentication and roles

  @Test
  void aMissingOrUnknownTokenIsInvalidCredentials() {
    Policy p = policy();
    JsonNode webhook = newWebhook(p);
    String id = webhook.get("id").asString();

    for (Call call : calls(p, id)) {
      error(call(call, null), 401, "InvalidCredentials");
      error(call(call, "unknown-token"), 401, "InvalidCredentials");
      error(call(call, OPERATOR_TOKEN), 401, "InvalidCredentials");
      error(call(call, null, "Authorization", "Bearer " + p.admin()), 401, "InvalidCredentials");
    }
    assertThat(ids(ok(list(p, "")))).containsExactly(id);
    assertThat(ok(get(p, id)).get("webhook")).isEqualTo(webhook);
  }

  @Test
  void aMissingTokenIsInvalidCredentialsEvenOnAPathThatDoesNotExist() {
    String unknown = UUID.randomUUID().toString();
    Policy missing = new Policy(new Tenant("no-such-tenant", null, null), unknown, unknown);

    for (Call call : calls(missing, unknown)) {
      error(call(call, null), 401, "InvalidCredentials");
    }
  }

  @Test
  void aDeletedTokenIsInvalidCredentials() {
    Policy p = policy();
    JsonNode token =
        operator("POST", TENANTS + "/" + p.tenant().id() + "/tokens", "{\"role\":\"admin\"}", 201);
    String secret = token.get("token").asString();
    ok(send("GET", p.webhooks(), secret, null, null));

    operator(
        "DELETE",
        TENANTS + "/" + p.tenant().id() + "/tokens/" + token.get("id").asString(),
        null,
        204);

    error(send("GET", p.webhooks(), secret, null, null), 401, "InvalidCredentials");
  }

  @Test
  void aTokenOfAnotherTenantIsForbidden() {
    Policy p = policy();
    Tenant other = tenant();
    JsonNode webhook = newWebhook(p);
    String id = webhook.get("id").asString();

    for (Call call : calls(p, id)) {
      error(call(call, other.admin()), 403, "Forbidden");
      error(call(call, other.observer()), 403, "Forbidden");
    }
    // Even where nothing exists.
    String unknown = UUID.randomUUID().toString();
    for (Call call : calls(new Policy(p.tenant(), unknown, unknown), unknown)) {
      error(call(call, other.admin()), 403, "Forbidden");
    }
    assertThat(ids(ok(list(p, "")))).containsExactly(id);
    assertThat(ok(get(p, id)).get("webhook")).isEqualTo(webhook);
  }

  @Test
  void anObserverMayReadButNotWrite() {
    Policy p = policy();
    JsonNode webhook = newWebhook(p);
    String id = webhook.get("id").asString();
    String observer = p.tenant().observer();

    JsonNode listed = ok(send("GET", p.webhooks(), observer, null, null));
    JsonNode shown = ok(send("GET", p.webhook(id), observer, null, null));
    error(send("POST", p.webhooks(), observer, JSON_TYPE, CREATE_BODY), 403, "Forbidden");
    error(send("PUT", p.webhook(id), observer, JSON_TYPE, REPLACE_BODY), 403, "Forbidden");
    error(send("DELETE", p.webhook(id), observer, null, null), 403, "Forbidden");

    assertThat(ids(listed)).containsExactly(id);
    assertThat(shown.get("webhook")).isEqualTo(webhook);
    assertThat(ids(ok(list(p, "")))).containsExactly(id);
    assertThat(ok(get(p, id)).get("webhook")).isEqualTo(webhook);
  }

  @Test
  void anAdminMayDoEverythingWithAnyOfItsTokens() {
    Policy p = policy();
    String second = tenantToken(p.tenant().id(), "admin");

    String id =
        created(send("POST", p.webhooks(), second, JSON_TYPE, CREATE_BODY))
            .at("/webhooks/0/id")
            .asString();
    empty(send("PUT", p.webhook(id), p.admin(), JSON_TYPE, REPLACE_BODY), 204);
    ok(send("GET", p.webhook(id), second, null, null));
    empty(send("DELETE", p.webhook(id), second, null, null), 204);
  }

  // Content negotiation

  @ParameterizedTest(name = "Accept: {0}")
  @ValueSource(strings = {"text/html", "application/xml", "*/*", "application/json"})
  void theApiAnswersJsonWhateverTheAccept(String accept) {
    Policy p = policy();
    String id = newWebhook(p).get("id").asString();

    ok(send("GET", p.webhooks(), p.admin(), null, null, "Accept", accept));
    ok(send("GET", p.webhook(id), p.admin(), null, null, "Accept", accept));
    created(send("POST", p.webhooks(), p.admin(), JSON_TYPE, CREATE_BODY, "Accept", accept));
    error(
        send(
            "GET",
            p.webhook(UUID.randomUUID().toString()),
            p.admin(),
            null,
            null,
            "Accept",
            accept),
        404,
        "NoSuchWebhookError");
    error(send("GET", p.webhooks(), null, null, null, "Accept", accept), 401, "InvalidCredentials");
  }

  private String collectionUrl(Policy p) {
    return base() + p.webhooks() + "/";
  }

  /** The {@code next} link of a full page: the only member of {@code webhooks_links}. */
  private static String nextLink(JsonNode page) {
    JsonNode links = page.get("webhooks_links");
    assertThat(links.size()).as(page.toString()).isEqualTo(1);
    assertThat(links.get(0).propertyNames()).containsExactlyInAnyOrder("rel", "href");
    assertThat(links.get(0).get("rel").asString()).isEqualTo("next");
    return links.get(0).get("href").asString();
  }
}
