package io.hookwire.server.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The docs pages' scripts and styles, from the WebJars on the classpath (Swagger UI's), without
 * their version in the path ({@code /webjars/swagger-ui/swagger-ui.css}): Boot's default static
 * mappings are off, so that an unknown path is a 404 of the API it falls under.
 */
@Configuration(proxyBeanMethods = false)
class DocsResources implements WebMvcConfigurer {

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry
        .addResourceHandler("/webjars/**")
        .addResourceLocations("classpath:/META-INF/resources/webjars/")
        .resourceChain(true);
  }
}
