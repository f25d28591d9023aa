package io.hookwire.server.platform.errors;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import tools.jackson.core.JacksonException;

/** JSON pointers into a request body, from what Jackson and Bean Validation report. */
public final class JsonPointers {

  private JsonPointers() {}

  /**
   * The pointer of the value a Jackson exception is about, such as {@code /data/attributes/url}.
   */
  public static String of(List<JacksonException.Reference> path) {
    StringBuilder pointer = new StringBuilder();
    for (JacksonException.Reference reference : path) {
      pointer.append('/');
      pointer.append(
          reference.getPropertyName() != null
              ? escape(reference.getPropertyName())
              : String.valueOf(reference.getIndex()));
    }
    return pointer.toString();
  }

  /**
   * The pointer of a Bean Validation property path, such as {@code data.attributes.maxAttempts} on
   * the given model class: each Java property is replaced by its JSON name.
   */
  public static String ofBeanPath(Class<?> root, String beanPath) {
    StringBuilder pointer = new StringBuilder();
    Type type = root;
    for (String segment : beanPath.split("\\.")) {
      if (segment.isEmpty()) {
        continue;
      }
      String name = segment.replaceAll("\\[.*]$", "");
      String index = segment.endsWith("]") ? segment.replaceAll("^.*\\[(.*)]$", "$1") : null;
      Field field = field(rawClass(type), name);
      pointer.append('/').append(escape(field == null ? name : jsonName(field)));
      type = field == null ? Object.class : unwrap(field.getGenericType(), false);
      if (index != null) {
        pointer.append('/').append(index);
        type = unwrap(type, true);
      }
    }
    return pointer.toString();
  }

  /** A member name as one segment of a JSON pointer (RFC 6901). */
  public static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }

  private static String jsonName(Field field) {
    JsonProperty property = field.getAnnotation(JsonProperty.class);
    if (property == null) {
      property = getterAnnotation(field);
    }
    return property == null || property.value().isEmpty() ? field.getName() : property.value();
  }

  private static JsonProperty getterAnnotation(Field field) {
    String getter =
        "get" + Character.toUpperCase(field.getName().charAt(0)) + field.getName().substring(1);
    try {
      return field.getDeclaringClass().getMethod(getter).getAnnotation(JsonProperty.class);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  private static Field field(Class<?> type, String name) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      try {
        return c.getDeclaredField(name);
      } catch (NoSuchFieldException e) {
        // look in the superclass
      }
    }
    return null;
  }

  /** The type inside a wrapper (JsonNullable, Optional) or, for an element, inside a container. */
  private static Type unwrap(Type type, boolean element) {
    if (type instanceof ParameterizedType parameterized) {
      Class<?> raw = rawClass(parameterized);
      boolean wrapper =
          raw.getName().equals("org.openapitools.jackson.nullable.JsonNullable")
              || raw == java.util.Optional.class;
      if (wrapper) {
        return unwrap(parameterized.getActualTypeArguments()[0], element);
      }
      if (element) {
        Type[] arguments = parameterized.getActualTypeArguments();
        return arguments[arguments.length - 1];
      }
    }
    return type;
  }

  private static Class<?> rawClass(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType parameterized) {
      return (Class<?>) parameterized.getRawType();
    }
    return Object.class;
  }
}
