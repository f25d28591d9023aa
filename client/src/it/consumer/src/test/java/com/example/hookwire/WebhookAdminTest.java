package com.example.hookwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.hookwire.client.AutoscaleApiException;
import io.hookwire.client.autoscale.model.ErrorType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs {@link WebhookAdmin} against a local HTTP stub of the two APIs. */
class WebhookAdminTest {

  private static final String JSON_API = "application/vnd.api+json";
  private static final String ENDPOINTS = "/api/iacp/v3/endpoints";
  private static final String TENANT = "676873";
  private static final String GROUP = "605e13f6-1452-4588-b5da-ac6bb468c5bf";
  private static final String POLICY = "eb0fe1bf-3428-4f34-afd9-a5ac36f60511";
  private static final String WEBHOOK = "00000000-0000-0000-0000-000000000001";
  private static final String WEBHOOKS =
      "/v1.0/" + TENANT + "/groups/" + GROUP + "/policies/" + POLICY + "/webhooks/";

  private record Answer(int status, String contentType, String body) {}

  /** What the stub received: method, path and query, Authorization header, body. */
  private record Received(String method, URI uri, String authorization, String body) {}

  private final List<Received> received = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private URI baseUrl;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
    baseUrl = URI.create("http://localhost:" + server.getAddress().getPort());
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Received request =
        new Received(
            exchange.getRequestMethod(),
            exchange.getRequestURI(),
            exchange.getRequestHeaders().getFirst("Authorization"),
            body);
    received.add(request);
    Answer answer = answer(request);
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", answer.contentType());
    exchange.sendResponseHeaders(answer.status(), bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Canned answers: JSON:API documents and errors, Auto Scale documents and error envelopes. */
  private static Answer answer(Received request) {
    String path = request.uri().getPath();
    if (request.method().equals("POST") && path.equals(ENDPOINTS)) {
      return request.body().contains("https://")
          ? new Answer(
              201,
              JSON_API,
              """
              {"data": {"type": "endpoints", "id": "ep-1",
                "attributes": {"name": "Orders", "url": "https://hooks.example.com/orders"}}}""")
          : new Answer(
              422,
              JSON_API,
              """
              {"errors": [{"status": "422", "title": "Invalid attribute",
                "detail": "url must be an https URL.",
                "source": {"pointer": "/data/attributes/url"}}]}""");
    }
    if (request.method().equals("GET") && path.equals(ENDPOINTS)) {
      return request.uri().getQuery().contains("page[number]=2")
          ? new Answer(200, JSON_API, page(2, null, "Orders"))
          : new Answer(200, JSON_API, page(1, 2, "Billing", "Inventory"));
    }
    if (request.method().equals("GET") && path.equals(WEBHOOKS + WEBHOOK)) {
      return new Answer(
          200,
          "application/json",
          """
          {"webhook": {"id": "%s", "name": "PagerDuty", "metadata": {}, "links": []}}"""
              .formatted(WEBHOOK));
    }
    if (request.method().equals("GET") && path.startsWith(WEBHOOKS)) {
      return new Answer(
          404,
          "application/json",
          """
          {"error": {"type": "NoSuchWebhookError", "code": 404,
            "message": "Webhook not found.", "details": ""}}""");
    }
    return new Answer(
        403,
        "application/json",
        """
        {"error": {"type": "Forbidden", "code": 403,
          "message": "Not your tenant.", "details": ""}}""");
  }

  private static String page(int number, Integer next, String... names) {
    StringBuilder data = new StringBuilder();
    for (String name : names) {
      data.append(data.isEmpty() ? "" : ",")
          .append(
              """
              {"type": "endpoints", "id": "ep-%s", "attributes": {"name": "%s"}}"""
                  .formatted(name.toLowerCase(), name));
    }
    return """
        {"data": [%s], "links": {"self": "/p%d"},
         "meta": {"pagination": {"current-page": %d, "page-size": 2, "next-page": %s,
                                 "total-pages": 2, "total-count": 3}}}"""
        .formatted(data, number, number, next);
  }

  private WebhookAdmin admin() {
    return new WebhookAdmin(baseUrl, "endpoints-token", "autoscale-token");
  }

  @Test
  void registersAnEndpoint() {
    assertEquals(
        Optional.of("ep-1"),
        admin().register("acc-1", "Orders", "https://hooks.example.com/orders"));

    Received request = received.get(0);
    assertEquals("Bearer endpoints-token", request.authorization());
    assertTrue(
        request
            .body()
            .startsWith(
                "{\"data\":{\"type\":\"endpoints\",\"attributes\":"
                    + "{\"name\":\"Orders\",\"url\":\"https://hooks.example.com/orders\""),
        request.body());
    assertTrue(request.body().contains("\"relationships\":{\"account\":{\"data\":{"));
    assertTrue(request.body().contains("\"id\":\"acc-1\""), request.body());
  }

  @Test
  void refusedRegistrationIsEmpty() {
    assertEquals(
        Optional.empty(), admin().register("acc-1", "Orders", "http://hooks.example.com/orders"));
  }

  @Test
  void listsEndpointNamesOverAllPages() {
    assertEquals(List.of("Billing", "Inventory", "Orders"), admin().endpointNames());

    assertEquals(2, received.size());
    assertTrue(received.get(0).uri().getQuery().contains("sort=name"));
  }

  @Test
  void findsAWebhook() {
    assertEquals(Optional.of("PagerDuty"), admin().webhookName(TENANT, GROUP, POLICY, WEBHOOK));
  }

  @Test
  void unknownWebhookIsEmpty() {
    assertEquals(
        Optional.empty(),
        admin().webhookName(TENANT, GROUP, POLICY, "00000000-0000-0000-0000-000000000009"));
  }

  @Test
  void otherErrorsAreThrownParsed() {
    AutoscaleApiException e =
        assertThrows(
            AutoscaleApiException.class,
            () -> admin().webhookName("700001", GROUP, POLICY, WEBHOOK));

    assertEquals(403, e.status());
    assertEquals(Optional.of(ErrorType.FORBIDDEN), e.type());
  }

  @Test
  void mainRunsAgainstTheGivenServer() {
    PrintStream stdout = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      WebhookAdmin.main(new String[] {baseUrl.toString()});
    } finally {
      System.setOut(stdout);
    }

    assertEquals(
        List.of(
            "registered ep-1",
            "endpoint Billing",
            "endpoint Inventory",
            "endpoint Orders",
            "webhook PagerDuty"),
        printed.toString(StandardCharsets.UTF_8).lines().toList());
  }
}
