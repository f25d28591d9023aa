package io.hookwire.contract.autoscale;

import static io.hookwire.contract.autoscale.AutoscaleContract.REDIRECTS;
import static io.hookwire.contract.autoscale.AutoscaleContract.admin;
import static io.hookwire.contract.autoscale.AutoscaleContract.assertUuid;
import static io.hookwire.contract.autoscale.AutoscaleContract.capabilityHash;
import static io.hookwire.contract.autoscale.AutoscaleContract.collection;
import static io.hookwire.contract.autoscale.AutoscaleContract.executeAccepted;
import static io.hookwire.contract.autoscale.AutoscaleContract.list;
import static io.hookwire.contract.autoscale.AutoscaleContract.send;
import static io.hookwire.contract.autoscale.AutoscaleContract.untyped;
import static io.hookwire.contract.autoscale.AutoscaleContract.webhookPath;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookwire.client.AutoscaleApiException;
import io.hookwire.client.autoscale.model.ErrorType;
import io.hookwire.client.autoscale.model.Webhook;
import io.hookwire.contract.support.Fixtures;
import io.hookwire.contract.support.Fixtures.Tenant;
import io.hookwire.contract.support.RawHttp;
import io.hookwire.contract.support.RawHttp.Answer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every exchange of the API has: X-Response-Id, JSON whatever the Accept, paths with or
 * without a slash, the methods each path allows and the media type of a body. A fresh tenant for
 * each test (JUnit makes a new instance for each).
 */
class WebhooksTransportContractTest {

  private static final String JSON = "application/json";

  private final Tenant tenant = Fixtures.newTenant();
  private final Webhook webhook = AutoscaleContract.create(tenant, "transport").get(0);

  @Test
  void everyResponseHasItsOwnResponseId() {
    List<String> ids = new ArrayList<>();
    // Successes and failures of each operation, raw and through the client.
    for (int i = 0; i < 2; i++) {
      ids.add(responseId(send(get(collection(tenant)))));
      ids.add(responseId(send(get(webhookPath(tenant, webhook.getId())))));
      ids.add(responseId(send(get(webhookPath(tenant, UUID.randomUUID())))));
      ids.add(responseId(send(get(collection(tenant) + "?sort=x"))));
      ids.add(responseId(send(RawHttp.request("GET", collection(tenant)))));
      ids.add(responseId(send(post(collection(tenant)).json("{"))));
      ids.add(responseId(executeAccepted(AutoscaleContract.executePath(capabilityHash(webhook)))));
    }
    var created =
        admin(tenant)
            .createWebhooksWithHttpInfo(
                tenant.id(),
                tenant.groupId(),
                tenant.policyId(),
                List.of(AutoscaleContract.named("x")));
    ids.add(created.getHeaders().getFirst("X-Response-Id"));
    var listed =
        admin(tenant)
            .listWebhooksWithHttpInfo(tenant.id(), tenant.groupId(), tenant.policyId(), 1, null);
    ids.add(listed.getHeaders().getFirst("X-Response-Id"));
    var deleted =
        admin(tenant)
            .deleteWebhookWithHttpInfo(
                tenant.id(),
                tenant.groupId(),
                tenant.policyId(),
                created.getBody().getWebhooks().get(0).getId().toString());
    ids.add(deleted.getHeaders().getFirst("X-Response-Id"));
    AutoscaleApiException notFound =
        AutoscaleContract.refused(
            404,
            ErrorType.NO_SUCH_WEBHOOK_ERROR,
            () ->
                admin(tenant)
                    .getWebhook(
                        tenant.id(),
                        tenant.groupId(),
                        tenant.policyId(),
                        UUID.randomUUID().toString()));
    ids.add(notFound.getResponseHeaders().getFirst("X-Response-Id"));

    ids.forEach(AutoscaleContract::assertUuid);
    assertThat(ids).doesNotHaveDuplicates();
  }

  @Test
  void listWorksWithAndWithoutATrailingSlash() {
    Answer without = send(get(collection(tenant)));
    Answer with = send(get(collection(tenant) + "/"));

    assertThat(without.status()).isEqualTo(200);
    assertThat(with.status()).isEqualTo(200);
    assertThat(with.json()).isEqualTo(without.json());
    assertThat(send(get(collection(tenant) + "/?limit=1")).json().path("webhooks").size())
        .isEqualTo(1);
  }

  @Test
  void createWorksWithATrailingSlash() {
    Answer with = send(post(collection(tenant) + "/").json("[{\"name\": \"slash\"}]"));
    Answer without = send(post(collection(tenant)).json("[{\"name\": \"no slash\"}]"));

    assertThat(with.status()).isEqualTo(201);
    assertThat(with.json().path("webhooks").get(0).path("name").asString()).isEqualTo("slash");
    assertThat(with.header("Location")).isPresent().isEqualTo(without.header("Location"));
    assertThat(list(tenant)).hasSize(3);
  }

