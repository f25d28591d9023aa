package io.hookwire.contract.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookwire.contract.support.Exchanges;
import io.hookwire.contract.support.Fixtures;
import io.hookwire.contract.support.Fixtures.Account;
import io.hookwire.contract.support.Fixtures.Tenant;
import io.hookwire.contract.support.RawHttp;
import io.hookwire.contract.support.RawHttp.Answer;
import io.hookwire.contract.support.RawSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Edges of the request that no operation's own tests meet: credentials of the wrong scheme, what
 * the container refuses before any API sees it (answered in that API's format), a number too large
 * for its field, response ids, and a path of no API.
 */
class RequestEdgesContractTest {

  private static final String ENDPOINTS = "/api/iacp/v3/endpoints";

  private static Account account;
  private static Tenant tenant;

  @BeforeAll
  static void provision() {
    account = Fixtures.newAccount();
    tenant = Fixtures.newTenant();
  }

  @ParameterizedTest(name = "Authorization: {0}")
  @ValueSource(strings = {"Basic dXNlcjpwYXNz", "Bearer", "bearer x y"})
  void credentialsOfAnotherSchemeOrShapeAreUnauthorized(String authorization) {
    Answer endpoints =
        RawHttp.request("GET", ENDPOINTS).header("Authorization", authorization).send();
    Answer operator =
        RawHttp.request("GET", "/operator/v1/accounts")
            .header("Authorization", authorization)
            .send();

    assertThat(endpoints.status()).isEqualTo(401);
    assertThat(endpoints.json().at("/errors/0/title").asString()).isEqualTo("Unauthorized");
    assertThat(operator.status()).isEqualTo(401);
    assertThat(operator.header("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  void aPathTheContainerCannotDecodeIsA400InItsApisFormat() {
    RawSocket.Answer endpoints = RawSocket.request("GET", ENDPOINTS + "/%zz").send();
    RawSocket.Answer autoscale = RawSocket.request("GET", "/v1.0/" + tenant.id() + "/%zz").send();

    // No URI holds %zz, so the spec validator cannot see these; the format is asserted here.
    assertThat(endpoints.status()).isEqualTo(400);
    assertThat(endpoints.header("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/vnd.api+json"));
    assertThat(endpoints.json().at("/errors/0/status").asString()).isEqualTo("400");
    assertThat(autoscale.status()).isEqualTo(400);
    assertThat(autoscale.header("X-Response-Id")).isPresent();
    assertThat(autoscale.json().at("/error/type").asString()).isEqualTo("ValidationError");
  }

  @Test
  void aHeaderTheContainerRefusesIsA400InItsApisFormat() {
    RawSocket.Answer operator =
        RawSocket.request("GET", "/operator/v1/accounts").header("X-Probe", "a\u0000b").send();

    Exchanges.check(operator.exchange());
    assertThat(operator.status()).isEqualTo(400);
    assertThat(operator.header("Content-Type")).hasValue("application/problem+json");
    assertThat(operator.json().path("status").asInt()).isEqualTo(400);
  }

  @Test
  void aNumberTooLargeForItsFieldIsAnInvalidAttribute() {
    String body =
        "{\"data\":{\"type\":\"endpoints\",\"attributes\":{\"name\":\"n\",\"url\":\"https://h.example\","
            + "\"timeout\":99999999999999},\"relationships\":{\"account\":{\"data\":{\"type\":"
            + "\"accounts\",\"id\":\""
            + account.id()
            + "\"}}}}}";

    Answer answer =
        RawHttp.request("POST", ENDPOINTS)
            .bearer(account.adminToken())
            .body("application/vnd.api+json", body)
            .send();

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.json().at("/errors/0/source/pointer").asString())
        .isEqualTo("/data/attributes/timeout");
  }

  @Test
  void anUnknownPathIsANotFoundInItsApisFormat() {
    Answer endpoints =
        RawHttp.request("GET", "/api/iacp/v3/nothing").bearer(account.adminToken()).send();
    Answer elsewhere = RawHttp.request("GET", "/nothing").send();

    assertThat(endpoints.status()).isEqualTo(404);
    assertThat(endpoints.header("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/vnd.api+json"));
    assertThat(elsewhere.status()).isEqualTo(404);
    assertThat(elsewhere.header("Content-Type")).hasValue("application/problem+json");
  }

  /** Without a length to refuse it by, the body is counted as it arrives. */
  @Test
  void aChunkedBodyOverTheLimitIsRefused() {
    String body = "{\"data\":\"" + "x".repeat(1024 * 1024) + "\"}";

    RawSocket.Answer answer =
        RawSocket.request("POST", ENDPOINTS)
            .header("Authorization", "Bearer " + account.adminToken())
            .header("Content-Type", "application/vnd.api+json")
            .header("Transfer-Encoding", "chunked")
            .body(Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n")
            .send();

    Exchanges.check(answer.exchange());
    assertThat(answer.status()).isEqualTo(413);
  }
}
