package io.hookwire.server.autoscale;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the Auto Scale API serves beyond what {@code autoscale.yaml} can declare: JSON whatever the
 * {@code Accept}, and a capability execution whatever its body. The contract suite cannot show it,
 * since its validator takes a success to a request outside the spec for a break of the spec; so it
 * is shown here, on the demo data set.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "hookwire.operator-token=test-operator-token",
      "hookwire.demo.enabled=true",
      "spring.datasource.url=jdbc:h2:mem:beyond-the-spec;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
      "management.server.port=0"
    })
class BeyondTheSpecHttpTest {

  private static final String POLICY =
      "/v1.0/676873/groups/605e13f6-1452-4588-b5da-ac6bb468c5bf"
          + "/policies/eb0fe1bf-3428-4f34-afd9-a5ac36f60511";
  private static final String WEBHOOKS = POLICY + "/webhooks";
  private static final String ADMIN = "demo-autoscale-admin-token";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;

  @ParameterizedTest(name = "Accept: {0}")
  @ValueSource(strings = {"text/html", "application/xml"})
  void theApiAnswersJsonWhateverTheAccept(String accept) {
    HttpResponse<String> created =
        send(request(WEBHOOKS, "POST", "application/json", "[{\"name\":\"x\"}]", accept));
    String self = JSON.readTree(created.body()).at("/webhooks/0/links/0/href").asString();

    for (HttpResponse<String> response :
        List.of(
            created,
            send(request(WEBHOOKS, "GET", null, null, accept)),
            send(request(URI.create(self).getPath(), "GET", null, null, accept)))) {
      assertThat(response.statusCode()).isIn(200, 201);
      assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
      assertThat(JSON.readTree(response.body()).isObject()).isTrue();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"application/json", "text/plain"})
  void aCapabilityIgnoresAnyBody(String contentType) {
    JsonNode webhook =
        JSON.readTree(
                send(request(WEBHOOKS, "POST", "application/json", "[{\"name\":\"x\"}]", null))
                    .body())
            .at("/webhooks/0");
    String capability = URI.create(webhook.at("/links/1/href").asString()).getPath();
    long before = executions();

    HttpResponse<String> executed =
        send(request(capability, "POST", contentType, "{\"scale\":\"up\"}", null));

    assertThat(executed.statusCode()).isEqualTo(202);
    assertThat(executed.body()).isEmpty();
    assertThat(executions()).isEqualTo(before + 1);
  }

  private long executions() {
    HttpRequest policy =
        HttpRequest.newBuilder(URI.create(base() + "/operator/v1/tenants" + POLICY.substring(5)))
            .header("Authorization", "Bearer test-operator-token")
            .build();
    return JSON.readTree(send(policy).body()).get("executions").asLong();
  }

  private HttpRequest request(
      String path, String method, String contentType, String body, String accept) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base() + path))
            .header("X-Auth-Token", ADMIN)
            .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (accept != null) {
      request.header("Accept", accept);
    }
    return request.build();
  }

  private String base() {
    return "http://localhost:" + port;
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(request.method() + " " + request.uri() + " failed", e);
    }
  }
}
