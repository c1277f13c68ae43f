package dev.garden.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** SHA-256 as the identity store keeps secrets (hex), and comparisons that take the same time whatever differs. */
final class Hashing {
    private Hashing() {
    }

    /** SHA-256 of a string's UTF-8 bytes, lower-case hex. */
    static String sha256Hex(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * Compares two hex digests in time independent of where they differ ({@link MessageDigest#isEqual} is
     * constant-time since JDK 6u17), so that a wrong secret's timing says nothing about the stored hash.
     */
    static boolean sameHex(String computed, String stored) {
        return MessageDigest.isEqual(computed.getBytes(StandardCharsets.US_ASCII),
                stored.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
