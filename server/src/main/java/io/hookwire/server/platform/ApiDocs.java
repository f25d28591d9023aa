package io.hookwire.server.platform;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.HtmlUtils;

/**
 * The server's contract, readable from the server itself, without a token: the exact spec files it
 * was built from ({@code GET /openapi/{name}.yaml}) and an interactive docs page per API ({@code
 * GET /docs/{name}}, Swagger UI from its WebJar: nothing is fetched from the internet). Neither is
 * an operation of any API's spec.
 */
@RestController
public class ApiDocs {

  /** The APIs by the name of their spec file, with the title of their docs page, in that order. */
  private static final Map<String, String> APIS = new LinkedHashMap<>();

  static {
    APIS.put("endpoints", "Endpoints API");
    APIS.put("autoscale", "Auto Scale webhooks API");
    APIS.put("operator", "Operator API");
  }

  private static final Logger log = LoggerFactory.getLogger(ApiDocs.class);

  /** Spec files as YAML (RFC 9512). */
  private static final MediaType YAML = MediaType.parseMediaType("application/yaml;charset=UTF-8");

  /** Links the docs and specs in the start-up message, whatever the data set. */
  @EventListener
  void onReady(ApplicationReadyEvent ready) {
    String base =
        "http://localhost:"
            + ready.getApplicationContext().getEnvironment().getProperty("local.server.port");
    for (String name : APIS.keySet()) {
      log.info(
          "{}: docs {}/docs/{}, spec {}/openapi/{}.yaml", APIS.get(name), base, name, base, name);
    }
  }

  @GetMapping("/openapi/{name}.yaml")
  ResponseEntity<Resource> spec(@PathVariable String name) throws NoResourceFoundException {
    requireApi(name, "openapi/" + name + ".yaml");
    return ResponseEntity.ok()
        .contentType(YAML)
        .cacheControl(CacheControl.noCache())
        .body(new ClassPathResource("openapi/" + name + ".yaml"));
  }

  @GetMapping(value = "/docs/{name}", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> page(@PathVariable String name) throws NoResourceFoundException {
    requireApi(name, "docs/" + name);
    String title = HtmlUtils.htmlEscape(APIS.get(name));
    return ResponseEntity.ok()
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .body(
            """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>%s — Hookwire</title>
              <link rel="stylesheet" href="/webjars/swagger-ui/swagger-ui.css">
            </head>
            <body>
              <div id="docs"></div>
              <script src="/webjars/swagger-ui/swagger-ui-bundle.js"></script>
              <script>
                SwaggerUIBundle({
                  url: "/openapi/%s.yaml",
                  dom_id: "#docs",
                  displayOperationId: true,
                  deepLinking: true,
                  validatorUrl: null
                });
              </script>
            </body>
            </html>
            """
                .formatted(title, name));
  }

  private static void requireApi(String name, String path) throws NoResourceFoundException {
    if (!APIS.containsKey(name)) {
      throw new NoResourceFoundException(HttpMethod.GET, path, "no such API");
    }
  }
}
