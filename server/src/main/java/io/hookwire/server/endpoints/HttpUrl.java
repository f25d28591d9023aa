package io.hookwire.server.endpoints;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An absolute {@code http} or {@code https} URL with a host: more than the spec's pattern can check
 * (it lets {@code http://:80/} through). A Bean Validation constraint, so that it is reported
 * together with every other invalid attribute of the request (see {@link EndpointsValidation}).
 */
@Documented
@Constraint(validatedBy = HttpUrl.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface HttpUrl {

  String message() default "must be an absolute http or https URL with a host";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /**
   * Adds only what the schema misses: null (requiredness) and what the spec's pattern refuses are
   * the schema's to report, once.
   */
  final class Validator implements ConstraintValidator<HttpUrl, String> {

    /** The {@code EndpointUrl} pattern of the spec. */
    private static final Pattern SCHEMA_PATTERN =
        Pattern.compile("^[hH][tT][tT][pP][sS]?://[^/?#\\s]+[^\\s]*$");

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || !SCHEMA_PATTERN.matcher(value).matches() || valid(value);
    }

    /**
     * @param url a URL
     * @return whether it is an absolute http or https URL with a host
     */
    public static boolean valid(String url) {
      try {
        URI uri = new URI(url);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
      } catch (URISyntaxException e) {
        return false;
      }
    }
  }
}
