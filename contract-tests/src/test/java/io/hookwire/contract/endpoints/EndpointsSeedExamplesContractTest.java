package io.hookwire.contract.endpoints;

import static io.hookwire.contract.endpoints.EndpointDocuments.COLLECTION;
import static io.hookwire.contract.endpoints.EndpointDocuments.JSON_API;
import static io.hookwire.contract.endpoints.EndpointDocuments.assertLink;
import static io.hookwire.contract.endpoints.EndpointDocuments.path;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookwire.contract.support.Fixtures;
import io.hookwire.contract.support.Fixtures.Account;
import io.hookwire.contract.support.RawHttp;
import io.hookwire.contract.support.RawHttp.Answer;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The request examples of the Endpoints reference document, sent as it writes them (only its
 * account and environment ids replaced by this test's), answered with its response examples' shape
 * and with their values wherever the server does not generate them.
 */
class EndpointsSeedExamplesContractTest {

  /** The reference document's create request, its trailing comma (not JSON) removed. */
  private static final String SEED_CREATE =
      """
      {
        "data": {
          "type": "endpoints",
          "attributes": {
            "name": "Example",
            "url": "https://hooks.example.com/services/6932045"
          },
          "relationships": {
            "account": {
              "data": {
                "type": "accounts",
                "id": "acc-t2fcrq6h1v3nf0g"
              }
            }
          }
        }
      }""";

  /** The reference document's update request, its "string" placeholders given valid values. */
  private static final String SEED_UPDATE =
      """
      {
          "data": {
              "attributes": {
                  "max-attempts": 1,
                  "name": "Renamed",
                  "secret-key": "Cheeng7oothaeL9a",
                  "timeout": 1,
                  "url": "https://hooks.example.com/services/1234567"
              },
              "id": "%s",
              "relationships": {
                  "account": {
                      "data": {
                          "id": "acc-t2fcrq6h1v3nf0g",
                          "type": "accounts"
                      }
                  },
                  "environment": {
                      "data": {
                          "id": "env-sfuari395m7sck1",
                          "type": "environments"
                      }
                  }
              },
              "type": "endpoints"
          }
      }""";

  private Account account;

  @BeforeEach
  void provision() {
    account = Fixtures.newAccount();
  }

  /** The seed's text with the seed's ids replaced by the fixture's. */
  private String ours(String seed) {
    return seed.replace("acc-t2fcrq6h1v3nf0g", account.id())
        .replace("env-sfuari395m7sck1", account.environmentIds().get(0));
  }

  /** A request as the reference document sends it: by an admin, preferring the preview profile. */
  private RawHttp seedRequest(String method, String path) {
    return RawHttp.request(method, path)
        .bearer(account.adminToken())
        .header("Prefer", "profile=preview");
  }

  private Answer seedCreate() {
    return seedRequest("POST", COLLECTION).body(JSON_API, ours(SEED_CREATE)).send();
  }

  private static void assertPreviewJsonApi(Answer answer, int status) {
    assertThat(answer.status()).isEqualTo(status);
    assertThat(answer.header("Content-Type")).hasValue(JSON_API);
    assertThat(answer.header("Preference-Applied")).hasValue("profile=preview");
  }

  /**
   * Checks that a JSON object holds exactly these members: the response schemas leave extra members
   * open, the seed's responses hold none.
   */
  private static void assertMembers(JsonNode object, String... names) {
    assertThat(object.propertyNames()).as("members of %s", object).containsExactlyInAnyOrder(names);
  }

  /** The members of an endpoint as the seed's responses show one. */
  private static void assertEndpointMembers(JsonNode data) {
    assertMembers(data, "type", "id", "attributes", "relationships", "links");
    assertMembers(
        data.get("attributes"),
        "name",
        "url",
        "max-attempts",
        "timeout",
        "secret-key",
        "permissions");
    assertMembers(
        data.at("/attributes/permissions"), "webhook-endpoints:update", "webhook-endpoints:delete");
    assertMembers(data.get("relationships"), "account", "environment");
    assertMembers(data.get("links"), "self");
  }

  @Test
  void createExampleIsAnsweredLikeTheSeedsResponse() {
    Answer answer = seedCreate();

    assertPreviewJsonApi(answer, 201);
    JsonNode document = answer.json();
    assertMembers(document, "data", "included", "meta");
    JsonNode data = document.get("data");
    assertEndpointMembers(data);
    String id = data.get("id").asString();
    assertThat(id).matches("ep-[0-9a-z]{17}");
    assertThat(data.get("type").asString()).isEqualTo("endpoints");
    JsonNode attributes = data.get("attributes");
    assertThat(attributes.get("name").asString()).isEqualTo("Example");
    assertThat(attributes.get("url").asString())
        .isEqualTo("https://hooks.example.com/services/6932045");
    assertThat(attributes.get("max-attempts").asInt()).isEqualTo(3);
    // The seed's example shows timeout 3; API-NOTES decides the default is 15.
    assertThat(attributes.get("timeout").asInt()).isEqualTo(15);
    assertThat(attributes.get("secret-key").asString()).hasSizeGreaterThanOrEqualTo(16);
    assertThat(attributes.at("/permissions/webhook-endpoints:delete").asBoolean()).isTrue();
    assertThat(attributes.at("/permissions/webhook-endpoints:update").asBoolean()).isTrue();
    assertThat(data.at("/relationships/account/data/id").asString()).isEqualTo(account.id());
    assertThat(data.at("/relationships/account/data/type").asString()).isEqualTo("accounts");
    assertThat(data.get("relationships").has("environment")).isTrue();
    assertThat(data.at("/relationships/environment").isNull()).isTrue();
    String self = data.at("/links/self").asString();
    assertLink(self, path(id));
    assertThat(answer.header("Location")).hasValue(self);
    assertThat(document.has("included") && document.get("included").isNull()).isTrue();
    assertThat(document.has("meta") && document.get("meta").isNull()).isTrue();
  }

  @Test
  void listExampleIsAnsweredLikeTheSeedsFirstPage() {
    for (int i = 0; i < 3; i++) {
      assertThat(seedCreate().status()).isEqualTo(201);
    }

    Answer answer = seedRequest("GET", COLLECTION).send();

    assertPreviewJsonApi(answer, 200);
    JsonNode document = answer.json();
    assertMembers(document, "data", "included", "links", "meta");
    assertThat(document.get("data")).hasSize(3);
    document.get("data").forEach(EndpointsSeedExamplesContractTest::assertEndpointMembers);
    assertThat(document.get("data"))
        .allSatisfy(
            item -> {
              assertThat(item.get("type").asString()).isEqualTo("endpoints");
              assertThat(item.at("/attributes/name").asString()).isEqualTo("Example");
              assertThat(item.at("/relationships/account/data/id").asString())
                  .isEqualTo(account.id());
            });
    assertThat(document.get("included").isNull()).isTrue();
    JsonNode links = document.get("links");
    assertMembers(links, "first", "last", "next", "prev", "self");
    for (String name : List.of("first", "last", "self")) {
      // Encoded as the seed writes it.
      assertThat(links.get(name).asString())
          .endsWith(COLLECTION + "?page%5Bnumber%5D=1&page%5Bsize%5D=20");
      assertLink(links.get(name).asString(), COLLECTION + "?page[number]=1&page[size]=20");
    }
    assertThat(links.get("next").isNull()).isTrue();
    assertThat(links.get("prev").isNull()).isTrue();
    assertMembers(document.get("meta"), "pagination");
    JsonNode pagination = document.at("/meta/pagination");
    assertMembers(
        pagination,
        "current-page",
        "page-size",
        "prev-page",
        "next-page",
        "total-pages",
        "total-count");
    assertThat(pagination.get("current-page").asInt()).isEqualTo(1);
    assertThat(pagination.get("next-page").isNull()).isTrue();
    assertThat(pagination.get("prev-page").isNull()).isTrue();
    assertThat(pagination.get("total-count").asInt()).isEqualTo(3);
    assertThat(pagination.get("total-pages").asInt()).isEqualTo(1);
  }

  @Test
  void getExampleIsAnsweredWithTheEndpoint() {
    String id = seedCreate().json().at("/data/id").asString();

    Answer answer = seedRequest("GET", path(id)).send();

    assertPreviewJsonApi(answer, 200);
    assertThat(answer.json().at("/data/id").asString()).isEqualTo(id);
    assertThat(answer.json().at("/data/attributes/name").asString()).isEqualTo("Example");
  }

  @Test
  void updateExampleChangesEveryFieldItNames() {
    String id = seedCreate().json().at("/data/id").asString();

    Answer answer =
        seedRequest("PATCH", path(id)).body(JSON_API, ours(SEED_UPDATE.formatted(id))).send();

    assertPreviewJsonApi(answer, 200);
    assertMembers(answer.json(), "data", "included", "meta");
    JsonNode data = answer.json().get("data");
    assertEndpointMembers(data);
    assertThat(data.get("id").asString()).isEqualTo(id);
    assertThat(data.at("/attributes/name").asString()).isEqualTo("Renamed");
    assertThat(data.at("/attributes/url").asString())
        .isEqualTo("https://hooks.example.com/services/1234567");
    assertThat(data.at("/attributes/max-attempts").asInt()).isEqualTo(1);
    assertThat(data.at("/attributes/timeout").asInt()).isEqualTo(1);
    assertThat(data.at("/attributes/secret-key").asString()).isEqualTo("Cheeng7oothaeL9a");
    assertThat(data.at("/relationships/account/data/id").asString()).isEqualTo(account.id());
    assertThat(data.at("/relationships/environment/data/id").asString())
        .isEqualTo(account.environmentIds().get(0));
  }

  @Test
  void deleteIs204WithAnEmptyBody() {
    String id = seedCreate().json().at("/data/id").asString();

    Answer answer = RawHttp.request("DELETE", path(id)).bearer(account.adminToken()).send();

    assertThat(answer.status()).isEqualTo(204);
    assertThat(answer.body()).isEmpty();
  }
}
