package io.hookwire.client;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
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

/** A local HTTP server on port 0 that answers with canned responses and records the requests. */
final class StubServer implements AutoCloseable {

  record Request(String method, URI uri, Headers headers, String body) {
    String header(String name) {
      return headers.getFirst(name);
    }
  }

  record Response(int status, Map<String, String> headers, String body) {
    static Response json(int status, String contentType, String body) {
      return new Response(status, Map.of("Content-Type", contentType), body);
    }
  }

  private final HttpServer server;
  private final List<Request> requests = new ArrayList<>();
  private final Deque<Response> queued = new ArrayDeque<>();
  private Function<Request, Response> fallback =
      request -> new Response(500, Map.of(), "no canned response");

  StubServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
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
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Request request =
        new Request(
            exchange.getRequestMethod(),
            exchange.getRequestURI(),
            exchange.getRequestHeaders(),
            body);
    Response response;
    synchronized (this) {
      requests.add(request);
      response = queued.isEmpty() ? fallback.apply(request) : queued.poll();
    }
    byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
    response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
