package io.hookwire.contract.fuzz;

import io.hookwire.contract.support.Api;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Schemathesis, pinned, run either from its Docker image (where a Docker engine answers) or from a
 * Python virtual environment this class creates under {@code target/}. {@code
 * -Dschemathesis.runner=docker|python|auto} chooses; a machine with neither fails with a message
 * saying so, never a skip.
 */
final class Schemathesis {

  static final String VERSION = "4.32.5";
  static final String IMAGE = "ghcr.io/schemathesis/schemathesis:" + VERSION;

  private static final Duration RUN_LIMIT = Duration.ofMinutes(15);
  private static final Pattern GENERATED = Pattern.compile("(\\d+) generated");

  enum Runner {
    DOCKER,
    PYTHON
  }

  /**
   * One finished run.
   *
   * @param api the API fuzzed
   * @param exitCode Schemathesis' exit code: 0 when no check failed
   * @param cases how many test cases it generated
   * @param took how long it ran
   * @param output everything it printed
   * @param junitReport its JUnit XML report
   */
  record Run(Api api, int exitCode, int cases, Duration took, String output, Path junitReport) {

    String summary() {
      return "Schemathesis %s: %d cases generated in %d s, exit code %d (report %s)"
          .formatted(api, cases, took.toSeconds(), exitCode, junitReport);
    }
  }

  private final Runner runner;
  private final Path home;

  private Schemathesis(Runner runner, Path home) {
    this.runner = runner;
    this.home = home;
  }

  /**
   * Finds or prepares the runner the {@code schemathesis.runner} property asks for.
   *
   * @param home where its files go, e.g. {@code target/schemathesis}
   * @return Schemathesis, ready to run
   */
  static Schemathesis prepare(Path home) {
    String wanted = System.getProperty("schemathesis.runner", "auto").strip();
    Runner runner =
        switch (wanted) {
          case "docker" -> require(dockerAnswers(), Runner.DOCKER, "no Docker engine answers");
          case "python" -> require(pythonAnswers(), Runner.PYTHON, python() + " does not run");
          case "auto" ->
              dockerAnswers()
                  ? Runner.DOCKER
                  : require(
                      pythonAnswers(),
                      Runner.PYTHON,
                      "it needs a Docker engine (none answers `docker info`) or Python 3 with venv"
                          + " (`"
                          + python()
                          + " --version` fails): install one of them");
          default ->
              throw new IllegalArgumentException(
                  "-Dschemathesis.runner must be docker, python or auto, not " + wanted);
        };
    Schemathesis schemathesis = new Schemathesis(runner, home.toAbsolutePath());
    schemathesis.install();
    return schemathesis;
  }

  private static Runner require(boolean answers, Runner runner, String why) {
    if (!answers) {
      throw new IllegalStateException("Cannot run Schemathesis: " + why);
    }
    return runner;
  }

  private static boolean dockerAnswers() {
    return succeeds(List.of("docker", "info", "--format", "{{.ServerVersion}}"));
  }

  private static boolean pythonAnswers() {
    return succeeds(List.of(python(), "--version"));
  }

  private static String python() {
    return System.getProperty("schemathesis.python", "python3");
  }

  /** Copies the specs and the configuration out of the classpath; makes the environment. */
  private void install() {
    for (Api api : Api.values()) {
      copy("/openapi/" + api.specFile(), home.resolve("specs").resolve(api.specFile()));
    }
    copy("/schemathesis/schemathesis.toml", home.resolve("config/schemathesis.toml"));
    if (runner == Runner.DOCKER) {
      exec(List.of("docker", "pull", "--quiet", IMAGE), "pulling " + IMAGE);
      return;
    }
    Path requirements = home.resolve("config/requirements.txt");
    copy("/schemathesis/requirements.txt", requirements);
    if (!output(List.of(st().toString(), "--version")).contains(VERSION)) {
      exec(List.of(python(), "-m", "venv", "--clear", venv().toString()), "creating the venv");
      exec(
          List.of(
              venv().resolve(binaries()).resolve("python").toString(),
              "-m",
              "pip",
              "install",
              "--quiet",
              "--disable-pip-version-check",
              "--no-input",
              "-r",
              requirements.toString()),
          "installing Schemathesis " + VERSION);
    }
  }

  /**
   * Fuzzes one API.
   *
   * @param api the API, whose spec is fuzzed
   * @param baseUrl the server's base URL
   * @param authHeader the credentials header, as {@code Name: value}
   * @param seed the random seed
   * @param maxExamples the largest number of cases per operation and phase
   * @return the finished run
   */
  Run run(Api api, URI baseUrl, String authHeader, long seed, int maxExamples) {
    Path reports = home.resolve(api.name().toLowerCase(Locale.ROOT));
    Path junit = reports.resolve("junit.xml");
    Path output = reports.resolve("output.txt");
    String root = runner == Runner.DOCKER ? "/hookwire" : home.toString();
    List<String> command = new ArrayList<>();
    if (runner == Runner.DOCKER) {
      // Host networking: the server under test listens on this machine's localhost.
      command.addAll(
          List.of("docker", "run", "--rm", "--network", "host", "-v", home + ":" + root, IMAGE));
    } else {
      command.add(st().toString());
    }
    command.addAll(
        List.of(
            "--no-color",
            "--config-file",
            root + "/config/schemathesis.toml",
            "run",
            root + "/specs/" + api.specFile(),
            "--url",
            baseUrl.toString(),
            "--checks",
            "all",
            "--phases",
            "examples,coverage,fuzzing,stateful",
            "--mode",
            "all",
            "--seed",
            String.valueOf(seed),
            "--max-examples",
            String.valueOf(maxExamples),
            "--workers",
            "1",
            "--header",
            authHeader,
            "--report",
            "junit",
            "--report-junit-path",
            root + "/" + reports.getFileName() + "/junit.xml"));
    try {
      Files.createDirectories(reports);
      Instant start = Instant.now();
      Process process =
          new ProcessBuilder(command)
              .directory(reports.toFile())
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      if (!process.waitFor(RUN_LIMIT.toMinutes(), TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("Schemathesis ran longer than " + RUN_LIMIT);
      }
      Duration took = Duration.between(start, Instant.now());
      String printed = Files.readString(output, StandardCharsets.UTF_8);
      return new Run(api, process.exitValue(), cases(printed), took, printed, junit);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static int cases(String output) {
    Matcher generated = GENERATED.matcher(output);
    int last = 0;
    while (generated.find()) {
      last = Integer.parseInt(generated.group(1));
    }
    return last;
  }

  private Path venv() {
    return home.resolve("venv");
  }

  private Path st() {
    return venv().resolve(binaries()).resolve("st");
  }

  private static String binaries() {
    return System.getProperty("os.name").startsWith("Windows") ? "Scripts" : "bin";
  }

  private static void copy(String resource, Path target) {
    try (InputStream in =
        Objects.requireNonNull(Schemathesis.class.getResourceAsStream(resource), resource)) {
      Files.createDirectories(target.getParent());
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean succeeds(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getInputStream().transferTo(OutputStream.nullOutputStream());
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false; // not installed
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String output(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      process.waitFor(60, TimeUnit.SECONDS);
      return printed;
    } catch (IOException e) {
      return ""; // not there yet
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  private static void exec(List<String> command, String what) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new IllegalStateException(
            what + " failed: " + String.join(" ", command) + "\n" + printed);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(what + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(what + " interrupted", e);
    }
  }
}
