package io.hookwire.server.platform.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** The check the service tests share: a call refused for invalid fields, and which. */
public final class InvalidFieldsAssertions {

  private InvalidFieldsAssertions() {}

  /** Asserts that the call fails with {@link InvalidFieldsException} at exactly these pointers. */
  public static void assertInvalidAt(ThrowingCallable call, String... pointers) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            InvalidFieldsException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::pointer)
                    .containsExactlyInAnyOrder(pointers));
  }
}
