package io.hookwire.contract.operator;

import static io.hookwire.contract.operator.Problems.pointers;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookwire.contract.support.ContractServer;
import io.hookwire.contract.support.RawHttp;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Request bodies every create reads alike: a body that is not JSON, or JSON of the wrong shape, is
 * 400, never 422 (which is for values breaking constraints, or a required member left out) and
 * never a created resource; a body that is not JSON by its media type is 415.
 */
class OperatorBodiesContractTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * One create that reads a body.
   *
   * @param operationId its operation
   * @param path where to post, under fresh parents
   * @param valid a valid body, fresh for each request
   * @param members the body's required string members
   */
  record Create(
      String operationId, Supplier<String> path, Supplier<String> valid, List<String> members) {

    @Override
    public String toString() {
      return operationId;
    }

    RawHttp.Answer post(String contentType, String body) {
      return RawHttp.request("POST", path.get())
          .bearer(ContractServer.get().operatorToken())
          .body(contentType, body)
          .send();
    }

    JsonNode refused(String body) {
      return Problems.expect(400, post("application/json", body));
    }

    /** The valid body without that member. */
    String validWithout(String member) {
      ObjectNode body = (ObjectNode) JSON.readTree(valid.get());
      body.remove(member);
      return body.toString();
    }

    /** The valid body with one more member. */
    String validWith(String json) {
      String body = valid.get();
      return body.substring(0, body.length() - 1) + "," + json + "}";
    }
  }

  private static Create create(
      String operationId, Supplier<String> path, Supplier<String> valid, String... members) {
    return new Create(operationId, path, valid, List.of(members));
  }

  static Stream<Create> creates() {
    return Stream.of(
        create("createAccount", () -> "/operator/v1/accounts", () -> "{\"name\":\"a\"}", "name"),
        create(
            "createEnvironment",
            () -> "/operator/v1/accounts/" + Provision.account() + "/environments",
            () -> "{\"name\":\"e\"}",
            "name"),
        create(
            "createUser",
            () -> "/operator/v1/accounts/" + Provision.account() + "/users",
            () -> "{\"name\":\"u\",\"role\":\"admin\"}",
            "name",
            "role"),
        create(
            "createTenant",
            () -> "/operator/v1/tenants",
            () -> "{\"id\":\"" + Provision.unusedTenantId() + "\"}",
            "id"),
        create(
            "createScalingGroup",
            () -> "/operator/v1/tenants/" + Provision.tenant() + "/groups",
            () -> "{\"name\":\"g\"}",
            "name"),
        create(
            "createScalingPolicy",
            () -> {
              String tenant = Provision.tenant();
              return "/operator/v1/tenants/"
                  + tenant
                  + "/groups/"
                  + Provision.group(tenant)
                  + "/policies";
            },
            () -> "{\"name\":\"p\"}",
            "name"),
        create(
            "createTenantToken",
            () -> "/operator/v1/tenants/" + Provision.tenant() + "/tokens",
            () -> "{\"role\":\"observer\"}",
            "role"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("creates")
  void theValidBodyIsCreated(Create create) {
    // Proves the bodies below are refused for what they break, not for the path or the rest.
    assertThat(Provision.raw("POST", create.path().get(), create.valid().get()).status())
        .isEqualTo(201);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("creates")
  void aMissingRequiredMemberIs422AtItsPointerOnly(Create create) {
    // The generated client writes an unset required member as null (400): only raw HTTP omits it.
    for (String member : create.members()) {
      String body = create.validWithout(member);

      JsonNode problem = Problems.expect(422, create.post("application/json", body));

      assertThat(pointers(problem)).as(body).containsOnly("/" + member);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("creates")
  void aBodyThatIsNotJsonIs400(Create create) {
    for (String body : new String[] {"{", "{\"name\": }", "name=a", "{\"name\":\"a\"}}"}) {
      assertThat(pointers(create.refused(body))).as(body).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("creates")
  void aMissingBodyIs400(Create create) {
    Problems.expect(400, create.post("application/json", ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("creates")
  void aBodyOfAnotherMediaTypeIs415(Create create) {
    Problems.expect(415, create.post("text/plain", create.valid().get()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("creates")
  void theLiteralNullIs400(Create create) {
    create.refused("null");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("creates")
  void jsonThatIsNotAnObjectIs400(Create create) {
    for (String body :
        new String[] {"[]", "[" + create.valid().get() + "]", "\"a\"", "42", "true"}) {
      create.refused(body);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("creates")
  void aMemberOfAWrongJsonTypeIs400AtItsPointer(Create create) {
    for (String member : create.members()) {
      for (String value : new String[] {"42", "true", "{}", "[\"a\"]"}) {
        JsonNode problem = create.refused("{\"" + member + "\":" + value + "}");

        assertThat(pointers(problem)).as(value).containsExactly("/" + member);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("creates")
  void anExplicitNullForARequiredMemberIs400AtItsPointer(Create create) {
    for (String member : create.members()) {
      JsonNode problem = create.refused("{\"" + member + "\":null}");

      assertThat(pointers(problem)).as(member).containsExactly("/" + member);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("creates")
  void anUnknownMemberIs400AtItsPointer(Create create) {
    JsonNode problem = create.refused(create.validWith("\"url\":\"https://example.com\""));

    assertThat(pointers(problem)).containsExactly("/url");
  }

  @Test
  void environmentIdsOfAWrongJsonTypeAre400AtTheirPointer() {
    String users = "/operator/v1/accounts/" + Provision.account() + "/users";
    String user = "{\"name\":\"u\",\"role\":\"admin\",\"environment_ids\":";

    assertThat(pointers(Problems.expect(400, Provision.raw("POST", users, user + "\"env-a\"}"))))
        .containsExactly("/environment_ids");
    assertThat(pointers(Problems.expect(400, Provision.raw("POST", users, user + "[7]}"))))
        .containsExactly("/environment_ids/0");
  }

  @Test
  void aRefusedBodyCreatesNothing() {
    String tenant = "contract-" + UUID.randomUUID();

    Problems.expect(
        400, Provision.raw("POST", "/operator/v1/tenants", "{\"id\":\"" + tenant + "\",\"x\":1}"));

    Problems.expect(404, Provision.raw("GET", "/operator/v1/tenants/" + tenant, ""));
  }
}
