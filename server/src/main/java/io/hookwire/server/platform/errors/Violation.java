package io.hookwire.server.platform.errors;

/**
 * One invalid part of a request.
 *
 * @param pointer a JSON pointer into the request body, or null
 * @param parameter the name of the query, path or header parameter, or null
 * @param detail what is wrong, in words
 */
public record Violation(String pointer, String parameter, String detail) {

  public static Violation atPointer(String pointer, String detail) {
    return new Violation(pointer, null, detail);
  }

  public static Violation atParameter(String parameter, String detail) {
    return new Violation(null, parameter, detail);
  }
}
