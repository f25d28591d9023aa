package io.hookwire.contract.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hookwire.contract.support.Api;
import io.hookwire.contract.support.ContractServer;
import io.hookwire.contract.support.Exchanges;
import io.hookwire.contract.support.RawSocket;
import io.hookwire.contract.support.SpecOperation;
import io.hookwire.contract.support.Specs;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hostile HTTP/1.1 to every operation of every API, over raw sockets: framings, versions, methods
 * and headers no client sends, and strings PostgreSQL cannot store (API notes §4). Each request is
 * well formed but for one thing, goes to live resources with a caller allowed to use them, and must
 * be refused with its status, in its API's own error format, without echoing the request, and
 * without storing or changing anything: the GET of what it names reads the same before and after.
 * The build runs it on H2 and again, in a second Surefire execution, on PostgreSQL.
 */
class HostileRequestsContractTest {

  private static final List<String> TRANSFER_CODINGS =
      List.of("xchunked", "gzip, chunked", "identity");
  private static final List<String> VERSIONS = List.of("HTTP/2.0", "HTTP/9.9");
  private static final String LAST_CHUNK = "0\r\n\r\n";

  /**
   * Objects whose keys the client chooses (Auto Scale metadata): a key is a string it sends too.
   */
  private static final String FREE_FORM = "metadata";

  /** Marks where the unstorable text goes, so that it is written as a JSON escape. */
  private static final String MARKER = "~unstorable~";

  private static final String SECRET =
      "hw_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(32));
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static LiveResources live;

  /** Bodies whose framing is broken; each would be a valid request if its framing were not. */
  enum Framing {
    CHUNK_SIZE_NOT_HEX,
    CHUNK_SIZE_OVERFLOWING,
    CHUNK_LONGER_THAN_DECLARED,
    LAST_CHUNK_MISSING_THEN_CLOSED,
    SHORTER_THAN_CONTENT_LENGTH_THEN_CLOSED,
    SHORTER_THAN_CONTENT_LENGTH_LEFT_OPEN
  }

  /** Text PostgreSQL cannot store exactly, as the JSON escape a client sends. */
  enum Unstorable {
    NUL("\\u0000"),
    LONE_SURROGATE("\\ud800");

    private final String escape;

    Unstorable(String escape) {
      this.escape = escape;
    }
  }

  /**
   * A string of a request body.
   *
   * @param pointer where it is, as a JSON pointer
   * @param key whether it is the key of the member there rather than its value
   */
  record Spot(String pointer, boolean key) {
    @Override
    public String toString() {
      return key ? "key " + pointer : pointer;
    }
  }

  @BeforeAll
  static void provision() {
    assumeTrue(
        ContractServer.get().baseUrl().getScheme().equals("http"), "raw sockets speak plain HTTP");
    live = new LiveResources();
  }

  static Stream<SpecOperation> operations() {
    return Specs.operations().stream();
  }

  static Stream<SpecOperation> takingBodies() {
    return operations().filter(op -> op.requestExample().isPresent());
  }

  /** One operation of each path, for what concerns the path rather than an operation: methods. */
  static Stream<SpecOperation> paths() {
    Map<String, SpecOperation> first = new LinkedHashMap<>();
    operations().forEach(op -> first.putIfAbsent(op.pathTemplate(), op));
    return first.values().stream();
  }

  static Stream<Arguments> transferCodings() {
    return operations().flatMap(op -> TRANSFER_CODINGS.stream().map(te -> Arguments.of(op, te)));
  }

  static Stream<Arguments> versions() {
    return operations().flatMap(op -> VERSIONS.stream().map(version -> Arguments.of(op, version)));
  }

  static Stream<Arguments> brokenFramings() {
    return takingBodies()
        .flatMap(op -> Arrays.stream(Framing.values()).map(framing -> Arguments.of(op, framing)));
  }

  /** Every path, and the capability path with its trailing slash. */
  static Stream<Arguments> tracedPaths() {
    return Stream.concat(
        paths().map(op -> Arguments.of(op, "")),
        Stream.of(Arguments.of(operation("executeCapability"), "/")));
  }

  static Stream<Arguments> unstorableStrings() {
    return takingBodies()
        .flatMap(
            op ->
                spots(JSON.readTree(op.requestExample().orElseThrow()), "").stream()
                    .flatMap(
                        spot ->
                            Arrays.stream(Unstorable.values())
                                .map(text -> Arguments.of(op, spot, text))));
  }

