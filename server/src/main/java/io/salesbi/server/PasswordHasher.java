package io.salesbi.server;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Hashes analyst passwords with PBKDF2-HMAC-SHA256 (JDK only, no extra library).
 *
 * <p>Format: {@code pbkdf2-sha256$<iterations>$<salt, base64>$<hash, base64>}, 16 random salt bytes, 32 hash bytes,
 * {@value #DEFAULT_ITERATIONS} iterations (OWASP 2023 recommendation for PBKDF2-HMAC-SHA256). The iteration count is
 * stored in the hash, so it can be raised later without invalidating existing hashes. Create a hash for the
 * configuration with {@code PasswordHasher.hash("secret".toCharArray())}.
 */
public final class PasswordHasher {

    static final int DEFAULT_ITERATIONS = 600_000;
    /** A hash that no password matches (used for the anonymous account). */
    static final String NO_PASSWORD = "!";

    private static final String SCHEME = "pbkdf2-sha256";
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHasher() {}

    public static String hash(char[] password) {
        return hash(password, DEFAULT_ITERATIONS);
    }

    /** Hash with a chosen iteration count; fewer iterations only for tests. */
    static String hash(char[] password, int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("PBKDF2 iterations must be positive, was " + iterations);
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder base64 = Base64.getEncoder();
        return SCHEME + "$" + iterations + "$" + base64.encodeToString(salt) + "$"
                + base64.encodeToString(pbkdf2(password, salt, iterations));
    }

    /** Whether the password matches the hash; a malformed hash matches nothing. */
    public static boolean verify(char[] password, String hash) {
        if (password == null || hash == null) {
            return false;
        }
        String[] parts = hash.split("\\$");
        if (parts.length != 4 || !SCHEME.equals(parts[0])) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            if (iterations < 1 || expected.length == 0) {
                return false;
            }
            return MessageDigest.isEqual(expected, pbkdf2(password, salt, iterations));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /**
     * The iteration count of a hash; {@link #DEFAULT_ITERATIONS} when the hash is malformed. Login uses it to hash a
     * dummy password for unknown users at the same cost as the accounts' own checks.
     */
    static int iterationsOf(String hash) {
        String[] parts = hash == null ? new String[0] : hash.split("\\$");
        try {
            return parts.length == 4 && SCHEME.equals(parts[0]) && Integer.parseInt(parts[1]) > 0
                    ? Integer.parseInt(parts[1])
                    : DEFAULT_ITERATIONS;
        } catch (NumberFormatException malformed) {
            return DEFAULT_ITERATIONS;
        }
    }

    private static byte[] pbkdf2(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this JDK", e);
        } finally {
            spec.clearPassword();
        }
    }
}
