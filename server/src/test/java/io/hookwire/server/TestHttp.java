package io.hookwire.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import org.springframework.context.ConfigurableApplicationContext;

/** Real HTTP to a running server, with each API's way of authenticating. */
public record TestHttp(String base, String operatorToken) {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  public static TestHttp of(ConfigurableApplicationContext server) {
    return new TestHttp(
        "http://localhost:" + server.getEnvironment().getProperty("local.server.port"),
        "test-operator-token");
  }

  public TestHttp withOperatorToken(String token) {
    return new TestHttp(base, token);
  }

  public HttpResponse<String> operator(String method, String path, String json) {
    return send(method, path, "Authorization", "Bearer " + operatorToken, "application/json", json);
  }

  public HttpResponse<String> endpoints(String method, String path, String token, String json) {
    return send(method, path, "Authorization", "Bearer " + token, "application/vnd.api+json", json);
  }

  public HttpResponse<String> autoscale(String method, String path, String token, String json) {
    return send(method, path, "X-Auth-Token", token, "application/json", json);
  }

  private HttpResponse<String> send(
      String method, String path, String authHeader, String credentials, String type, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header(authHeader, credentials)
            .method(method, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", type);
    }
    try {
      return CLIENT.send(request.build(), BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(method + " " + path + " failed", e);
    }
  }
}
