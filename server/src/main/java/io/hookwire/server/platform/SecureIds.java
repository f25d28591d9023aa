package io.hookwire.server.platform;

import java.security.SecureRandom;
import java.util.HexFormat;
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

  /** {@code bytes} random bytes in lowercase hex, such as a capability URL's 256-bit hash. */
  public String hex(int bytes) {
    byte[] random = new byte[bytes];
    this.random.nextBytes(random);
    return HexFormat.of().formatHex(random);
  }

  /** A random (version 4) UUID; {@link UUID#randomUUID()} draws it from a SecureRandom. */
  public UUID uuid() {
    return UUID.randomUUID();
  }
}
