package io.hookwire.server.platform;

import java.security.SecureRandom;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Resource ids, all from a secure random source so that none can be guessed from another. */
@Component
public class SecureIds {

  private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();
  private static final int LENGTH = 17;

  private final SecureRandom random = new SecureRandom();

  /**
   * {@code prefix-} and 17 characters of {@code [0-9a-z]}, such as {@code acc-t2fcrq6h1v3nf0gxy}.
   */
  public String prefixed(String prefix) {
    char[] id = new char[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return prefix + "-" + new String(id);
  }

  /** A random (version 4) UUID; {@link UUID#randomUUID()} draws it from a SecureRandom. */
  public UUID uuid() {
    return UUID.randomUUID();
  }
}
