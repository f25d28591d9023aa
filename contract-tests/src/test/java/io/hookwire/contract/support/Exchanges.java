package io.hookwire.contract.support;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks every exchange of the suite against the spec of the API it went to, and records which
 * documented operation × status pairs the server answered. A response that breaks its spec fails
 * the test; so does a request the spec forbids that the server nevertheless accepted (2xx). A
 * request the server refused may break the spec: the suite sends such requests on purpose.
 */
public final class Exchanges {

  /**
   * Operations whose spec says that a request body sent to them is ignored: their request is
   * checked without it, so that accepting one is no violation.
   */
  private static final Set<String> IGNORING_BODIES = Set.of("createUserToken", "executeCapability");

  /**
   * APIs whose spec says every answer is JSON whatever the request's {@code Accept}: their requests
   * are checked without it, so that answering one that excludes JSON is no violation.
   */
  private static final Set<Api> IGNORING_ACCEPT = Set.of(Api.AUTOSCALE);

  private Exchanges() {}

  /**
   * One exchange as it went over the wire.
   *
   * @param method the request method
   * @param uri the request URL
   * @param requestHeaders the request headers
   * @param requestBody the request body, empty when there is none
   * @param status the response status
   * @param responseHeaders the response headers
   * @param responseBody the response body, empty when there is none
   */
  public record Exchange(
      String method,
      URI uri,
      Map<String, List<String>> requestHeaders,
      String requestBody,
      int status,
      Map<String, List<String>> responseHeaders,
      String responseBody) {}

  /**
   * Validates the exchange and records its coverage.
   *
   * @param exchange what went over the wire
   * @throws AssertionError when the exchange breaks the spec
   */
  public static void check(Exchange exchange) {
    String path = exchange.uri().getPath();
    Optional<SpecOperation> operation = Specs.find(exchange.method(), path);
    List<SpecOperation> onPath = Specs.onPath(path);
    if (operation.isEmpty() && (onPath.isEmpty() || exchange.status() != 405)) {
      return; // a route no spec declares: nothing to check it against
    }
    // A method the path does not have: its 405 is checked against the path's operations.
    SpecOperation target = operation.orElse(onPath.get(0));
    var validator = Specs.validator(target.api());
    StringBuilder violations = new StringBuilder();
    if (operation.isPresent() && exchange.status() / 100 == 2) {
      append(violations, "request", validator.validateRequest(request(exchange, target)));
    }
    append(
        violations,
        "response",
        validator.validateResponse(
            path, Request.Method.valueOf(target.method()), response(exchange)));
    if (!violations.isEmpty()) {
      throw new AssertionError(
          exchange.method()
              + " "
              + exchange.uri()
              + " answered "
              + exchange.status()
              + " breaks "
              + target.api().specFile()
              + ":"
              + violations
              + "\nresponse body: "
              + exchange.responseBody());
    }
    (operation.isPresent() ? List.of(target) : onPath)
        .forEach(op -> Coverage.record(op, exchange.status()));
  }

  private static Request request(Exchange exchange, SpecOperation target) {
    SimpleRequest.Builder request =
        new SimpleRequest.Builder(exchange.method(), exchange.uri().getPath());
    boolean acceptIgnored = IGNORING_ACCEPT.contains(target.api());
    exchange.requestHeaders().entrySet().stream()
        .filter(header -> !(acceptIgnored && header.getKey().equalsIgnoreCase("Accept")))
        .forEach(header -> request.withHeader(header.getKey(), header.getValue()));
    if (!exchange.requestBody().isEmpty() && !IGNORING_BODIES.contains(target.operationId())) {
      request.withBody(exchange.requestBody());
    }
    query(exchange.uri()).forEach(request::withQueryParam);
    return request.build();
  }

  private static SimpleResponse response(Exchange exchange) {
    SimpleResponse.Builder response = SimpleResponse.Builder.status(exchange.status());
    exchange.responseHeaders().forEach(response::withHeader);
    if (!exchange.responseBody().isEmpty()) {
      response.withBody(exchange.responseBody());
    }
    return response.build();
  }

  private static Map<String, List<String>> query(URI uri) {
    String raw = uri.getRawQuery();
    if (raw == null || raw.isEmpty()) {
      return Map.of();
    }
    return java.util.Arrays.stream(raw.split("&"))
        .map(pair -> pair.split("=", 2))
        .collect(
            Collectors.groupingBy(
                pair -> decode(pair[0]),
                java.util.LinkedHashMap::new,
                Collectors.mapping(
                    pair -> pair.length > 1 ? decode(pair[1]) : "", Collectors.toList())));
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  private static void append(StringBuilder violations, String part, ValidationReport report) {
    report.getMessages().stream()
        .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
        .forEach(
            message ->
                violations
                    .append("\n  ")
                    .append(part)
                    .append(": [")
                    .append(message.getKey())
                    .append("] ")
                    .append(message.getMessage()));
  }
}
