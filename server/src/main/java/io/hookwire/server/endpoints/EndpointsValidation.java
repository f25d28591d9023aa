package io.hookwire.server.endpoints;

import io.hookwire.server.endpoints.model.EndpointCreateAttributes;
import io.hookwire.server.endpoints.model.EndpointUpdateAttributes;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;
import org.hibernate.validator.cfg.GenericConstraintDef;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Rules of the Endpoints API beyond the spec's schemas, added to the generated models' Bean
 * Validation (which cannot be edited), so that a request's every invalid attribute is reported in
 * one answer rather than the schema's first and these only once the schema's pass.
 */
@Configuration(proxyBeanMethods = false)
public class EndpointsValidation {

  @Bean
  ValidationConfigurationCustomizer endpointUrlsHaveAHost() {
    return configuration -> {
      if (configuration instanceof HibernateValidatorConfiguration hibernate) {
        ConstraintMapping mapping = hibernate.createConstraintMapping();
        mapping
            .type(EndpointCreateAttributes.class)
            .field("url")
            .constraint(new GenericConstraintDef<>(HttpUrl.class));
        mapping
            .type(EndpointUpdateAttributes.class)
            .field("url")
            .constraint(new GenericConstraintDef<>(HttpUrl.class));
        hibernate.addMapping(mapping);
      }
    };
  }
}
