package io.hookwire.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The README's start: the embedded file database, provisioned once with the demo data set, whose
 * tokens work on every API; and data that survives a restart.
 */
class DemoStartTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String ADMIN = "demo-autoscale-admin-token";

  @TempDir Path data;

  @Test
  void provisionsTheDemoOnceAndKeepsDataAcrossRestarts() {
    try (ConfigurableApplicationContext server = start()) {
      TestHttp http = TestHttp.of(server).withOperatorToken("demo-operator-token");

      assertThat(accountIds(http))
          .containsExactlyInAnyOrder("acc-t2fcrq6h1v3nf0g", "acc-v0ord4r0sthdi9es5");
      // Each demo token passes authentication: the answer is about the path, not the caller.
      for (String token :
          new String[] {"demo-admin-token", "demo-reader-token", "demo-other-admin-token"}) {
        assertThat(http.endpoints("GET", "/api/iacp/v3/nowhere", token, null).statusCode())
            .isEqualTo(404);
      }
      for (String token :
          new String[] {"demo-autoscale-admin-token", "demo-autoscale-observer-token"}) {
        assertThat(http.autoscale("GET", "/v1.0/676873/nowhere", token, null).statusCode())
            .isEqualTo(404);
      }
      assertThat(
              http.autoscale("GET", "/v1.0/700001/nowhere", "demo-autoscale-other-token", null)
                  .statusCode())
          .isEqualTo(404);
      assertThat(http.operator("POST", "/operator/v1/accounts", "{\"name\":\"Kept\"}").statusCode())
          .isEqualTo(201);
      assertSeedExamplesShowData(http);
    }

    try (ConfigurableApplicationContext server = start()) {
      TestHttp http = TestHttp.of(server).withOperatorToken("demo-operator-token");

      assertThat(accountIds(http)).hasSize(3);
    }
  }

  /**
   * The API documents' reads answer with their examples' data: the README's first curl lists the
   * endpoint "anton", the demo policy holds PagerDuty and Nagios, and the demo group and policy are
   * readable as pyrax reads them.
   */
  private static void assertSeedExamplesShowData(TestHttp http) {
    JsonNode endpoints =
        ok(http.endpoints("GET", "/api/iacp/v3/endpoints", "demo-admin-token", null));
    assertThat(endpoints.at("/data/0/id").asString()).isEqualTo("ep-t1jvkud6virv9fo");
    assertThat(endpoints.at("/data/0/attributes/name").asString()).isEqualTo("anton");

    String group = "/v1.0/676873/groups/605e13f6-1452-4588-b5da-ac6bb468c5bf";
    String policy = group + "/policies/eb0fe1bf-3428-4f34-afd9-a5ac36f60511";
    JsonNode webhooks = ok(http.autoscale("GET", policy + "/webhooks", ADMIN, null));
    assertThat(webhooks.at("/webhooks/0/name").asString()).isEqualTo("PagerDuty");
    assertThat(webhooks.at("/webhooks/0/metadata/notes").asString())
        .isEqualTo("PagerDuty will fire this webhook");
    assertThat(webhooks.at("/webhooks/1/id").asString())
        .isEqualTo("23037efb-53a9-4ae5-bc33-e89a56b501b6");
    assertThat(webhooks.at("/webhooks/1/links/1/href").asString())
        .endsWith(
            "/v1.0/execute/1/4f767340574433927a26dc747253dad643d5d13ec7b66b764dcbf719b32302b9/");

    JsonNode manifest = ok(http.autoscale("GET", group, ADMIN, null));
    assertThat(manifest.at("/group/groupConfiguration/name").asString())
        .isEqualTo("Demo web servers");
    assertThat(manifest.at("/group/scalingPolicies/0/name").asString())
        .isEqualTo("Scale up by one");
    assertThat(ok(http.autoscale("GET", policy, ADMIN, null)).at("/policy/type").asString())
        .isEqualTo("webhook");
  }

  private static JsonNode ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static java.util.List<String> accountIds(TestHttp http) {
    var response = http.operator("GET", "/operator/v1/accounts", null);
    assertThat(response.statusCode()).isEqualTo(200);
    return JSON.readTree(response.body())
        .get("items")
        .valueStream()
        .map(a -> a.get("id").asString())
        .toList();
  }

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(HookwireApplication.class)
        .run("--server.port=0", "--management.server.port=0", "--hookwire.data-dir=" + data);
  }
}