  /**
   * Every member of each request example whose value is not a string, and the nullable members the
   * first examples leave out: a JSON reader may take a blank string there for "absent" or null.
   */
  static Stream<Arguments> blankStrings() {
    Stream<Arguments> inExamples =
        takingBodies()
            .flatMap(
                op ->
                    notStrings(JSON.readTree(op.requestExample().orElseThrow()), "").stream()
                        .map(pointer -> Arguments.of(op, pointer)));
    Stream<Arguments> leftOut =
        Stream.of(
            Arguments.of(operation("createUser"), "/environment_ids"),
            Arguments.of(operation("updateEndpoint"), "/data/relationships/environment/data"));
    return Stream.concat(inExamples, leftOut)
        .flatMap(
            arguments ->
                Stream.of("", "  ")
                    .map(blank -> Arguments.of(arguments.get()[0], arguments.get()[1], blank)));
  }

  static Stream<Arguments> nulQueries() {
    return Stream.of(
        Arguments.of(operation("listEndpoints"), "query=%00"),
        Arguments.of(operation("listEndpoints"), "filter[account]=%00"),
        Arguments.of(operation("listEndpoints"), "filter[environment]=%00"),
        Arguments.of(operation("listWebhooks"), "marker=%00"),
        Arguments.of(operation("listPolicies"), "marker=a%00"));
  }

