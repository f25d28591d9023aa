package io.hookwire.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookwire.client.ClientJsonMapper;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openapitools.jackson.nullable.JsonNullableJackson3Module;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every named example of every spec goes through the models the generator made for its schema, in
 * the server and in the client, and comes out as the spec wrote it: absent stays absent, an
 * explicit null stays null. This proves the generation options and mappers keep what the specs say.
 */
class GeneratedModelsRoundTripTest {

  /** The specs, each with the package segment its generated code lives in. */
  private static final Map<String, String> SPECS =
      Map.of(
          "endpoints.yaml",
          "endpoints",
          "autoscale.yaml",
          "autoscale",
          "operator.yaml",
          "operator");

  /** Strict, as the server reads requests: unknown members are refused. */
  private static final JsonMapper SERVER_MAPPER =
      JsonMapper.builder()
          .addModule(new JsonNullableJackson3Module())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private static final JsonMapper CLIENT_MAPPER = ClientJsonMapper.create();

  enum Side {
    SERVER,
    CLIENT
  }

  enum Direction {
    REQUEST,
    RESPONSE
  }

  static Stream<Arguments> examples() {
    List<Arguments> examples = new ArrayList<>();
    SPECS.forEach(
        (file, api) -> {
          OpenAPI spec = parse(file);
          bodies(spec, Direction.REQUEST)
              .forEach(media -> addExamples(examples, spec, api, Direction.REQUEST, media));
          Stream.concat(
                  bodies(spec, Direction.RESPONSE),
                  spec.getComponents().getResponses().values().stream()
                      .map(response -> response.getContent())
                      .filter(Objects::nonNull)
                      .flatMap(content -> content.values().stream()))
              .forEach(media -> addExamples(examples, spec, api, Direction.RESPONSE, media));
        });
    return examples.stream();
  }

  @ParameterizedTest(name = "{0} {1} {2}: {4}")
  @MethodSource("examples")
  void exampleSurvivesTheGeneratedModel(
      String api, Side side, Direction direction, JavaType type, String name, JsonNode example) {
    JsonMapper mapper = side == Side.SERVER ? SERVER_MAPPER : CLIENT_MAPPER;

    Object model = mapper.readValue(example.toString(), type);
    // Read back from text so that numbers compare by value, whatever Java type held them.
    JsonNode written = mapper.readTree(mapper.writeValueAsString(model));

    if (direction == Direction.REQUEST) {
      // Request models start from the schema's defaults, which may show; nothing sent is lost.
      assertContains(written, example, "");
    } else {
      assertThat(written).isEqualTo(example);
    }
  }

  private static void assertContains(JsonNode actual, JsonNode expected, String pointer) {
    if (expected.isObject() && actual.isObject()) {
      expected
          .properties()
          .forEach(
              member ->
                  assertContains(
                      actual.path(member.getKey()),
                      member.getValue(),
                      pointer + "/" + member.getKey()));
    } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
      for (int i = 0; i < expected.size(); i++) {
        assertContains(actual.get(i), expected.get(i), pointer + "/" + i);
      }
    } else {
      assertThat(actual).as(pointer).isEqualTo(expected);
    }
  }

  private static void addExamples(
      List<Arguments> examples, OpenAPI spec, String api, Direction direction, MediaType media) {
    if (media.getExamples() == null) {
      return;
    }
    media
        .getExamples()
        .forEach(
            (name, example) -> {
              JsonNode value =
                  SERVER_MAPPER.readTree(Json.pretty(resolve(spec, example).getValue()));
              for (Side side : Side.values()) {
                JavaType type = javaType(spec, api, side, media.getSchema());
                examples.add(Arguments.of(api, side, direction, type, name, value));
              }
            });
  }

  /** The generated type of a schema: its model class, or a list of the model of its items. */
  private static JavaType javaType(OpenAPI spec, String api, Side side, Schema<?> schema) {
    String name = schemaName(schema);
    Schema<?> component = spec.getComponents().getSchemas().get(name);
    if ("array".equals(component.getType())) {
      return SERVER_MAPPER
          .getTypeFactory()
          .constructCollectionType(List.class, model(api, side, schemaName(component.getItems())));
    }
    return SERVER_MAPPER.constructType(model(api, side, name));
  }

  private static Class<?> model(String api, Side side, String schemaName) {
    String className =
        "io.hookwire." + side.name().toLowerCase() + "." + api + ".model." + schemaName;
    try {
      return Class.forName(className);
    } catch (ClassNotFoundException e) {
      throw new AssertionError("no generated model " + className, e);
    }
  }

  private static String schemaName(Schema<?> schema) {
    return schema.get$ref().substring("#/components/schemas/".length());
  }

  private static Stream<MediaType> bodies(OpenAPI spec, Direction direction) {
    return spec.getPaths().values().stream()
        .map(PathItem::readOperations)
        .flatMap(List::stream)
        .flatMap(op -> contents(op, direction))
        .filter(Objects::nonNull)
        .flatMap(content -> content.values().stream());
  }

  private static Stream<Content> contents(Operation op, Direction direction) {
    if (direction == Direction.REQUEST) {
      return op.getRequestBody() == null
          ? Stream.empty()
          : Stream.of(op.getRequestBody().getContent());
    }
    return op.getResponses().values().stream().map(response -> response.getContent());
  }

  /** Resolves an example given as a reference to components/examples. */
  private static Example resolve(OpenAPI spec, Example example) {
    if (example.get$ref() == null) {
      return example;
    }
    String name = example.get$ref().substring("#/components/examples/".length());
    return spec.getComponents().getExamples().get(name);
  }

  private static OpenAPI parse(String file) {
    ParseOptions options = new ParseOptions();
    options.setResolve(false);
    String location =
        Objects.requireNonNull(
                GeneratedModelsRoundTripTest.class.getResource("/openapi/" + file),
                "spec on the classpath: " + file)
            .toString();
    var result = new OpenAPIV3Parser().readLocation(location, null, options);
    assertThat(result.getMessages()).isEmpty();
    return result.getOpenAPI();
  }
}
