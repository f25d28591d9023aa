package io.hookwire.server.benchmark;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Java application in a JVM of its own, as {@link ServerBenchmark} measures it: started with the
 * benchmark's own {@code java}, its output in a log file, and read from {@code /proc} for its
 * memory and CPU time.
 *
 * @param log the file of its output
 * @param startNanos when it was started, on {@link System#nanoTime()}
 */
record ServerProcess(String name, Path log, Process process, long startNanos)
    implements AutoCloseable {

  private static final HttpClient PROBE =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(1))
          .build();

  /** Linux's clock ticks a second, in which {@code /proc/<pid>/stat} counts CPU time. */
  private static final long TICKS_PER_SECOND = 100;

  /**
   * Starts {@code java} with the given arguments (JVM flags, then {@code -cp <classpath> <main>} or
   * {@code -jar <jar>}, see {@link #classpath}) and program arguments.
   */
  static ServerProcess start(
      String name, List<String> javaArguments, List<String> args, Path logDirectory)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(java());
    command.addAll(javaArguments);
    command.addAll(args);
    Path log = logDirectory.resolve(name + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    long startNanos = System.nanoTime();
    return new ServerProcess(name, log, builder.start(), startNanos);
  }

  /** The arguments that run {@code mainClass} from a classpath. */
  static List<String> classpath(List<Path> classpath, String mainClass) {
    return List.of(
        "-cp",
        String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()),
        mainClass);
  }

  /** The {@code java} that runs this benchmark, for the processes it starts. */
  static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  /** A port nothing listens on now. */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /**
   * Polls {@code url} every 20 ms until it answers 200, and returns the time from the process's
   * start to that answer. {@code headers} are names and values in turn.
   */
  Duration awaitOk(String url, String[] headers, Duration limit) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .headers(headers)
            .timeout(Duration.ofSeconds(5))
            .build();
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited; see " + log);
      }
      try {
        if (PROBE.send(request, BodyHandlers.discarding()).statusCode() == 200) {
          return Duration.ofNanos(System.nanoTime() - startNanos);
        }
      } catch (IOException notListeningYet) {
        // Polled again below.
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException(name + " did not answer 200 at " + url + "; see " + log);
  }

  /** The resident set size, in KiB ({@code VmRSS} of {@code /proc/<pid>/status}). */
  long rssKib() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", pid(), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IllegalStateException("no VmRSS for " + name);
  }

  /** The CPU time (user and system) the process has used, in nanoseconds, to 10 ms. */
  long cpuNanos() {
    try {
      String stat = Files.readString(Path.of("/proc", pid(), "stat"));
      // The fields after the command, which is in parentheses and may hold spaces.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      return ticks * (1_000_000_000L / TICKS_PER_SECOND);
    } catch (IOException e) {
      throw new IllegalStateException("no CPU time for " + name, e);
    }
  }

  private String pid() {
    return Long.toString(process.pid());
  }

  /** Stops the process as an orchestrator would (SIGTERM), forcibly after 30 s. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
