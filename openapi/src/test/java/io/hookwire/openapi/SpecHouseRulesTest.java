package io.hookwire.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.tags.Tag;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules every spec of this project keeps, so that a reviewer can rely on them: each is a
 * complete, valid document whose operations are named, tagged and described, whose errors are
 * declared once and referenced, and whose examples are named.
 */
class SpecHouseRulesTest {

  /** The verbs an operationId may start with; the rest of the id names the resource. */
  private static final Set<String> VERBS =
      Set.of("list", "get", "create", "update", "replace", "delete", "execute");

  /** Operations that are anonymous by design: capability URLs authenticate by their secret. */
  private static final Set<String> ANONYMOUS_OPERATIONS = Set.of("executeCapability");

  /**
   * Every YAML document in openapi/ but the linter's config and its ignore file (a dotfile); the
   * review gate lists them alike.
   */
  static List<Path> specs() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("").toAbsolutePath())) {
      List<Path> specs =
          files
              .filter(file -> file.getFileName().toString().endsWith(".yaml"))
              .filter(file -> !file.getFileName().toString().startsWith("."))
              .filter(file -> !file.getFileName().toString().equals("redocly.yaml"))
              .sorted()
              .toList();
      assertThat(specs).as("specs in openapi/").isNotEmpty();
      return specs;
    }
  }

  @ParameterizedTest
  @MethodSource("specs")
  void isAValidOpenApi303Document(Path spec) {
    SwaggerParseResult result = parse(spec, true);

    assertThat(result.getMessages()).isEmpty();
    assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.0.3");
  }

  @ParameterizedTest
  @MethodSource("specs")
  void isPackagedOnTheClasspath(Path spec) throws IOException {
    try (var packaged = getClass().getResourceAsStream("/openapi/" + spec.getFileName())) {
      assertThat(packaged).as("classpath copy of %s", spec).isNotNull();
      assertThat(packaged.readAllBytes()).isEqualTo(Files.readAllBytes(spec));
    }
  }

  @ParameterizedTest
  @MethodSource("specs")
  void everyOperationHasAVerbNounIdOneDeclaredTagASummaryAndADescription(Path spec) {
    OpenAPI api = parse(spec, false).getOpenAPI();
    Set<String> declaredTags = api.getTags().stream().map(Tag::getName).collect(Collectors.toSet());

    operations(api)
        .forEach(
            op -> {
              String id = op.getOperationId();
              assertThat(id).as("operationId").matches("[a-z]+[A-Z][A-Za-z]*");
              assertThat(VERBS).as("verb of %s", id).contains(id.split("(?=[A-Z])")[0]);
              assertThat(op.getTags()).as("tags of %s", id).hasSize(1);
              assertThat(declaredTags).as("tag of %s", id).contains(op.getTags().get(0));
              assertThat(op.getSummary()).as("summary of %s", id).isNotBlank();
              assertThat(op.getDescription()).as("description of %s", id).isNotBlank();
            });
  }

  @ParameterizedTest
  @MethodSource("specs")
  void operationIdsAreUnique(Path spec) {
    List<String> ids =
        operations(parse(spec, false).getOpenAPI()).map(Operation::getOperationId).toList();

    assertThat(ids).doesNotHaveDuplicates();
  }

  @ParameterizedTest
  @MethodSource("specs")
  void everyErrorIsDeclaredOnceUnderComponentsResponsesAndReferenced(Path spec) {
    OpenAPI api = parse(spec, false).getOpenAPI();

    operations(api)
        .forEach(
            op ->
                op.getResponses()
                    .forEach(
                        (status, response) -> {
                          if (status.startsWith("4") || status.startsWith("5")) {
                            assertThat(response.get$ref())
                                .as("%s response %s", op.getOperationId(), status)
                                .startsWith("#/components/responses/");
                          }
                        }));
  }

  @ParameterizedTest
  @MethodSource("specs")
  void everyOperationAuthenticatesUnlessAnonymousByDesign(Path spec) {
    OpenAPI api = parse(spec, false).getOpenAPI();
    assertThat(api.getSecurity()).as("global security requirement").isNotEmpty();

    operations(api)
        .forEach(
            op -> {
              boolean anonymous = op.getSecurity() != null && op.getSecurity().isEmpty();
              assertThat(anonymous)
                  .as("%s is anonymous", op.getOperationId())
                  .isEqualTo(ANONYMOUS_OPERATIONS.contains(op.getOperationId()));
            });
  }

  @ParameterizedTest
  @MethodSource("specs")
  void bodiesCarryNamedExamplesOnly(Path spec) {
    OpenAPI api = parse(spec, true).getOpenAPI();
    List<String> unnamed = new ArrayList<>();

    operations(api)
        .forEach(
            op -> {
              if (op.getRequestBody() != null) {
                checkNamedExamples(
                    op.getOperationId() + " request", op.getRequestBody().getContent(), unnamed);
              }
              op.getResponses()
                  .forEach(
                      (status, response) ->
                          checkNamedExamples(
                              op.getOperationId() + " " + status, response.getContent(), unnamed));
            });

    assertThat(unnamed).as("bodies with no or only an unnamed example").isEmpty();
  }

  @ParameterizedTest
  @MethodSource("specs")
  void createOperationsLinkTheirResultToItsGetUpdateAndDelete(Path spec) {
    OpenAPI api = parse(spec, false).getOpenAPI();
    Map<String, String> pathOf = new HashMap<>();
    api.getPaths()
        .forEach(
            (path, item) ->
                item.readOperations().forEach(op -> pathOf.put(op.getOperationId(), path)));

    operations(api)
        .filter(op -> op.getOperationId().startsWith("create"))
        .forEach(
            op -> {
              ApiResponse created = op.getResponses().get("201");
              assertThat(created).as("201 of %s", op.getOperationId()).isNotNull();
              Set<String> targets =
                  created.getLinks().values().stream()
                      .map(link -> link.getOperationId())
                      .collect(Collectors.toSet());
              assertThat(pathOf.keySet()).containsAll(targets);
              // The created resource's own path is where its delete is; every get, update and
              // replace there must be linked too (a resource may have no get or no update).
              String delete =
                  targets.stream()
                      .filter(id -> id.startsWith("delete"))
                      .findFirst()
                      .orElseThrow(
                          () -> new AssertionError("no delete link of " + op.getOperationId()));
              List<String> resourceOps =
                  api.getPaths().get(pathOf.get(delete)).readOperations().stream()
                      .map(Operation::getOperationId)
                      .filter(id -> id.matches("(get|update|replace)[A-Z].*"))
                      .toList();
              assertThat(targets).as("links of %s", op.getOperationId()).containsAll(resourceOps);
            });
  }

  @ParameterizedTest
  @MethodSource("specs")
  void noSchemaShadowsAJavaLangType(Path spec) {
    Set<String> schemas = parse(spec, false).getOpenAPI().getComponents().getSchemas().keySet();

    assertThat(schemas)
        .doesNotContain("Error", "Object", "String", "Integer", "Class", "Exception");
  }

  private static void checkNamedExamples(
      String where, Map<String, MediaType> content, List<String> unnamed) {
    if (content == null) {
      return;
    }
    content.forEach(
        (type, media) -> {
          boolean named = media.getExamples() != null && !media.getExamples().isEmpty();
          if (!named || media.getExample() != null) {
            unnamed.add(where + " " + type);
          }
        });
  }

  private static Stream<Operation> operations(OpenAPI api) {
    return api.getPaths().values().stream().map(PathItem::readOperations).flatMap(List::stream);
  }

  private static SwaggerParseResult parse(Path spec, boolean resolve) {
    ParseOptions options = new ParseOptions();
    options.setResolve(resolve);
    return new OpenAPIV3Parser().readLocation(spec.toUri().toString(), null, options);
  }
}
