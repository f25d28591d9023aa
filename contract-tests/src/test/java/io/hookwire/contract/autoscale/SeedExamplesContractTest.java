package io.hookwire.contract.autoscale;

import static io.hookwire.contract.autoscale.AutoscaleContract.HASH;
import static io.hookwire.contract.autoscale.AutoscaleContract.assertUuid;
import static io.hookwire.contract.autoscale.AutoscaleContract.collection;
import static io.hookwire.contract.autoscale.AutoscaleContract.send;
import static io.hookwire.contract.autoscale.AutoscaleContract.webhookPath;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookwire.contract.support.Fixtures;
import io.hookwire.contract.support.Fixtures.Tenant;
import io.hookwire.contract.support.RawHttp;
import io.hookwire.contract.support.RawHttp.Answer;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seed document's examples, sent as they are written (with the fixture's tenant, group and
 * policy): the answers have the seed's shape, and its values wherever the server does not generate
 * them (ids, link hosts and capability hashes).
 */
class SeedExamplesContractTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** "Example Create webhook: JSON request", as the seed writes it. */
  private static final String CREATE_REQUEST =
      """
      [
         {
            "metadata":{
               "notes":"PagerDuty will fire this webhook"
            },
            "name":"PagerDuty"
         },
         {
            "name":"Nagios"
         }
      ]
      """;

  /** The seed's two webhooks as the create and list responses show them, less generated values. */
  private static final String SEED_WEBHOOKS =
      """
      [
         {
            "metadata":{
               "notes":"PagerDuty will fire this webhook"
            },
            "name":"PagerDuty"
         },
         {
            "metadata":{

            },
            "name":"Nagios"
         }
      ]
      """;

  /** "Example Update webhook: JSON request". */
  private static final String UPDATE_REQUEST =
      """
      {
          "name": "alice",
          "metadata": {
              "notes": "this is for Alice"
          }
      }
      """;

  private Tenant tenant;

  @BeforeEach
  void provision() {
    tenant = Fixtures.newTenant();
  }

  @Test
  void createWebhookExample() {
    Answer answer = send(admin("POST", collection(tenant)).json(CREATE_REQUEST));

    assertThat(answer.status()).isEqualTo(201);
    JsonNode body = answer.json();
    assertThat(names(body)).containsExactly("webhooks");
    assertSeedWebhooks(body.path("webhooks"));
  }

  @Test
  void listWebhooksExample() {
    send(admin("POST", collection(tenant)).json(CREATE_REQUEST));

    Answer answer = send(admin("GET", collection(tenant)));

    assertThat(answer.status()).isEqualTo(200);
    JsonNode body = answer.json();
    assertThat(names(body)).containsExactlyInAnyOrder("webhooks", "webhooks_links");
    assertThat(body.path("webhooks_links").isArray()).isTrue();
    assertThat(body.path("webhooks_links").isEmpty()).isTrue();
    // The list is ordered by id, which the seed's example happens to be too: compare by name.
    List<JsonNode> webhooks = new ArrayList<>();
    body.path("webhooks").forEach(webhooks::add);
    webhooks.sort((a, b) -> a.path("name").asString().compareTo(b.path("name").asString()));
    JsonNode byName = JSON.valueToTree(List.of(webhooks.get(1), webhooks.get(0)));
    assertSeedWebhooks(byName);
  }

  @Test
  void showWebhookDetailsExample() {
    Answer created = send(admin("POST", collection(tenant)).json(CREATE_REQUEST));
    String nagios = created.json().path("webhooks").get(1).path("id").asString();

    Answer answer = send(admin("GET", webhookPath(tenant, nagios)));

    assertThat(answer.status()).isEqualTo(200);
    JsonNode body = answer.json();
    assertThat(names(body)).containsExactly("webhook");
    assertSeedWebhook(body.path("webhook"), seed().get(1));
    assertThat(body.path("webhook")).isEqualTo(created.json().path("webhooks").get(1));
  }

  @Test
  void updateWebhookExample() {
    Answer created = send(admin("POST", collection(tenant)).json(CREATE_REQUEST));
    JsonNode nagios = created.json().path("webhooks").get(1);
    String path = webhookPath(tenant, nagios.path("id").asString());

    Answer answer = send(admin("PUT", path).json(UPDATE_REQUEST));

    assertThat(answer.status()).isEqualTo(204);
    assertThat(answer.body()).isEmpty();
    JsonNode updated = send(admin("GET", path)).json().path("webhook");
    assertThat(updated.path("name").asString()).isEqualTo("alice");
    assertThat(updated.path("metadata")).isEqualTo(JSON.readTree(UPDATE_REQUEST).path("metadata"));
    assertThat(updated.path("id")).isEqualTo(nagios.path("id"));
    assertThat(updated.path("links")).isEqualTo(nagios.path("links"));
  }

  @Test
  void deleteWebhookExample() {
    Answer created = send(admin("POST", collection(tenant)).json(CREATE_REQUEST));
    String path = webhookPath(tenant, created.json().path("webhooks").get(0).path("id").asString());

    Answer answer = send(admin("DELETE", path));

    assertThat(answer.status()).isEqualTo(204);
    assertThat(answer.body()).isEmpty();
    assertThat(send(admin("GET", path)).status()).isEqualTo(404);
  }

  /** The webhooks are the seed's, in the seed's order. */
  private void assertSeedWebhooks(JsonNode webhooks) {
    assertThat(webhooks.size()).isEqualTo(2);
    for (int i = 0; i < 2; i++) {
      assertSeedWebhook(webhooks.get(i), seed().get(i));
    }
  }

  /** Name and metadata as the seed has them; id and links generated in the seed's form. */
  private void assertSeedWebhook(JsonNode webhook, JsonNode seed) {
    assertThat(names(webhook)).containsExactlyInAnyOrder("id", "links", "metadata", "name");
    assertThat(webhook.path("name")).isEqualTo(seed.path("name"));
    assertThat(webhook.path("metadata")).isEqualTo(seed.path("metadata"));
    String id = webhook.path("id").asString();
    assertUuid(id);
    JsonNode links = webhook.path("links");
    assertThat(links.size()).isEqualTo(2);
    assertThat(names(links.get(0))).containsExactlyInAnyOrder("href", "rel");
    assertThat(links.get(0).path("rel").asString()).isEqualTo("self");
    assertThat(URI.create(links.get(0).path("href").asString()).getPath())
        .isEqualTo(collection(tenant) + "/" + id + "/");
    assertThat(names(links.get(1))).containsExactlyInAnyOrder("href", "rel");
    assertThat(links.get(1).path("rel").asString()).isEqualTo("capability");
    String capability = URI.create(links.get(1).path("href").asString()).getPath();
    assertThat(capability).startsWith("/v1.0/execute/1/").endsWith("/");
    assertThat(capability.substring("/v1.0/execute/1/".length(), capability.length() - 1))
        .matches(HASH);
  }

  private static JsonNode seed() {
    return JSON.readTree(SEED_WEBHOOKS);
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.propertyNames().forEach(names::add);
    return names;
  }

  private RawHttp admin(String method, String path) {
    return RawHttp.request(method, path).authToken(tenant.adminToken());
  }
}
