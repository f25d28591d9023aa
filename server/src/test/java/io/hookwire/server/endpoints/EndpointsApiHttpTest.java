package io.hookwire.server.endpoints;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Black-box HTTP tests of the Endpoints API ({@code /api/iacp/v3/endpoints}), written from {@code
 * openapi/endpoints.yaml} and {@code API-NOTES.md} only: the shared callers, requests and
 * assertions. Each subclass runs the real server on a random port with its own in-memory database;
 * every test makes the accounts, users and endpoints it needs through the operator API and the API
 * under test.
 */
abstract class EndpointsApiHttpTest {

  static final String ENDPOINTS = "/api/iacp/v3/endpoints";
  static final String JSON_API = "application/vnd.api+json";
  static final String OPERATOR_TOKEN = "test-operator-token";
  static final String ACCOUNTS = "/operator/v1/accounts/";
  static final String UNKNOWN_ACCOUNT = "acc-00000000000000000";
  static final String UNKNOWN_ENVIRONMENT = "env-00000000000000000";
  static final String UNKNOWN_ENDPOINT = "ep-00000000000000000";
  static final JsonMapper JSON = JsonMapper.builder().build();

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final AtomicInteger NUMBER = new AtomicInteger();
  private static final Map<HttpResponse<String>, String> SENT_BODIES =
      Collections.synchronizedMap(new WeakHashMap<>());

  @LocalServerPort int port;

  /**
   * The callers of the decisions: account A with environments E1 and E2, its admin and reader (all
   * environments) and an admin who sees only E2; account B with one environment and its admin. The
   * user fields hold bearer tokens.
   */
  record World(
      String account,
      String e1,
      String e2,
      String admin,
      String reader,
      String e2Admin,
      String otherAccount,
      String otherEnvironment,
      String otherAdmin) {}

  /** A fresh world, made through the operator API. */
  World world() {
    String a = operatorId("/operator/v1/accounts", "{'name':'Account A'}");
    String e1 = operatorId(ACCOUNTS + a + "/environments", "{'name':'E1'}");
    String e2 = operatorId(ACCOUNTS + a + "/environments", "{'name':'E2'}");
    String admin = userToken(a, "{'name':'Admin','role':'admin'}");
    String reader = userToken(a, "{'name':'Reader','role':'reader'}");
    String e2Admin =
        userToken(a, "{'name':'E2 admin','role':'admin','environment_ids':['" + e2 + "']}");
    String b = operatorId("/operator/v1/accounts", "{'name':'Account B'}");
    String be = operatorId(ACCOUNTS + b + "/environments", "{'name':'B1'}");
    String otherAdmin = userToken(b, "{'name':'B admin','role':'admin'}");
    return new World(a, e1, e2, admin, reader, e2Admin, b, be, otherAdmin);
  }

  private String userToken(String account, String user) {
    String id = operatorId(ACCOUNTS + account + "/users", user);
    HttpResponse<String> token =
        send("POST", ACCOUNTS + account + "/users/" + id + "/tokens", OPERATOR_TOKEN, null, null);
    assertThat(token.statusCode()).as(describe(token)).isEqualTo(201);
    return JSON.readTree(token.body()).get("token").asString();
  }

  private String operatorId(String path, String body) {
    HttpResponse<String> created =
        send("POST", path, OPERATOR_TOKEN, "application/json", json(body));
    assertThat(created.statusCode()).as(describe(created)).isEqualTo(201);
    return JSON.readTree(created.body()).get("id").asString();
  }

  // Requests

  String base() {
    return "http://localhost:" + port;
  }

  String self(String id) {
    return base() + ENDPOINTS + "/" + id;
  }