  @ParameterizedTest(name = "{0} Transfer-Encoding: {1}")
  @MethodSource("transferCodings")
  void refusesATransferCodingOtherThanChunked(SpecOperation operation, String coding) {
    String body = operation.requestExample().isPresent() ? live.body(operation) : "{}";
    var request =
        typed(operation, authorised(operation, operation.method()))
            .header("Transfer-Encoding", coding)
            .body(chunk(hex(body), body) + LAST_CHUNK);

    refused(operation, request, 400);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("paths")
  void refusesConnect(SpecOperation path) {
    var answer = refused(path, authorised(path, "CONNECT"), 405);

    assertThat(answer.header("Allow")).hasValueSatisfying(allow -> assertThat(allow).isNotBlank());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("versions")
  void refusesAnotherHttpVersion(SpecOperation operation, String version) {
    refused(operation, wellFormed(operation).version(version), 400);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("brokenFramings")
  void refusesABrokenBody(SpecOperation operation, Framing framing) {
    String body = live.body(operation);
    var request = typed(operation, authorised(operation, operation.method()));
    String tooLong = String.valueOf(length(body) + 10);
    switch (framing) {
      case CHUNK_SIZE_NOT_HEX -> chunked(request, chunk("zz", body) + LAST_CHUNK);
      case CHUNK_SIZE_OVERFLOWING ->
          chunked(request, chunk("ffffffffffffffffffff", body) + LAST_CHUNK);
      case CHUNK_LONGER_THAN_DECLARED ->
          chunked(request, chunk(Integer.toHexString(length(body) / 2), body) + LAST_CHUNK);
      case LAST_CHUNK_MISSING_THEN_CLOSED -> chunked(request, chunk(hex(body), body)).halfClose();
      case SHORTER_THAN_CONTENT_LENGTH_THEN_CLOSED ->
          request.header("Content-Length", tooLong).body(body).halfClose();
      // The server's read timeout (1 s on the embedded server) ends this one.
      case SHORTER_THAN_CONTENT_LENGTH_LEFT_OPEN ->
          request.header("Content-Length", tooLong).body(body);
    }

    refused(operation, request, 400);
  }

  /** The embedded server configures no public base URL: links would be built from this Host. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void refusesAnEmptyHost(SpecOperation operation) {
    refused(operation, wellFormed(operation).header("Host", ""), 400);
  }

  @ParameterizedTest(name = "{0}{1}")
  @MethodSource("tracedPaths")
  void refusesTraceWithoutEchoingIt(SpecOperation path, String suffix) {
    var request = authorised(path, "TRACE", live.path(path) + suffix);

    var answer = refused(path, withSecrets(request), 405);

    assertThat(answer.header("Allow")).hasValueSatisfying(allow -> assertThat(allow).isNotBlank());
  }

  /**
   * {@code /nope} belongs to no API: it is answered in the operator API's problem format. Under
   * {@code /v1.0/} the unknown path is in the caller's own tenant: another tenant's path is 403.
   */
  @ParameterizedTest
  @ValueSource(strings = {"/nope", "/v1.0/{tenantId}/nope", "/api/iacp/v3/nope"})
  void answersTraceOnAnUnknownPathWithoutEchoingIt(String template) {
    var credentials = live.credentials(apiOf(template));
    var request =
        RawSocket.request("TRACE", live.path(template))
            .header(credentials.getKey(), credentials.getValue());

    refused(Optional.empty(), withSecrets(request), 404);
  }

  /**
   * Each API refuses such text as it refuses any invalid value at that spot: an Endpoints attribute
   * or relationship is 422, {@code data.type} 409 and {@code data.id} 400; Auto Scale says {@code
   * ValidationError}, the operator API 422. The JSON reader itself refuses an unpaired surrogate in
   * a member name, as not JSON.
   */
  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("unstorableStrings")
  void refusesAStringPostgresqlCannotStore(SpecOperation operation, Spot spot, Unstorable text) {
    var request = withBody(operation, spoil(live.body(operation), spot, text));
    boolean notJson = spot.key() && text == Unstorable.LONE_SURROGATE;

    switch (operation.api()) {
      case ENDPOINTS -> {
        if (spot.pointer().equals("/data/type")) {
          refused(operation, request, 409);
        } else if (spot.pointer().equals("/data/id")) {
          assertThat(firstTitle(refused(operation, request, 400))).isEqualTo("Invalid Document");
        } else {
          assertThat(refused(operation, request, 422).json().get("errors").values())
              .anySatisfy(
                  error -> {
                    assertThat(error.at("/title").asString()).isEqualTo("Invalid Attribute");
                    assertThat(error.at("/source/pointer").asString()).isEqualTo(spot.pointer());
                  });
        }
      }
      case AUTOSCALE ->
          assertThat(refused(operation, request, 400).json().at("/error/type").asString())
              .isEqualTo(notJson ? "InvalidJsonError" : "ValidationError");
      case OPERATOR -> refused(operation, request, 422);
    }
  }

  /**
   * A blank string is a string: where the spec wants a number, boolean, array, object or null, it
   * is refused as any value of the wrong type, never read as absent or null.
   */
  @ParameterizedTest(name = "{0} {1} \"{2}\"")
  @MethodSource("blankStrings")
  void refusesABlankStringForAValueOfAnotherType(
      SpecOperation operation, String pointer, String blank) {
    JsonNode body = JSON.readTree(live.body(operation));
    JsonPointer at = JsonPointer.compile(pointer);
    if (body.at(at.head()) instanceof ArrayNode array) {
      array.set(at.last().getMatchingIndex(), NODES.stringNode(blank));
    } else if (body.at(at.head()) instanceof ObjectNode object) {
      object.put(at.last().getMatchingProperty(), blank);
    } else {
      body.withObject(at.head().toString()).put(at.last().getMatchingProperty(), blank);
    }

    var request = withBody(operation, JSON.writeValueAsString(body));

    switch (operation.api()) {
      case ENDPOINTS -> {
        if (pointer.equals("/data")) {
          assertThat(firstTitle(refused(operation, request, 400))).isEqualTo("Invalid Document");
        } else {
          assertThat(
                  refused(operation, request, 422).json().at("/errors/0/source/pointer").asString())
              .isEqualTo(pointer);
        }
      }
      case AUTOSCALE ->
          assertThat(refused(operation, request, 400).json().at("/error/type").asString())
              .isEqualTo("ValidationError");
      case OPERATOR ->
          assertThat(refused(operation, request, 400).json().at("/errors/0/pointer").asString())
              .isEqualTo(pointer);
    }
  }

  private static String firstTitle(RawSocket.Answer answer) {
    return answer.json().at("/errors/0/title").asString();
  }

  @ParameterizedTest(name = "{0} ?{1}")
  @MethodSource("nulQueries")
  void refusesNulInAQueryValue(SpecOperation operation, String query) {
    var request = authorised(operation, "GET", live.path(operation) + "?" + query);

    var answer = refused(operation, request, 400);

    if (operation.api() == Api.AUTOSCALE) {
      assertThat(answer.json().at("/error/type").asString()).isEqualTo("InvalidQueryArgument");
    }
  }

  private static RawSocket.Answer refused(SpecOperation operation, RawSocket request, int status) {
    return refused(reader(operation), request, status);
  }

  /**
   * Sends the request and asserts together what every case requires: the status, the API's error
   * format, no echo, and that what the request names reads the same after it as before. When it
   * does not, the live resources are provisioned again, so that the next case is unharmed.
   */
  private static RawSocket.Answer refused(
      Optional<SpecOperation> reader, RawSocket request, int status) {
    String before = read(reader);
    RawSocket.Answer answer;
    String after;
    try {
      answer = request.send();
    } finally {
      after = read(reader);
      if (!after.equals(before)) {
        live = new LiveResources();
      }
    }
    SoftAssertions.assertSoftly(
        softly -> {
          softly.assertThat(answer.status()).as("status").isEqualTo(status);
          softly.check(() -> Exchanges.check(answer.exchange()));
          softly.check(() -> assertErrorFormat(apiOf(request.target()), answer));
          softly.check(() -> assertNoEcho(request, answer));
          softly
              .assertThat(after)
              .as("%s after the request", reader.map(String::valueOf).orElse(""))
              .isEqualTo(before);
        });
    return answer;
  }

  private static void assertErrorFormat(Api api, RawSocket.Answer answer) {
    String mediaType =
        switch (api) {
          case ENDPOINTS -> "application/vnd.api+json";
          case AUTOSCALE -> "application/json";
          case OPERATOR -> "application/problem+json";
        };
    assertThat(answer.header("Content-Type"))
        .as("Content-Type")
        .hasValueSatisfying(type -> assertThat(type).startsWith(mediaType));
    JsonNode body = answer.json();
    int status = answer.status();
    switch (api) {
      case ENDPOINTS ->
          assertThat(body.at("/errors/0/status"))
              .as("errors[0].status")
              .isEqualTo(NODES.stringNode(String.valueOf(status)));
      case AUTOSCALE -> {
        assertThat(body.at("/error/type").asString()).as("error.type").isNotBlank();
        assertThat(body.at("/error/code")).as("error.code").isEqualTo(NODES.numberNode(status));
        assertThat(body.at("/error/message").isString()).as("error.message is a string").isTrue();
        assertThat(body.at("/error/details")).as("error.details").isEqualTo(NODES.stringNode(""));
        assertThat(answer.header("X-Response-Id")).as("X-Response-Id").isPresent();
      }
      case OPERATOR ->
          assertThat(body.at("/status")).as("status").isEqualTo(NODES.numberNode(status));
    }
  }

  private static void assertNoEcho(RawSocket request, RawSocket.Answer answer) {
    assertThat(answer.raw()).doesNotContain(request.requestLine());
    Stream.of("Authorization", "X-Auth-Token")
        .flatMap(name -> request.header(name).stream())
        .map(value -> value.replaceFirst("^Bearer ", ""))
        .forEach(
            secret -> assertThat(answer.raw()).as("echoes a credential").doesNotContain(secret));
  }

  /**
   * The GET that shows what an operation would store or change: on its own path, else on its
   * collection; for a capability, its policy with the executions it counts.
   */
  private static Optional<SpecOperation> reader(SpecOperation operation) {
    if (operation.operationId().equals("executeCapability")) {
      return Optional.of(operation("getScalingPolicy"));
    }
    String path = operation.pathTemplate();
    return Stream.of(path, path.substring(0, path.lastIndexOf('/')))
        .flatMap(
            template ->
                operations()
                    .filter(op -> op.method().equals("GET") && op.pathTemplate().equals(template)))
        .findFirst();
  }

  private static String read(Optional<SpecOperation> reader) {
    return reader
        .map(op -> live.authorised(op, "GET").send())
        .map(answer -> answer.status() + " " + answer.body())
        .orElse("");
  }

  /** Paths of no API are answered in the operator API's problem format. */
  private static Api apiOf(String target) {
    String path = target.replaceFirst("\\?.*", "");
    return Arrays.stream(Api.values())
        .filter(api -> api.owns(path))
        .findFirst()
        .orElse(Api.OPERATOR);
  }

  private static SpecOperation operation(String operationId) {
    return operations()
        .filter(op -> op.operationId().equals(operationId))
        .findFirst()
        .orElseThrow();
  }

  /** The operation's request as a client sends it: credentials and, if it takes one, its body. */
  private static RawSocket wellFormed(SpecOperation operation) {
    return operation.requestExample().isPresent()
        ? withBody(operation, live.body(operation))
        : authorised(operation, operation.method());
  }

  private static RawSocket withBody(SpecOperation operation, String body) {
    return typed(operation, authorised(operation, operation.method()))
        .header("Content-Length", String.valueOf(length(body)))
        .body(body);
  }

  private static RawSocket authorised(SpecOperation operation, String method) {
    return authorised(operation, method, live.path(operation));
  }

  private static RawSocket authorised(SpecOperation operation, String method, String target) {
    RawSocket request = RawSocket.request(method, target);
    live.credentials(operation)
        .ifPresent(header -> request.header(header.getKey(), header.getValue()));
    return request;
  }

  private static RawSocket typed(SpecOperation operation, RawSocket request) {
    return request.header(
        "Content-Type",
        operation.api() == Api.ENDPOINTS ? "application/vnd.api+json" : "application/json");
  }

  /** Both kinds of credentials, the API's own real, the other secret-looking, to catch an echo. */
  private static RawSocket withSecrets(RawSocket request) {
    if (request.header("Authorization").isEmpty()) {
      request.header("Authorization", "Bearer " + SECRET);
    }
    if (request.header("X-Auth-Token").isEmpty()) {
      request.header("X-Auth-Token", SECRET);
    }
    return request;
  }

  private static RawSocket chunked(RawSocket request, String framed) {
    return request.header("Transfer-Encoding", "chunked").body(framed);
  }

  private static String chunk(String size, String data) {
    return size + "\r\n" + data + "\r\n";
  }

  private static String hex(String data) {
    return Integer.toHexString(length(data));
  }

  private static int length(String data) {
    return data.getBytes(StandardCharsets.UTF_8).length;
  }

  /** The pointers of the members below the node whose values are not strings. */
  private static List<String> notStrings(JsonNode node, String pointer) {
    Map<String, JsonNode> members = new LinkedHashMap<>();
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        members.put(pointer + "/" + i, node.get(i));
      }
    } else {
      node.properties()
          .forEach(member -> members.put(pointer + "/" + member.getKey(), member.getValue()));
    }
    List<String> pointers = new ArrayList<>();
    members.forEach(
        (at, value) -> {
          if (!value.isString()) {
            pointers.add(at);
            pointers.addAll(notStrings(value, at));
          }
        });
    return pointers;
  }

  private static List<Spot> spots(JsonNode node, String pointer) {
    List<Spot> spots = new ArrayList<>();
    if (node.isString()) {
      spots.add(new Spot(pointer, false));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        spots.addAll(spots(node.get(i), pointer + "/" + i));
      }
    } else if (node.isObject()) {
      for (var member : node.properties()) {
        String at = pointer + "/" + member.getKey().replace("~", "~0").replace("/", "~1");
        if (pointer.endsWith("/" + FREE_FORM)) {
          spots.add(new Spot(at, true));
        }
        spots.addAll(spots(member.getValue(), at));
      }
    }
    return spots;
  }

  /** The body with the unstorable text in the middle of the string at the spot. */
  private static String spoil(String body, Spot spot, Unstorable text) {
    JsonNode root = JSON.readTree(body);
    JsonPointer pointer = JsonPointer.compile(spot.pointer());
    JsonNode parent = root.at(pointer.head());
    if (parent instanceof ArrayNode array) {
      int index = pointer.last().getMatchingIndex();
      array.set(index, NODES.stringNode(marked(array.get(index).stringValue())));
    } else {
      ObjectNode object = (ObjectNode) parent;
      String name = pointer.last().getMatchingProperty();
      if (spot.key()) {
        object.set(marked(name), object.remove(name));
      } else {
        object.put(name, marked(object.get(name).stringValue()));
      }
    }
    return JSON.writeValueAsString(root).replace(MARKER, text.escape);
  }

  private static String marked(String text) {
    int middle = text.length() / 2;
    return text.substring(0, middle) + MARKER + text.substring(middle);
  }
}
