package io.hookwire.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookwire.client.StubServer.Response;
import io.hookwire.client.operator.model.AccountCreate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HookwireOperatorTest {

  @RegisterExtension final StubServer server = new StubServer();
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private final HookwireOperator operator =
      HookwireOperator.connect(server.baseUrl(), "operator-token", sleeper.options());

  @Test
  void sendsTheOperatorBearerToken() {
    server.enqueue(
        Response.json(200, "application/json", "{\"items\":[{\"id\":\"acc-1\",\"name\":\"A\"}]}"));

    assertThat(operator.accounts().listAccounts().getItems()).hasSize(1);
    assertThat(server.lastRequest().header("Authorization")).isEqualTo("Bearer operator-token");
    assertThat(server.lastRequest().uri().getPath()).isEqualTo("/operator/v1/accounts");
  }

  @Test
  void errorAnswerBecomesOperatorApiExceptionWithTheProblem() {
    server.enqueue(
        Response.json(
            422,
            "application/problem+json",
            """
            {"type": "about:blank", "title": "Unprocessable", "status": 422,
             "detail": "name is required",
             "errors": [{"pointer": "/name", "detail": "must not be blank"}]}"""));

    assertThatThrownBy(() -> operator.accounts().createAccount(new AccountCreate().name("")))
        .isInstanceOfSatisfying(
            OperatorApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(422);
              assertThat(e.problem()).isPresent();
              assertThat(e.problem().get().getTitle()).isEqualTo("Unprocessable");
              assertThat(e.problem().get().getStatus()).isEqualTo(422);
              assertThat(e.problem().get().getErrors()).hasSize(1);
              assertThat(e.getMessage()).contains("422", "Unprocessable", "name is required");
            });
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void retriesGetOn503AndKeepsAnUnparsableBodyRaw() {
    server.otherwise(request -> new Response(503, Map.of("Retry-After", "0"), "down"));

    assertThatThrownBy(() -> operator.tenants().listTenants())
        .isInstanceOfSatisfying(
            OperatorApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(503);
              assertThat(e.hasParsedBody()).isFalse();
              assertThat(e.getResponseBodyAsString()).isEqualTo("down");
            });
    assertThat(server.requests()).hasSize(3);
  }
}
