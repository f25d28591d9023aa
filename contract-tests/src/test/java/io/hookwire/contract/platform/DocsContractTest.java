package io.hookwire.contract.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hookwire.contract.support.Api;
import io.hookwire.contract.support.ContractServer;
import io.hookwire.contract.support.RawHttp;
import io.hookwire.contract.support.RawHttp.Answer;
import io.hookwire.contract.support.SpecOperation;
import io.hookwire.contract.support.Specs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The server's own contract pages, without a token: each spec file exactly as the build read it,
 * and each API's docs page, rendered in headless Chromium (Debian's package, which {@code .ci/run}
 * installs) with every operation of its spec on it. Without Chromium the rendering is skipped, with
 * a message saying so.
 */
class DocsContractTest {

  /** Where Chromium is looked for, unless {@code -Dchromium=…} names it. */
  private static final List<String> CHROMIUM =
      List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");

  @TempDir Path profile;

  @ParameterizedTest
  @EnumSource(Api.class)
  void servesTheSpecFileItWasBuiltFrom(Api api) throws IOException {
    Answer answer = RawHttp.request("GET", "/openapi/" + api.specFile()).send();

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.header("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/yaml"));
    assertThat(answer.body()).isEqualTo(classpathSpec(api));
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void rendersEveryOperationOnTheDocsPage(Api api) throws Exception {
    Answer page = RawHttp.request("GET", docsPath(api)).send();
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    // Nothing from the internet: every script and style is the server's own.
    assertThat(page.body())
        .doesNotContain("://")
        .contains("/webjars/swagger-ui/swagger-ui-bundle.js");
    assertThat(RawHttp.request("GET", "/webjars/swagger-ui/swagger-ui-bundle.js").send().status())
        .isEqualTo(200);

    Optional<String> chromium = chromium();
    String missing =
        "No Chromium at " + CHROMIUM + " (or -Dchromium): the docs page was not rendered";
    // CI installs Chromium (.ci/run): there a missing one fails the test instead of skipping it.
    if ("true".equals(System.getenv("CI"))) {
      assertThat(chromium).as(missing).isPresent();
    }
    assumeTrue(chromium.isPresent(), missing);
    String dom = render(chromium.get(), ContractServer.get().baseUrl() + docsPath(api));

    List<String> operationIds =
        Specs.operations().stream()
            .filter(operation -> operation.api() == api)
            .map(SpecOperation::operationId)
            .toList();
    assertThat(operationIds).isNotEmpty();
    assertThat(dom)
        .as("the rendered %s docs page", api)
        .contains(operationIds.stream().map(id -> ">" + id + "<").toList());
  }

  private static String docsPath(Api api) {
    return "/docs/" + api.specFile().replace(".yaml", "");
  }

  private static String classpathSpec(Api api) throws IOException {
    try (InputStream spec =
        DocsContractTest.class.getResourceAsStream("/openapi/" + api.specFile())) {
      assertThat(spec).as("openapi/%s on the classpath", api.specFile()).isNotNull();
      return new String(spec.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Optional<String> chromium() {
    String given = System.getProperty("chromium", "").strip();
    return (given.isEmpty() ? CHROMIUM.stream() : Stream.of(given))
        .filter(path -> Files.isExecutable(Path.of(path)))
        .findFirst();
  }

  /**
   * The page's DOM once its scripts have run. The flags keep Chromium off the network (this machine
   * refuses its background connections) and out of the user's profile.
   */
  private String render(String chromium, String url) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                chromium,
                "--headless",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--virtual-time-budget=20000",
                "--dump-dom",
                url));
    if (System.getProperty("user.name", "").toLowerCase(Locale.ROOT).equals("root")) {
      // Chromium refuses to sandbox itself as root (as in CI containers).
      command.add(1, "--no-sandbox");
    }
    Path out = profile.resolve("dom.html");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      assertThat(process.waitFor(90, TimeUnit.SECONDS))
          .as("Chromium finished within 90 s")
          .isTrue();
    } finally {
      process.destroyForcibly();
    }
    assertThat(process.exitValue()).as("Chromium's exit code").isZero();
    return Files.readString(out);
  }
}
