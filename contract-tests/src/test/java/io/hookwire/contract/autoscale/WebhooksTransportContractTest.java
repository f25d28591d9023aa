package io.hookwire.contract.autoscale;

import static io.hookwire.contract.autoscale.AutoscaleContract.REDIRECTS;
import static io.hookwire.contract.autoscale.AutoscaleContract.admin;
import static io.hookwire.contract.autoscale.AutoscaleContract.assertUuid;
import static io.hookwire.contract.autoscale.AutoscaleContract.capabilityHash;
import static io.hookwire.contract.autoscale.AutoscaleContract.collection;
import static io.hookwire.contract.autoscale.AutoscaleContract.executeAccepted;
import static io.hookwire.contract.autoscale.AutoscaleContract.list;
import static io.hookwire.contract.autoscale.AutoscaleContract.send;
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
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every exchange of the API has: X-Response-Id, and paths with or without a slash. */
class WebhooksTransportContractTest {

  private Tenant tenant;
  private Webhook webhook;

  @BeforeEach
  void provision() {
    tenant = Fixtures.newTenant();
    webhook = AutoscaleContract.create(tenant, "transport").get(0);
  }

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
    Answer answer = send(post(collection(tenant) + "/").json("[{\"name\": \"slash\"}]"));

    assertThat(answer.status()).isEqualTo(201);
    assertThat(answer.json().path("webhooks").get(0).path("name").asString()).isEqualTo("slash");
    assertThat(list(tenant)).hasSize(2);
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

  private static String responseId(Answer answer) {
    return answer.header("X-Response-Id").orElseThrow();
  }
}
