package io.hookwire.server.operator;

import io.hookwire.server.operator.model.Problem;
import java.util.ArrayList;
import java.util.List;
import org.openapitools.jackson.nullable.JsonNullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.BeanDeserializerBuilder;
import tools.jackson.databind.deser.NullValueProvider;
import tools.jackson.databind.deser.SettableBeanProperty;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.impl.NullsFailProvider;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.util.AccessPattern;

/**
 * An explicit {@code null} for a member of an operator request body that the spec does not make
 * nullable is a member of a wrong JSON type: 400 with a pointer to it, as the README's error table
 * says, and not the 422 of a missing required member. Nullable members are the {@link JsonNullable}
 * ones; the other APIs' models are left as they are.
 */
@Component
class NonNullableMembers extends SimpleModule {

  private static final String MODELS = Problem.class.getPackageName() + ".";

  NonNullableMembers() {
    super("operator-non-nullable-members");
    setDeserializerModifier(
        new ValueDeserializerModifier() {
          @Override
          public BeanDeserializerBuilder updateBuilder(
              DeserializationConfig config,
              BeanDescription.Supplier description,
              BeanDeserializerBuilder builder) {
            if (!description.getBeanClass().getName().startsWith(MODELS)) {
              return builder;
            }
            List<SettableBeanProperty> properties = new ArrayList<>();
            builder.getProperties().forEachRemaining(properties::add);
            for (SettableBeanProperty property : properties) {
              if (!JsonNullable.class.isAssignableFrom(property.getType().getRawClass())) {
                builder.addOrReplaceProperty(
                    property.withNullProvider(
                        new NullFails(NullsFailProvider.constructForProperty(property))),
                    true);
              }
            }
            return builder;
          }
        });
  }

  /** Fails on an explicit null; an absent member stays absent, for Bean Validation to judge. */
  private record NullFails(NullsFailProvider fail) implements NullValueProvider {

    @Override
    public Object getNullValue(DeserializationContext context) {
      return fail.getNullValue(context);
    }

    @Override
    public Object getAbsentValue(DeserializationContext context) {
      return null;
    }

    @Override
    public AccessPattern getNullAccessPattern() {
      return AccessPattern.DYNAMIC;
    }
  }
}
