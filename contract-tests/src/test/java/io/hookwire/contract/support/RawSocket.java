package io.hookwire.contract.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP/1.1 written byte for byte on a plain socket, for what no HTTP client sends: unknown transfer
 * codings, broken chunks, bodies that end early, other protocol versions, an empty {@code Host},
 * {@code CONNECT}. Nothing is added but {@code Host} and {@code Connection: close}; the body goes
 * out as given, framing included. The answer is parsed strictly (status line, headers, body by
 * {@code Content-Length} or chunked coding, else up to the close), and a server that does not
 * answer within 10 seconds fails the test instead of blocking it. Well-formed requests go through
 * {@link RawHttp}.
 *
 * <pre>{@code
 * RawSocket.request("POST", "/operator/v1/accounts")
 *     .header("Transfer-Encoding", "chunked")
 *     .body("zz\r\n{}\r\n0\r\n\r\n")
 *     .send();
 * }</pre>
 */
public final class RawSocket {

  private static final int TIMEOUT_MILLIS = 10_000;
  private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[01] (\\d{3})(?: .*)?");

  private final String method;
  private final String target;
  private final Map<String, List<String>> headers = new LinkedHashMap<>();
  private String version = "HTTP/1.1";
  private String body = "";
  private boolean halfClose;

  private RawSocket(String method, String target) {
    this.method = method;
    this.target = target;
    URI server = ContractServer.get().baseUrl();
    header("Host", server.getAuthority());
    header("Connection", "close");
  }

  /**
   * @param method the method, sent as given
   * @param target the request target, sent as given, e.g. {@code /api/iacp/v3/endpoints?query=%00}
   * @return a request to the server under test
   */
  public static RawSocket request(String method, String target) {
    return new RawSocket(method, target);
  }

  /**
   * @param version what the request line ends with instead of {@code HTTP/1.1}
   * @return this request
   */
  public RawSocket version(String version) {
    this.version = version;
    return this;
  }

  /**
   * @param name a header name
   * @param value its value, which replaces any earlier one (also of {@code Host})
   * @return this request
   */
  public RawSocket header(String name, String value) {
    headers.put(name, List.of(value));
    return this;
  }

