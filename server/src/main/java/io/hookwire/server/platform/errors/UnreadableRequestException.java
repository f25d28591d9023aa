package io.hookwire.server.platform.errors;

/**
 * A request that cannot be read as HTTP: a broken request line, header or body framing (an unknown
 * transfer coding, a bad chunk, a body shorter than announced), refused by the container or failing
 * while its body is read. The client's fault, never the server's.
 */
public class UnreadableRequestException extends RuntimeException {

  public UnreadableRequestException(String message) {
    super(message);
  }

  public UnreadableRequestException(String message, Throwable cause) {
    super(message, cause);
  }
}