  @Test
  void getWorksWithAndWithoutATrailingSlash() {
    Answer without = send(get(webhookPath(tenant, webhook.getId())));
    Answer with = send(get(webhookPath(tenant, webhook.getId()) + "/"));

    assertThat(without.status()).isEqualTo(200);
    assertThat(with.status()).isEqualTo(200);
    assertThat(with.json()).isEqualTo(without.json());
  }

  @Test
  void replaceWorksWithATrailingSlash() {
    Answer answer =
        send(
            RawHttp.request("PUT", webhookPath(tenant, webhook.getId()) + "/")
                .authToken(tenant.adminToken())
                .json("{\"name\": \"renamed\", \"metadata\": {}}"));

    assertThat(answer.status()).isEqualTo(204);
    assertThat(list(tenant)).extracting(Webhook::getName).containsExactly("renamed");
  }

  @Test
  void deleteWorksWithATrailingSlash() {
    Answer answer =
        send(
            RawHttp.request("DELETE", webhookPath(tenant, webhook.getId()) + "/")
                .authToken(tenant.adminToken()));

    assertThat(answer.status()).isEqualTo(204);
    assertThat(list(tenant)).isEmpty();
  }

  @Test
  void executeWorksWithAndWithoutATrailingSlash() {
    String path = AutoscaleContract.executePath(capabilityHash(webhook));

    executeAccepted(path);
    executeAccepted(path.substring(0, path.length() - 1));

    assertThat(AutoscaleContract.executions(tenant, tenant.policyId())).isEqualTo(2);
  }

  @Test
  void errorsAreAnsweredOnTrailingSlashPathsTooWithoutRedirect() {
    String missing = webhookPath(tenant, UUID.randomUUID()) + "/";

    AutoscaleContract.assertError(send(get(missing)), 404, "NoSuchWebhookError");
    AutoscaleContract.assertError(
        send(get(collection(tenant) + "/?sort=name")), 400, "InvalidQueryArgument");
    AutoscaleContract.assertError(
        send(post(collection(tenant) + "/").json("[]")), 400, "ValidationError");
    AutoscaleContract.assertError(
        send(post(collection(tenant) + "/").json("[{")), 400, "InvalidJsonError");
    AutoscaleContract.assertError(
        send(RawHttp.request("GET", collection(tenant) + "/")), 401, "InvalidCredentials");
    AutoscaleContract.assertError(
        send(
            RawHttp.request("POST", collection(tenant) + "/")
                .authToken(tenant.observerToken())
                .json("[{\"name\": \"x\"}]")),
        403,
        "Forbidden");
    AutoscaleContract.assertError(
        send(post(collection(tenant) + "/").body("text/plain", "[{\"name\": \"x\"}]")),
        415,
        "UnsupportedMediaType");
    assertThat(list(tenant)).containsExactly(webhook);
  }

  /** The API speaks JSON only and answers it whatever a client asks for (the spec says so). */
  @ParameterizedTest(name = "Accept: {0}")
  @ValueSource(strings = {"text/html", "application/xml", "*/*", "application/json"})
  void errorsAreJsonWhateverTheAccept(String accept) {
    List<Answer> answers =
        List.of(
            send(get(webhookPath(tenant, UUID.randomUUID())).header("Accept", accept)),
            send(get(collection(tenant) + "?sort=name").header("Accept", accept)),
            send(RawHttp.request("GET", collection(tenant)).header("Accept", accept)));

    assertThat(answers).extracting(Answer::status).containsExactly(404, 400, 401);
    answers.forEach(answer -> assertThat(answer.header("Content-Type")).hasValue(JSON));
  }

  @ParameterizedTest(name = "Accept: {0}")
  @ValueSource(
      strings = {
        "text/html",
        "application/xml",
        "*/*",
        "application/json",
        "text/html, application/xml;q=0.9, */*;q=0.8"
      })
  void successesAreJsonWhateverTheAccept(String accept) {
    List<Answer> answers =
        List.of(
            send(get(collection(tenant)).header("Accept", accept)),
            send(get(webhookPath(tenant, webhook.getId())).header("Accept", accept)),
            send(post(collection(tenant)).header("Accept", accept).json("[{\"name\": \"x\"}]")));

    assertThat(answers).extracting(Answer::status).containsExactly(200, 200, 201);
    answers.forEach(answer -> assertThat(answer.header("Content-Type")).hasValue(JSON));
  }

