package io.hookwire.contract.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** The three specs, read once from the classpath: their operations and their validators. */
public final class Specs {

  private static final Map<Api, OpenApiInteractionValidator> VALIDATORS = new EnumMap<>(Api.class);
  private static final List<SpecOperation> OPERATIONS = new ArrayList<>();

  static {
    for (Api api : Api.values()) {
      String text = read(api.specFile());
      VALIDATORS.put(
          api, OpenApiInteractionValidator.createForInlineApiSpecification(text).build());
      OPERATIONS.addAll(operations(api, text));
    }
  }

  private Specs() {}

  /**
   * @return every operation of the three specs
   */
  public static List<SpecOperation> operations() {
    return List.copyOf(OPERATIONS);
  }

  /**
   * @param api an API
   * @return the validator of its spec
   */
  static OpenApiInteractionValidator validator(Api api) {
    return VALIDATORS.get(api);
  }

  /**
   * @param method an HTTP method
   * @param path a request path
   * @return the operation that serves it, if the spec has one
   */
  public static Optional<SpecOperation> find(String method, String path) {
    return OPERATIONS.stream()
        .filter(op -> op.method().equalsIgnoreCase(method) && op.matches(path))
        .findFirst();
  }

  /**
   * @param path a request path
   * @return the operations of the spec path it matches, whatever their method
   */
  public static List<SpecOperation> onPath(String path) {
    return OPERATIONS.stream().filter(op -> op.matches(path)).toList();
  }

  private static List<SpecOperation> operations(Api api, String text) {
    ParseOptions options = new ParseOptions();
    options.setResolve(false);
    OpenAPI spec = new OpenAPIV3Parser().readContents(text, null, options).getOpenAPI();
    List<SpecOperation> operations = new ArrayList<>();
    spec.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, op) ->
                            operations.add(
                                new SpecOperation(
                                    api,
                                    method.name(),
                                    path,
                                    op.getOperationId(),
                                    op.getResponses().keySet().stream()
                                        .map(Integer::valueOf)
                                        .toList(),
                                    requestExample(spec, op),
                                    pathExamples(spec, item, op)))));
    return operations;
  }

  private static Map<String, String> pathExamples(OpenAPI spec, PathItem item, Operation op) {
    Map<String, String> examples = new java.util.LinkedHashMap<>();
    Stream.concat(
            Optional.ofNullable(item.getParameters()).stream().flatMap(List::stream),
            Optional.ofNullable(op.getParameters()).stream().flatMap(List::stream))
        .map(
            parameter ->
                parameter.get$ref() == null
                    ? parameter
                    : spec.getComponents()
                        .getParameters()
                        .get(
                            parameter
                                .get$ref()
                                .substring(parameter.get$ref().lastIndexOf('/') + 1)))
        .filter(parameter -> "path".equals(parameter.getIn()))
        .forEach(
            parameter -> examples.put(parameter.getName(), String.valueOf(parameter.getExample())));
    return Map.copyOf(examples);
  }

  private static Optional<String> requestExample(OpenAPI spec, Operation op) {
    if (op.getRequestBody() == null) {
      return Optional.empty();
    }
    MediaType media = op.getRequestBody().getContent().values().iterator().next();
    Example example = media.getExamples().values().iterator().next();
    if (example.get$ref() != null) {
      String name = example.get$ref().substring(example.get$ref().lastIndexOf('/') + 1);
      example = spec.getComponents().getExamples().get(name);
    }
    try {
      return Optional.of(Json.mapper().writeValueAsString(example.getValue()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("example of " + op.getOperationId(), e);
    }
  }

  private static String read(String file) {
    try (InputStream in =
        Objects.requireNonNull(
            Specs.class.getResourceAsStream("/openapi/" + file),
            "spec on the classpath: " + file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
