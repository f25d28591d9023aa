package io.hookwire.server.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The server as the README deploys it for the fastest start: its executable jar extracted ({@code
 * java -Djarmode=tools -jar … extract}), with a class data sharing archive written by a training
 * run that stops once the application context is refreshed. Started with the archive, the JVM maps
 * the classes of Spring, Tomcat and the rest instead of loading and verifying them.
 */
final class ServerJar {

  private final Path jar;
  private final Path archive;

  private ServerJar(Path jar, Path archive) {
    this.jar = jar;
    this.archive = archive;
  }

  /**
   * Extracts the executable jar under {@code target} into {@code directory} and trains its archive
   * with the given JVM flags on a throwaway H2 database.
   *
   * @throws IllegalStateException when the jar is missing or older than the compiled classes
   */
  static ServerJar prepare(Path target, Path directory, List<String> jvmFlags)
      throws IOException, InterruptedException {
    Path executable = executableJar(target);
    Path extracted = directory.resolve("app");
    run(
        directory.resolve("extract.log"),
        List.of(
            "-Djarmode=tools",
            "-jar",
            executable.toString(),
            "extract",
            "--destination",
            extracted.toString()));
    Path jar = extracted.resolve(executable.getFileName());
    Path archive = extracted.resolve("hookwire.jsa");
    List<String> training = new ArrayList<>(jvmFlags);
    training.addAll(
        List.of(
            "-XX:ArchiveClassesAtExit=" + archive,
            "-Dspring.context.exit=onRefresh",
            "-jar",
            jar.toString(),
            "--hookwire.data-dir=" + directory.resolve("training-data"),
            "--server.port=0",
            "--management.server.port=0"));
    run(directory.resolve("training.log"), training);
    if (!Files.isRegularFile(archive)) {
      throw new IllegalStateException("the training run wrote no " + archive);
    }
    return new ServerJar(jar, archive);
  }

  /** The arguments that run the extracted jar, with or without the archive. */
  List<String> launch(boolean withArchive) {
    List<String> launch = new ArrayList<>();
    if (withArchive) {
      launch.add("-XX:SharedArchiveFile=" + archive);
    }
    launch.addAll(List.of("-jar", jar.toString()));
    return launch;
  }

  private static Path executableJar(Path target) throws IOException {
    Path jar;
    try (Stream<Path> files = Files.list(target)) {
      jar =
          files
              .filter(f -> f.getFileName().toString().endsWith("-exec.jar"))
              .findFirst()
              .orElseThrow(() -> stale("no executable jar in " + target));
    }
    FileTime newestClass;
    try (Stream<Path> classes = Files.walk(target.resolve("classes"))) {
      newestClass =
          classes
              .filter(Files::isRegularFile)
              .map(ServerJar::modified)
              .max(FileTime::compareTo)
              .orElseThrow(() -> stale("no compiled classes in " + target));
    }
    if (modified(jar).compareTo(newestClass) < 0) {
      throw stale(jar + " is older than the compiled classes");
    }
    return jar;
  }

  private static IllegalStateException stale(String what) {
    return new IllegalStateException(
        what + ": run the benchmark with its README command, which packages the server first");
  }

  private static FileTime modified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the time of " + file, e);
    }
  }

  private static void run(Path log, List<String> arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(ServerProcess.java()));
    command.addAll(arguments);
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " failed; see " + log);
    }
  }
}
