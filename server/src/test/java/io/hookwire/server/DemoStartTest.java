package io.hookwire.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The README's start: the embedded file database, provisioned once with the demo data set, whose
 * tokens work on every API; and data that survives a restart.
 */
class DemoStartTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

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
    }

    try (ConfigurableApplicationContext server = start()) {
      TestHttp http = TestHttp.of(server).withOperatorToken("demo-operator-token");

      assertThat(accountIds(http)).hasSize(3);
    }
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
