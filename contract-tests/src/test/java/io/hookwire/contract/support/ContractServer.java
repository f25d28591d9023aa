package io.hookwire.contract.support;

import io.hookwire.server.HookwireApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The server under test. By default the real server, started once per test run on a random port
 * with a fresh embedded database (H2, or with {@code -Dcontract.database=postgresql} a fresh
 * embedded PostgreSQL) and a random operator token; with {@code -Dcontract.baseUrl=…} and {@code
 * -Dcontract.operatorToken=…} any running deployment. The suite provisions everything else it needs
 * (accounts, users, tenants, tokens) through the operator API.
 *
 * @param baseUrl the server's base URL, without a trailing slash
 * @param operatorToken the operator token
 * @param embedded whether the suite started this server itself (and so may also start others)
 */
public record ContractServer(URI baseUrl, String operatorToken, boolean embedded) {

  /** The system property naming a deployment to test instead of the embedded server. */
  public static final String BASE_URL = "contract.baseUrl";

  /** The system property holding that deployment's operator token. */
  public static final String OPERATOR_TOKEN = "contract.operatorToken";

  /**
   * The system property naming the embedded server's database: {@code h2} (the default) or {@code
   * postgresql}. A deployment given by {@link #BASE_URL} has its own.
   */
  public static final String DATABASE = "contract.database";

  private static ContractServer current;

  /**
   * @return the server of this test run, started on first use
   */
  public static synchronized ContractServer get() {
    if (current == null) {
      current = locate();
    }
    return current;
  }

  private static ContractServer locate() {
    String given = System.getProperty(BASE_URL, "").strip();
    if (!given.isEmpty()) {
      String token = System.getProperty(OPERATOR_TOKEN, "").strip();
      if (token.isEmpty()) {
        throw new IllegalStateException(
            "-D" + BASE_URL + " needs -D" + OPERATOR_TOKEN + ": the suite provisions its data");
      }
      return new ContractServer(URI.create(given.replaceAll("/+$", "")), token, false);
    }
    String token = "contract-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "--hookwire.demo.enabled=false",
                // A request whose body stops arriving is ended after 1 s instead of the default 20
                // s
                // (the hostile-request tests wait for that); idle keep-alive connections of the
                // other tests' clients stay open as long as before.
                "--server.tomcat.connection-timeout=1s",
                "--server.tomcat.keep-alive-timeout=30s"));
    arguments.addAll(database());
    ConfigurableApplicationContext server =
        startEmbedded(freshDataDirectory("run-"), token, arguments.toArray(String[]::new));
    String port = server.getEnvironment().getProperty("local.server.port");
    return new ContractServer(URI.create("http://localhost:" + port), token, true);
  }

  /**
   * @return the name of the embedded server's database: {@code h2} or {@code postgresql}
   */
  public static String databaseName() {
    String name = System.getProperty(DATABASE, "h2").strip();
    if (!List.of("h2", "postgresql").contains(name)) {
      throw new IllegalStateException("-D" + DATABASE + " is h2 or postgresql, not " + name);
    }
    return name;
  }

  /** The server's own H2 by default; else a fresh PostgreSQL, stopped when the JVM exits. */
  private static List<String> database() {
    if (databaseName().equals("h2")) {
      return List.of();
    }
    try {
      EmbeddedPostgres postgres = EmbeddedPostgres.start();
      return List.of(
          "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
          "--spring.datasource.username=postgres",
          "--spring.datasource.password=");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Starts the real server application on random ports; Spring's shutdown hook stops it when the
   * test JVM exits.
   *
   * @param dataDirectory where its embedded database lives
   * @param operatorToken its operator token
   * @param more further {@code --name=value} arguments
   * @return the running server
   */
  public static ConfigurableApplicationContext startEmbedded(
      Path dataDirectory, String operatorToken, String... more) {
    String[] arguments = new String[4 + more.length];
    arguments[0] = "--server.port=0";
    arguments[1] = "--management.server.port=0";
    arguments[2] = "--hookwire.data-dir=" + dataDirectory;
    arguments[3] = "--hookwire.operator-token=" + operatorToken;
    System.arraycopy(more, 0, arguments, 4, more.length);
    return new SpringApplicationBuilder(HookwireApplication.class).run(arguments);
  }

  /**
   * @param prefix what the directory's name starts with
   * @return a new, empty directory for a server's database, under {@code target/}
   */
  public static Path freshDataDirectory(String prefix) {
    try {
      Path parent = Files.createDirectories(Path.of("target", "contract-data"));
      return Files.createTempDirectory(parent, prefix).toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @param path an absolute path, e.g. {@code /operator/v1/accounts}
   * @return the URL of that path on the server
   */
  public URI resolve(String path) {
    return URI.create(baseUrl + path);
  }
}
