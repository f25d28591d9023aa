package io.hookwire.server.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

/**
 * Secret tokens: 256 random bits, shown once, and stored only as their SHA-256 hash. A fast hash is
 * enough because the secrets are random, not chosen by people.
 */
@Component
public class Tokens {

  private static final int SECRET_BYTES = 32;

  private final SecureRandom random = new SecureRandom();

  /**
   * A new secret, {@code hw_} and 43 URL-safe characters; the prefix lets secret scanners find it.
   */
  public String newSecret() {
    byte[] bytes = new byte[SECRET_BYTES];
    random.nextBytes(bytes);
    return "hw_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The stored form of a secret: its SHA-256, in 64 lowercase hex digits. */
  public static String hash(String secret) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** Whether two hashes are equal, in time that does not depend on where they differ. */
  public static boolean sameHash(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }
}