  /**
   * @param name a header name
   * @return its value, if the request has it
   */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name)).map(values -> values.get(0));
  }

  /**
   * @param framed what follows the headers, sent as given (UTF-8): no {@code Content-Length} or
   *     chunking is added
   * @return this request
   */
  public RawSocket body(String framed) {
    this.body = framed;
    return this;
  }

  /**
   * @return this request, after which the socket's write side is shut down (the server reads an end
   *     of stream)
   */
  public RawSocket halfClose() {
    this.halfClose = true;
    return this;
  }

  /**
   * @return the request target, e.g. {@code /v1.0/nope}
   */
  public String target() {
    return target;
  }

  /**
   * @return the request line, without its line end
   */
  public String requestLine() {
    return method + " " + target + " " + version;
  }

  /**
   * @return the server's answer, not yet checked against the spec (see {@link Answer#exchange()})
   * @throws AssertionError when the server does not answer within 10 seconds, or closes without an
   *     answer
   */
  public Answer send() {
    StringBuilder head = new StringBuilder(requestLine()).append("\r\n");
    headers.forEach(
        (name, values) ->
            values.forEach(v -> head.append(name).append(": ").append(v).append("\r\n")));
    head.append("\r\n");
    URI server = ContractServer.get().baseUrl();
    // A test that needs bytes no client sends cannot run against a TLS deployment: skipped there.
    assumeTrue(server.getScheme().equals("http"), "raw sockets speak plain HTTP");
    int port = server.getPort() == -1 ? 80 : server.getPort();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(server.getHost(), port), TIMEOUT_MILLIS);
      socket.setSoTimeout(TIMEOUT_MILLIS);
      write(socket, head.toString());
      return read(new BufferedInputStream(socket.getInputStream()));
    } catch (SocketTimeoutException e) {
      throw new AssertionError(requestLine() + ": no answer within 10 s", e);
    } catch (IOException e) {
      throw new AssertionError(requestLine() + ": " + e, e);
    }
  }

  /** A server may answer and close before it has read everything: its answer still counts. */
  private void write(Socket socket, String head) {
    try {
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.ISO_8859_1));
      out.write(body.getBytes(StandardCharsets.UTF_8));
      out.flush();
      if (halfClose) {
        socket.shutdownOutput();
      }
    } catch (IOException refusedEarly) {
      // read what it answered
    }
  }

  private Answer read(InputStream in) throws IOException {
    ResponseReader reader = new ResponseReader(in);
    String statusLine = reader.line();
    Matcher status = STATUS_LINE.matcher(statusLine);
    if (!status.matches()) {
      throw new AssertionError(requestLine() + ": not a status line: " + statusLine);
    }
    Map<String, List<String>> responseHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String line = reader.line(); !line.isEmpty(); line = reader.line()) {
      int colon = line.indexOf(':');
      responseHeaders
          .computeIfAbsent(line.substring(0, colon).strip(), unused -> new ArrayList<>())
          .add(line.substring(colon + 1).strip());
    }
    byte[] responseBody = reader.body(responseHeaders);
    // A URI of the target as sent: brackets and a stray '%' (not an escape) written as escapes.
    URI uri =
        ContractServer.get()
            .resolve(
                target
                    .replaceAll("%(?![0-9A-Fa-f]{2})", "%25")
                    .replace("[", "%5B")
                    .replace("]", "%5D"));
    return new Answer(
        new Exchanges.Exchange(
            method,
            uri,
            headers,
            body,
            Integer.parseInt(status.group(1)),
            responseHeaders,
            new String(responseBody, StandardCharsets.UTF_8)),
        reader.raw.toString(StandardCharsets.ISO_8859_1));
  }

  /** Reads a response off the stream, keeping every byte it read. */
  private static final class ResponseReader {

    private final InputStream in;
    private final ByteArrayOutputStream raw = new ByteArrayOutputStream();

    ResponseReader(InputStream in) {
      this.in = in;
    }

    String line() throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      for (int b = next(); b != '\n'; b = next()) {
        line.write(b);
      }
      return line.toString(StandardCharsets.ISO_8859_1).replaceFirst("\r$", "");
    }

    byte[] bytes(int count) throws IOException {
      byte[] bytes = in.readNBytes(count);
      raw.writeBytes(bytes);
      if (bytes.length < count) {
        throw new EOFException("closed after " + bytes.length + " of " + count + " bytes");
      }
      return bytes;
    }

    byte[] body(Map<String, List<String>> headers) throws IOException {
      if (headers.getOrDefault("Transfer-Encoding", List.of()).contains("chunked")) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = chunkSize(); size > 0; size = chunkSize()) {
          body.writeBytes(bytes(size));
          line();
        }
        while (!line().isEmpty()) {
          // trailer fields
        }
        return body.toByteArray();
      }
      if (headers.containsKey("Content-Length")) {
        return bytes(Integer.parseInt(headers.get("Content-Length").get(0)));
      }
      byte[] rest = in.readAllBytes();
      raw.writeBytes(rest);
      return rest;
    }

    private int chunkSize() throws IOException {
      return Integer.parseInt(line().replaceFirst(";.*", "").strip(), 16);
    }

    private int next() throws IOException {
      int b = in.read();
      if (b < 0) {
        throw new EOFException(
            raw.size() == 0 ? "closed without an answer" : "closed in the middle of a line");
      }
      raw.write(b);
      return b;
    }
  }

  /**
   * A response, as parsed and as read.
   *
   * @param exchange the request and the parsed response, for {@link Exchanges#check}
   * @param raw every byte read off the socket (status line, headers, framing, body), as ISO-8859-1
   */
  public record Answer(Exchanges.Exchange exchange, String raw) {

    private static final JsonMapper JSON =
        JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    /**
     * @return the status
     */
    public int status() {
      return exchange.status();
    }

    /**
     * @param name a header name, in any case
     * @return its first value
     */
    public Optional<String> header(String name) {
      return Optional.ofNullable(exchange.responseHeaders().get(name)).map(values -> values.get(0));
    }

    /**
     * @return the body, which must be exactly one JSON document
     */
    public JsonNode json() {
      try {
        return JSON.readTree(exchange.responseBody());
      } catch (JacksonException e) {
        throw new AssertionError("not one JSON document: " + exchange.responseBody(), e);
      }
    }
  }
}
