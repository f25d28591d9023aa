package io.hookwire.contract.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Raw HTTP for what the generated client cannot send: malformed JSON, wrong media types, missing
 * or foreign credentials, methods a path does not have. Every exchange is still checked against
 * the spec by {@link Exchanges#check}.
 *
 * <pre>{@code
 * RawHttp.request("POST", "/api/iacp/v3/endpoints").bearer(token).json("{").send();
 * }</pre>
 */
public final class RawHttp {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String method;
  private final String path;
  private final Map<String, List<String>> headers = new LinkedHashMap<>();
  private String body = "";
  private URI server;
  private Duration timeout;

  private RawHttp(String method, String path) {
    this.method = method;
    this.path = path;
  }

  /**
   * @param method the HTTP method
   * @param path the path and query, e.g. {@code /api/iacp/v3/endpoints?page[size]=2}
   * @return a request to the server under test
   */
  public static RawHttp request(String method, String path) {
    return new RawHttp(method, path);
  }

  /**
   * @param baseUrl another server than {@link ContractServer#get()}, e.g. one a test started itself
   * @return this request, sent to that server
   */
  public RawHttp to(URI baseUrl) {
    this.server = baseUrl;
    return this;
  }

  /**
   * @param limit how long to wait for the answer; without one, as long as it takes
   * @return this request, failing with an {@link AssertionError} caused by an {@link
   *     java.net.http.HttpTimeoutException} when no answer comes in time
   */
  public RawHttp timeout(Duration limit) {
    this.timeout = limit;
    return this;
  }

  /**
   * @param name a header name
   * @param value its value
   * @return this request with that header
   */
  public RawHttp header(String name, String value) {
    headers.computeIfAbsent(name, unused -> new java.util.ArrayList<>()).add(value);
    return this;
  }

  /**
   * @param token a bearer token (Endpoints and operator APIs)
   * @return this request with {@code Authorization: Bearer <token>}
   */
  public RawHttp bearer(String token) {
    return header("Authorization", "Bearer " + token);
  }

  /**
   * @param token an Auto Scale token
   * @return this request with {@code X-Auth-Token}
   */
  public RawHttp authToken(String token) {
    return header("X-Auth-Token", token);
  }

  /**
   * @param contentType the body's media type
   * @param text the body
   * @return this request with that body
   */
  public RawHttp body(String contentType, String text) {
    this.body = text;
    return header("Content-Type", contentType);
  }

  /**
   * @param text the body, sent as {@code application/json}
   * @return this request with that body
   */
  public RawHttp json(String text) {
    return body("application/json", text);
  }

  /**
   * @return the server's answer, after it has been checked against the spec
   */
  public Answer send() {
    URI uri = server == null ? ContractServer.get().resolve(path) : URI.create(server + path);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .method(
                method, body.isEmpty() ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
    headers.forEach((name, values) -> values.forEach(value -> request.header(name, value)));
    if (timeout != null) {
      request.timeout(timeout);
    }
    HttpResponse<String> response;
    try {
      response = CLIENT.send(request.build(), BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError(method + " " + uri + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(method + " " + uri + " interrupted", e);
    }
    Exchanges.check(
        new Exchanges.Exchange(
            method,
            uri,
            headers,
            body,
            response.statusCode(),
            response.headers().map(),
            response.body()));
    return new Answer(response.statusCode(), response.headers().map(), response.body());
  }

  /**
   * A response.
   *
   * @param status its status
   * @param headers its headers
   * @param body its body, empty when there is none
   */
  public record Answer(int status, Map<String, List<String>> headers, String body) {

    /**
     * @param name a header name, in any case
     * @return its first value
     */
    public Optional<String> header(String name) {
      return headers.entrySet().stream()
          .filter(header -> header.getKey().equalsIgnoreCase(name))
          .flatMap(header -> header.getValue().stream())
          .findFirst();
    }

    /**
     * @return the body as JSON
     */
    public JsonNode json() {
      return JSON.readTree(body);
    }
  }
}
