package io.hookwire.server.platform;

import org.openapitools.jackson.nullable.JsonNullable;
import org.openapitools.jackson.nullable.JsonNullableJackson3Deserializer;
import org.openapitools.jackson.nullable.JsonNullableJackson3Module;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.Deserializers;
import tools.jackson.databind.deser.std.ReferenceTypeDeserializer;
import tools.jackson.databind.jsontype.TypeDeserializer;
import tools.jackson.databind.type.ReferenceType;

/**
 * JsonNullable as jackson-databind-nullable reads it but for one rule: the library takes a blank
 * string where a number, array or object belongs for an absent member, so {@code "max-attempts":
 * ""} changed nothing and {@code "environment_ids": ""} meant every environment. Here the member's
 * own deserializer reads every value, and the strict coercion rules refuse a blank string there
 * like any value of the wrong type.
 */
class StrictJsonNullableModule extends JsonNullableJackson3Module {

  @Override
  public void setupModule(SetupContext context) {
    super.setupModule(context);
    // Deserializers added later are asked first.
    context.addDeserializers(
        new Deserializers.Base() {
          @Override
          public ValueDeserializer<?> findReferenceDeserializer(
              ReferenceType type,
              DeserializationConfig config,
              BeanDescription.Supplier description,
              TypeDeserializer contentTypeDeserializer,
              ValueDeserializer<?> contentDeserializer) {
            return type.hasRawClass(JsonNullable.class)
                ? new BlankIsAString(type, contentTypeDeserializer, contentDeserializer)
                : null;
          }

          @Override
          public boolean hasDeserializerFor(DeserializationConfig config, Class<?> valueType) {
            return valueType == JsonNullable.class;
          }
        });
  }

  private static final class BlankIsAString extends JsonNullableJackson3Deserializer {

    BlankIsAString(
        JavaType type, TypeDeserializer contentTypeDeserializer, ValueDeserializer<?> content) {
      super(type, null, contentTypeDeserializer, content);
    }

    @Override
    public JsonNullable<Object> deserialize(JsonParser parser, DeserializationContext context) {
      Object value =
          _valueTypeDeserializer == null
              ? _valueDeserializer.deserialize(parser, context)
              : _valueDeserializer.deserializeWithType(parser, context, _valueTypeDeserializer);
      return JsonNullable.of(value);
    }

    @Override
    protected ReferenceTypeDeserializer<JsonNullable<Object>> withResolved(
        TypeDeserializer contentTypeDeserializer, ValueDeserializer<?> content) {
      return new BlankIsAString(_fullType, contentTypeDeserializer, content);
    }
  }
}
