package io.hookwire.contract.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookwire.contract.support.Api;
import io.hookwire.contract.support.ContractServer;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Fuzzes each API with Schemathesis: every check, every phase (examples, coverage, fuzzing, and
 * stateful through the specs' links), valid and invalid data, authenticated with the demo tokens.
 * Each API gets a server of its own, started fresh with the demo data set, so runs are independent
 * and repeatable; with {@code -Dcontract.baseUrl} the deployment there is fuzzed instead. Any
 * failed check fails the build; reports are under {@code target/schemathesis/<api>/}.
 */
class SchemathesisFuzzTest {

  private static final long SEED = Long.getLong("schemathesis.seed", 20261122L);
  private static final int MAX_EXAMPLES = Integer.getInteger("schemathesis.maxExamples", 20);
  private static final String DEMO_OPERATOR_TOKEN = "demo-operator-token";

  private static Schemathesis schemathesis;

  @BeforeAll
  static void prepare() {
    schemathesis = Schemathesis.prepare(Path.of("target", "schemathesis"));
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void findsNoFailure(Api api) {
    boolean deployment = !System.getProperty(ContractServer.BASE_URL, "").isBlank();
    ConfigurableApplicationContext server = deployment ? null : start();
    try {
      URI baseUrl =
          server == null
              ? ContractServer.get().baseUrl()
              : URI.create(
                  "http://localhost:" + server.getEnvironment().getProperty("local.server.port"));

      Schemathesis.Run run = schemathesis.run(api, baseUrl, authHeader(api), SEED, MAX_EXAMPLES);

      System.out.println(run.summary());
      assertThat(run.exitCode())
          .as("Schemathesis found failures (%s):%n%s", run.junitReport(), failures(run.output()))
          .isZero();
      assertThat(run.cases()).isPositive();
    } finally {
      if (server != null) {
        server.close();
      }
    }
  }

  /** A server of its own with the demo data; rate limits out of the way of fuzzing. */
  private static ConfigurableApplicationContext start() {
    return ContractServer.startEmbedded(
        ContractServer.freshDataDirectory("fuzz-"),
        DEMO_OPERATOR_TOKEN,
        "--hookwire.demo.enabled=true",
        "--hookwire.autoscale.rate-limit.tenant-per-minute=1000000",
        "--hookwire.autoscale.rate-limit.execute-per-second=100000",
        "--hookwire.autoscale.rate-limit.execute-per-second-per-client=100000");
  }

  private static String authHeader(Api api) {
    return switch (api) {
      case ENDPOINTS ->
          "Authorization: Bearer "
              + System.getProperty("schemathesis.endpointsToken", "demo-admin-token");
      case AUTOSCALE ->
          "X-Auth-Token: "
              + System.getProperty("schemathesis.autoscaleToken", "demo-autoscale-admin-token");
      case OPERATOR ->
          "Authorization: Bearer "
              + System.getProperty(ContractServer.OPERATOR_TOKEN, DEMO_OPERATOR_TOKEN);
    };
  }

  /** The part of Schemathesis' output that says what failed. */
  private static String failures(String output) {
    int start = output.indexOf("FAILURES");
    return start < 0 ? output : output.substring(start);
  }
}
