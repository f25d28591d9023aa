package io.hookwire.server.platform;

import java.time.Clock;
import org.openapitools.jackson.nullable.JsonNullableJackson3Module;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/** The clock and the JSON rules every API of the server shares. */
@Configuration(proxyBeanMethods = false)
public class PlatformConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** Without it, bodies with nullable fields (JsonNullable) cannot be read or written. */
  @Bean
  JsonNullableJackson3Module jsonNullableModule() {
    return new StrictJsonNullableModule();
  }

  @Bean
  StringOnlyEnums stringOnlyEnums() {
    return new StringOnlyEnums();
  }

  /**
   * Strict reading: a body means exactly what it says or is refused. No unknown members, no strings
   * for numbers or numbers for strings, no fractions for integers, no single value for an array.
   */
  @Bean
  JsonMapperBuilderCustomizer strictJson() {
    return builder ->
        builder
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(
                LogicalType.Textual,
                config ->
                    config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfigDefaults(
                config -> config.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail));
  }
}
