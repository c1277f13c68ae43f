package dev.garden.identity.store;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/** The store's ids, secrets and key pairs, all from one injected {@link SecureRandom}; and how they are kept. */
final class Secrets {
    private final SecureRandom random;

    Secrets(SecureRandom random) {
        this.random = random;
    }

    /** {@code bytes} random bytes as lower-case hex. */
    String hex(int bytes) {
        return HexFormat.of().formatHex(bytes(bytes));
    }

    /** {@code bytes} random bytes as unpadded base64url: token values and client secrets. */
    String token(int bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(bytes));
    }

    byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    /** {@code count} random decimal digits, the first not zero. */
    String digits(int count) {
        StringBuilder digits = new StringBuilder(count).append((char) ('1' + random.nextInt(9)));
        while (digits.length() < count) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }

    /** A new RSA-2048 key pair. */
    KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, random);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK cannot make RSA keys", e);
        }
    }

    /** A private key as a key file's {@code private_key}: PKCS#8 in PEM, 64 characters a line. */
    static String pkcs8Pem(PrivateKey key) {
        if (!"PKCS#8".equals(key.getFormat())) {
            throw new IllegalArgumentException("expected a PKCS#8 key, got " + key.getFormat());
        }
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
    }

    /** An X.509 SubjectPublicKeyInfo (DER) as an RSA public key. */
    static RSAPublicKey rsaPublicKey(KeyFactory rsa, byte[] spki) {
        try {
            return (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(spki));
        } catch (InvalidKeySpecException | ClassCastException e) {
            throw new IllegalStateException("a stored public key is not an RSA SubjectPublicKeyInfo", e);
        }
    }

    /** An RSA key factory; they are not thread-safe, so each user takes its own. */
    static KeyFactory rsaKeyFactory() {
        try {
            return KeyFactory.getInstance("RSA");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no RSA", e);
        }
    }

    /** SHA-256 of a string's UTF-8 bytes, lower-case hex: how secrets and refresh tokens are kept. */
    static String sha256Hex(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }
}
