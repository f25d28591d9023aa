package io.hookwire.server.platform;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Enums read only from JSON strings. The generated enums' factory creators would read the number
 * {@code 1} as the string {@code "1"}, past the strict coercion rules; this makes a number where an
 * enum's string belongs a wrong JSON type, like any other.
 */
class StringOnlyEnums extends SimpleModule {

  StringOnlyEnums() {
    super("string-only-enums");
    setDeserializerModifier(
        new ValueDeserializerModifier() {
          @Override
          public ValueDeserializer<?> modifyEnumDeserializer(
              DeserializationConfig config,
              JavaType type,
              BeanDescription.Supplier description,
              ValueDeserializer<?> deserializer) {
            return new StringOnly(deserializer);
          }
        });
  }

  private static final class StringOnly extends DelegatingDeserializer {

    StringOnly(ValueDeserializer<?> delegate) {
      super(delegate);
    }

    @Override
    protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
      return new StringOnly(delegate);
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context) {
      if (!parser.hasToken(JsonToken.VALUE_STRING)) {
        return context.handleUnexpectedToken(handledType(), parser);
      }
      return super.deserialize(parser, context);
    }
  }
}
