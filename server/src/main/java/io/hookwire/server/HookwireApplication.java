package io.hookwire.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Hookwire server: the Endpoints, Auto Scale webhooks and operator APIs. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class HookwireApplication {

  public static void main(String[] args) {
    SpringApplication.run(HookwireApplication.class, args);
  }
}
