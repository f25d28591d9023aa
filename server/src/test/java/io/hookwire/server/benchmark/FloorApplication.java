package io.hookwire.server.benchmark;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The floor of the server's stack: a bare Spring Boot webmvc application (Tomcat, Spring MVC,
 * Jackson on the classpath, nothing configured) whose one operation answers about as many fixed
 * bytes of JSON as the server's GET of one endpoint. Whatever the server does per request beyond
 * this is what {@link ServerBenchmark} measures against it.
 *
 * <p>{@link ServerBenchmark} starts it in a JVM of its own on a classpath of {@code
 * spring-boot-starter-webmvc}'s dependencies alone, as a new project generated with only that
 * starter would have: on the server's classpath, actuator, metrics, validation, the datasource and
 * Flyway would configure themselves here too, and the server's {@code application.yaml} would
 * apply. Component scanning is limited to this class.
 */
@SpringBootApplication(scanBasePackageClasses = FloorApplication.class)
@RestController
public class FloorApplication {

  /** An endpoint document as the Endpoints API answers it, 700 bytes. */
  static final String BODY =
      """
      {"data":{"type":"endpoints","id":"ep-t6tfr6tsfhvdqj0","attributes":{"name":"Deploy \
      notifications","url":"https://hooks.example.com/services/3565654","max-attempts":3,\
      "timeout":15,"secret-key":"auphee1ieshaeQu8auphee1ieshaeQu8auphee1ieshaeQu8auphee1i\
      eshaeQu8auphee1ie","permissions":{"webhook-endpoints:delete":true,\
      "webhook-endpoints:update":true}},"relationships":{"account":{"data":{"type":\
      "accounts","id":"acc-t2fcrq6h1v3nf0g"}},"environment":{"data":{"type":"environments",\
      "id":"env-sfuari395m7sck1"}}},"links":{"self":\
      "http://127.0.0.1:8080/api/iacp/v3/endpoints/ep-t6tfr6tsfhvdqj0"}},"included":null,\
      "meta":null,"links":{"self":\
      "http://127.0.0.1:8080/api/iacp/v3/endpoints/ep-t6tfr6tsfhvdqj0"}}""";

  /** The floor's one operation. */
  static final String PATH = "/floor";

  @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
  String floor() {
    return BODY;
  }

  public static void main(String[] args) {
    SpringApplication.run(FloorApplication.class, args);
  }
}