  /** What a path allows besides HEAD and OPTIONS, which the container may add. */
  static Stream<Arguments> undeclaredMethods() {
    return Stream.of(
        Arguments.of("PUT", "collection", "GET, POST"),
        Arguments.of("DELETE", "collection", "GET, POST"),
        Arguments.of("PATCH", "collection", "GET, POST"),
        Arguments.of("POST", "webhook", "DELETE, GET, PUT"),
        Arguments.of("PATCH", "webhook", "DELETE, GET, PUT"),
        Arguments.of("GET", "capability", "POST"),
        Arguments.of("PUT", "capability", "POST"),
        Arguments.of("DELETE", "capability", "POST"),
        Arguments.of("PATCH", "capability", "POST"),
        // Also a capability URL, though a group's path has its shape with the tenant "execute".
        Arguments.of("GET", "capability shaped like a group", "POST"),
        Arguments.of("PUT", "capability shaped like a group", "POST"),
        Arguments.of("DELETE", "capability shaped like a group", "POST"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("undeclaredMethods")
  void aMethodThePathDoesNotHaveIsInvalidMethodWithAllowAndChangesNothing(
      String method, String target, String allowed) {
    String path =
        switch (target) {
          case "collection" -> collection(tenant);
          case "webhook" -> webhookPath(tenant, webhook.getId());
          case "capability" -> AutoscaleContract.executePath(capabilityHash(webhook));
          default -> "/v1.0/execute/groups/" + tenant.groupId();
        };

    for (String slashed : List.of(path, withTrailingSlashToggled(path))) {
      RawHttp request = RawHttp.request(method, slashed).authToken(tenant.adminToken());
      Answer answer =
          send(List.of("GET", "DELETE").contains(method) ? request : request.json("{}"));

      AutoscaleContract.assertError(answer, 405, "InvalidMethod");
      assertThat(allowedMethods(answer)).isEqualTo(allowed);
    }
    assertThat(list(tenant)).containsExactly(webhook);
    assertThat(AutoscaleContract.executions(tenant, tenant.policyId())).isZero();
  }

  /** Below a capability URL's version and hash there is nothing, whatever the method. */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "GET, /v1.0/execute/groups/{group}/policies",
    "GET, /v1.0/execute/groups/{group}/policies/{policy}",
    "POST, /v1.0/execute/groups/{group}/policies/{policy}/webhooks",
    "POST, /v1.0/execute/1"
  })
  void aPathBelowOrAboveACapabilityUrlIsNoResource(String method, String template) {
    String path =
        template.replace("{group}", tenant.groupId()).replace("{policy}", tenant.policyId());

    Answer answer = send(RawHttp.request(method, path).authToken(tenant.adminToken()));

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.json().at("/error/message").asString())
        .contains("No resource of this API is at this path");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"text/plain", "application/xml", "application/x-www-form-urlencoded", ""})
  void aBodyThatIsNotDeclaredJsonIsUnsupportedMediaType(String contentType) {
    String token = tenant.adminToken();
    String self = webhookPath(tenant, webhook.getId());
    String create = "[{\"name\": \"x\"}]";
    String replace = "{\"name\": \"x\", \"metadata\": {}}";

    List<Answer> answers =
        contentType.isEmpty()
            ? List.of(
                send(untyped("POST", collection(tenant), token, create)),
                send(untyped("PUT", self, token, replace)))
            : List.of(
                send(post(collection(tenant)).body(contentType, create)),
                send(RawHttp.request("PUT", self).authToken(token).body(contentType, replace)));

    for (Answer answer : answers) {
      AutoscaleContract.assertError(answer, 415, "UnsupportedMediaType");
    }
    assertThat(list(tenant)).containsExactly(webhook);
  }

  @Test
  void noPathRedirects() {
    String self = webhookPath(tenant, webhook.getId());
    for (String path : List.of(collection(tenant), collection(tenant) + "/", self, self + "/")) {
      Answer answer = send(get(path));
      assertThat(answer.status()).isNotIn(REDIRECTS);
      assertThat(answer.header("Location")).isEmpty();
    }
    assertUuid(responseId(send(get(self + "/"))));
  }

  private RawHttp get(String path) {
    return RawHttp.request("GET", path).authToken(tenant.adminToken());
  }

  private RawHttp post(String path) {
    return RawHttp.request("POST", path).authToken(tenant.adminToken());
  }

  private static String withTrailingSlashToggled(String path) {
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path + "/";
  }

  /** The methods of an answer's Allow, HEAD and OPTIONS aside, sorted. */
  private static String allowedMethods(Answer answer) {
    String allow = answer.header("Allow").orElseThrow(() -> new AssertionError("no Allow"));
    return Arrays.stream(allow.split(","))
        .map(String::trim)
        .filter(method -> !method.equals("HEAD") && !method.equals("OPTIONS"))
        .sorted()
        .collect(Collectors.joining(", "));
  }

  private static String responseId(Answer answer) {
    return answer.header("X-Response-Id").orElseThrow();
  }
}