  /** A request; {@code headers} are name and value pairs. Null token: no Authorization. */
  HttpResponse<String> send(
      String method,
      String target,
      String token,
      String contentType,
      String body,
      String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(target.startsWith("http") ? target : base() + target))
            .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<String> response = HTTP.send(request.build(), BodyHandlers.ofString());
      if (body != null) {
        SENT_BODIES.put(
            response,
            body.length() > 300 ? body.substring(0, 300) + "...(" + body.length() + ")" : body);
      }
      return response;
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(method + " " + target + " failed", e);
    }
  }

  HttpResponse<String> list(String token, String query) {
    return send("GET", ENDPOINTS + query, token, null, null);
  }

  HttpResponse<String> get(String token, String id) {
    return send("GET", ENDPOINTS + "/" + id, token, null, null);
  }

  HttpResponse<String> create(String token, String body) {
    return send("POST", ENDPOINTS, token, JSON_API, body);
  }

  HttpResponse<String> update(String token, String id, String body) {
    return send("PATCH", ENDPOINTS + "/" + id, token, JSON_API, body);
  }

  HttpResponse<String> delete(String token, String id) {
    return send("DELETE", ENDPOINTS + "/" + id, token, null, null);
  }

  // Documents

  /** JSON written with single quotes for readability. */
  static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  static String createDoc(String attributes, String relationships) {
    return json(
        "{'data':{'type':'endpoints','attributes':"
            + attributes
            + (relationships == null ? "" : ",'relationships':" + relationships)
            + "}}");
  }

  static String updateDoc(String members) {
    return json("{'data':{'type':'endpoints'" + (members.isEmpty() ? "" : "," + members) + "}}");
  }

  static String attributes(String name, String url) {
    return json("{'name':'" + name + "','url':'" + url + "'}");
  }

  static String relationships(String... members) {
    return "{" + String.join(",", members) + "}";
  }

  static String account(String id) {
    return json("'account':{'data':{'type':'accounts','id':'" + id + "'}}");
  }

  static String environment(String id) {
    return json("'environment':{'data':{'type':'environments','id':'" + id + "'}}");
  }

  static String unique(String prefix) {
    return prefix + " " + NUMBER.incrementAndGet();
  }

  /** Creates an endpoint with a unique name and returns its id. */
  String newEndpoint(String token, String relationships) {
    return newEndpoint(
        token, unique("Endpoint"), "https://hooks.example.com/services/1", relationships);
  }

  String newEndpoint(String token, String name, String url, String relationships) {
    return created(create(token, createDoc(attributes(name, url), relationships)))
        .at("/data/id")
        .asString();
  }

  // Responses

  static String describe(HttpResponse<String> response) {
    String sent = SENT_BODIES.get(response);
    return response.request().method()
        + " "
        + response.request().uri()
        + (sent == null ? "" : " with " + sent)
        + " -> "
        + response.statusCode()
        + " "
        + response.headers().map()
        + " "
        + response.body();
  }

  static JsonNode created(HttpResponse<String> response) {
    return document(response, 201);
  }

  static JsonNode ok(HttpResponse<String> response) {
    return document(response, 200);
  }

  static JsonNode document(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(describe(response)).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .as(describe(response))
        .hasValue(JSON_API);
    return JSON.readTree(response.body());
  }

  /** The errors of a JSON:API error document of this status, each with its status. */
  static JsonNode errors(HttpResponse<String> response, int status) {
    JsonNode document = document(response, status);
    JsonNode errors = document.get("errors");
    assertThat(errors).as(describe(response)).isNotNull();
    assertThat(errors.isArray() && !errors.isEmpty()).as(describe(response)).isTrue();
    for (JsonNode error : errors) {
      assertThat(error.path("status").asString()).as(describe(response)).isEqualTo("" + status);
      assertThat(error.path("title").asString()).as(describe(response)).isNotBlank();
    }
    return errors;
  }

  /** A 422 whose every error is an invalid attribute; returns their pointers. */
  static List<String> invalidAttributes(HttpResponse<String> response) {
    JsonNode errors = errors(response, 422);
    for (JsonNode error : errors) {
      assertThat(error.path("title").asString())
          .as(describe(response))
          .isEqualTo("Invalid Attribute");
    }
    return pointers(errors);
  }

  static List<String> pointers(JsonNode errors) {
    List<String> pointers = new ArrayList<>();
    for (JsonNode error : errors) {
      JsonNode pointer = error.at("/source/pointer");
      pointers.add(pointer.isMissingNode() || pointer.isNull() ? null : pointer.asString());
    }
    return pointers;
  }

  /** A single 404 at this pointer, worded "… not found or user unauthorized.". */
  static void relationshipNotFound(HttpResponse<String> response, String pointer) {
    JsonNode errors = errors(response, 404);
    assertThat(pointers(errors)).as(describe(response)).containsExactly(pointer);
    assertThat(errors.get(0).get("title").asString())
        .as(describe(response))
        .endsWith(" not found or user unauthorized.");
  }

  /** A 404 worded "… not found or user unauthorized.". */
  static void notFoundOrUnauthorized(HttpResponse<String> response) {
    JsonNode errors = errors(response, 404);
    assertThat(errors.get(0).get("title").asString())
        .as(describe(response))
        .endsWith(" not found or user unauthorized.");
  }

  /** The 404 of an endpoint, worded exactly as the decisions have it. */
  static void endpointNotFound(HttpResponse<String> response, String id) {
    JsonNode errors = errors(response, 404);
    assertThat(errors.get(0).get("title").asString())
        .as(describe(response))
        .isEqualTo("Endpoint with ID '" + id + "' not found or user unauthorized.");
  }

  static List<String> ids(JsonNode listDocument) {
    List<String> ids = new ArrayList<>();
    listDocument.get("data").forEach(e -> ids.add(e.get("id").asString()));
    return ids;
  }

  static List<String> names(JsonNode listDocument) {
    List<String> names = new ArrayList<>();
    listDocument.get("data").forEach(e -> names.add(e.at("/attributes/name").asString()));
    return names;
  }

  /** The decoded query parameters of a link, in order. */
  static Map<String, String> parameters(String link) {
    Map<String, String> parameters = new LinkedHashMap<>();
    String query = URI.create(link).getRawQuery();
    if (query == null) {
      return parameters;
    }
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      parameters.put(
          URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return parameters;
  }
}
