package io.hookwire.client;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A local HTTP server on port 0 that answers with canned responses and records the requests; a
 * test's {@code @RegisterExtension} field, stopped after each test.
 */
final class StubServer implements AfterEachCallback {

  record Request(String method, URI uri, Headers headers, String body) {
    static Request read(HttpExchange exchange) throws IOException {
      byte[] body = exchange.getRequestBody().readAllBytes();
      return new Request(
          exchange.getRequestMethod(),
          exchange.getRequestURI(),
          exchange.getRequestHeaders(),
          new String(body, StandardCharsets.UTF_8));
    }

    String header(String name) {
      return headers.getFirst(name);
    }
  }

  record Response(int status, Map<String, String> headers, String body) {
    static Response json(int status, String contentType, String body) {
      return new Response(status, Map.of("Content-Type", contentType), body);
    }

    void writeTo(HttpExchange exchange) throws IOException {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
      exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private final HttpServer server;
  private final List<Request> requests = new ArrayList<>();
  private final Deque<Response> queued = new ArrayDeque<>();
  private Function<Request, Response> fallback =
      request -> new Response(500, Map.of(), "no canned response");

  StubServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("the stub server did not start", e);
    }
    server.createContext("/", this::handle);
    server.start();
  }

  URI baseUrl() {
    return URI.create("http://localhost:" + server.getAddress().getPort());
  }

  /** Answers the next requests, in order, with these responses. */
  synchronized StubServer enqueue(Response... responses) {
    queued.addAll(List.of(responses));
    return this;
  }

  /** Answers requests when no response is queued. */
  synchronized StubServer otherwise(Function<Request, Response> answer) {
    fallback = answer;
    return this;
  }

  synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  synchronized Request lastRequest() {
    return requests.get(requests.size() - 1);
  }

  private void handle(HttpExchange exchange) throws IOException {
    Request request = Request.read(exchange);
    Response response;
    synchronized (this) {
      requests.add(request);
      response = queued.isEmpty() ? fallback.apply(request) : queued.poll();
    }
    response.writeTo(exchange);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    server.stop(0);
  }
}
