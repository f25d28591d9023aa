package io.hookwire.contract.operator;

import static io.hookwire.contract.operator.Problems.pointers;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookwire.contract.support.ContractServer;
import io.hookwire.contract.support.RawHttp;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Request bodies every create reads alike: a body that is not JSON, or JSON of the wrong shape, is
 * 400, never 422 (which is for values breaking constraints) and never a created resource.
 */
class OperatorBodiesContractTest {

  /**
   * One create that reads a body.
   *
   * @param operationId its operation
   * @param path where to post, under fresh parents
   * @param valid a valid body, fresh for each request
   * @param member a string member of the body
   */
  record Create(String operationId, Supplier<String> path, Supplier<String> valid, String member) {

    @Override
    public String toString() {
      return operationId;
    }

    JsonNode refused(String body) {
      return Problems.expect(400, Provision.raw("POST", path.get(), body));
    }

    /** The valid body with one more member. */
    String validWith(String json) {
      String body = valid.get();
      return body.substring(0, body.length() - 1) + "," + json + "}";
    }
  }

  static Stream<Create> creates() {
    return Stream.of(
        new Create(
            "createAccount", () -> "/operator/v1/accounts", () -> "{\"name\":\"a\"}", "name"),
        new Create(
            "createEnvironment",
            () -> "/operator/v1/accounts/" + Provision.account() + "/environments",
            () -> "{\"name\":\"e\"}",
            "name"),
        new Create(
            "createUser",
            () -> "/operator/v1/accounts/" + Provision.account() + "/users",
            () -> "{\"name\":\"u\",\"role\":\"admin\"}",
            "name"),
        new Create(
            "createTenant",
            () -> "/operator/v1/tenants",
            () -> "{\"id\":\"" + Provision.unusedTenantId() + "\"}",
            "id"),
        new Create(
            "createScalingGroup",
            () -> "/operator/v1/tenants/" + Provision.tenant() + "/groups",
            () -> "{\"name\":\"g\"}",
            "name"),
        new Create(
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
        new Create(
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
  void aBodyThatIsNotJsonIs400(Create create) {
    for (String body : new String[] {"{", "{\"name\": }", "name=a", "{\"name\":\"a\"}}"}) {
      assertThat(pointers(create.refused(body))).as(body).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("creates")
  void aMissingBodyIs400(Create create) {
    Problems.expect(
        400,
        RawHttp.request("POST", create.path().get())
            .bearer(ContractServer.get().operatorToken())
            .json("")
            .send());
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
    for (String value : new String[] {"42", "true", "{}", "[\"a\"]"}) {
      JsonNode problem = create.refused("{\"" + create.member() + "\":" + value + "}");

      assertThat(pointers(problem)).as(value).containsExactly("/" + create.member());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("creates")
  void anExplicitNullForARequiredMemberIs400AtItsPointer(Create create) {
    JsonNode problem = create.refused("{\"" + create.member() + "\":null}");

    assertThat(pointers(problem)).containsExactly("/" + create.member());
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
