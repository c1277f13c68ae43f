package dev.garden.auth;

import dev.garden.auth.TokenRejected.Rejection;

import javax.crypto.Mac;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * A Garden access token's text form: {@code gat1.PAYLOAD.MAC}, where {@code gat1} says "Garden access token,
 * format 1" (recognisable in logs and by secret scanners, as Google's {@code ya29.} is), {@code PAYLOAD} is the
 * unpadded base64url of {@link AccessTokenClaims#encode()}, and {@code MAC} the unpadded base64url of
 * HMAC-SHA256, with the signing key the payload names, over the ASCII of {@code gat1.PAYLOAD}. URL-safe, about
 * 230 characters, and opaque to clients.
 */
final class AccessTokenCodec {
    /** What every Garden access token starts with. */
    static final String PREFIX = "gat1.";

    /** Far above any real token (about 230 characters); bounds the work spent on garbage. */
    private static final int MAX_LENGTH = 2048;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SigningKeyRing keys;

    AccessTokenCodec(SigningKeyRing keys) {
        this.keys = keys;
    }

    /** Whether a bearer token claims to be a Garden access token (it may still be forged). */
    static boolean looksLikeAccessToken(String token) {
        return token.startsWith(PREFIX);
    }

    /** The token for claims, signed with the key they name. */
    String sign(AccessTokenClaims claims) {
        Mac mac = keys.mac(claims.signingKeyId());
        if (mac == null) {
            throw new IllegalStateException("no signing key " + claims.signingKeyId());
        }
        String signed = PREFIX + ENCODER.encodeToString(claims.encode());
        byte[] tag = mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII));
        return signed + "." + ENCODER.encodeToString(tag);
    }

    /**
     * The claims of a token whose MAC verifies with a known signing key; nothing else is checked here.
     *
     * @throws TokenRejected ({@link Rejection#INVALID}) for a malformed, tampered or forged token, or one signed with
     *                       a key Garden does not know
     */
    AccessTokenClaims open(String token) throws TokenRejected {
        if (!looksLikeAccessToken(token) || token.length() > MAX_LENGTH) {
            throw new TokenRejected(Rejection.INVALID, "not a Garden access token");
        }
        int dot = token.lastIndexOf('.');
        if (dot < PREFIX.length()) {
            throw new TokenRejected(Rejection.INVALID, "access token without a MAC");
        }
        AccessTokenClaims claims;
        try {
            claims = AccessTokenClaims.decode(strictDecode(token, PREFIX.length(), dot));
        } catch (IllegalArgumentException e) {
            throw new TokenRejected(Rejection.INVALID, "malformed access token: " + e.getMessage());
        }
        Mac mac = keys.mac(claims.signingKeyId());
        if (mac == null) {
            throw new TokenRejected(Rejection.INVALID, "access token signed with unknown key "
                    + claims.signingKeyId());
        }
        byte[] expected = ENCODER.encode(mac.doFinal(token.substring(0, dot).getBytes(StandardCharsets.US_ASCII)));
        byte[] presented = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        // Compared as text, so that each token has one spelling; in constant time, so that response timing does
        // not guide a forger byte by byte.
        if (!MessageDigest.isEqual(expected, presented)) {
            throw new TokenRejected(Rejection.INVALID, "access token MAC does not verify");
        }
        return claims;
    }

    /**
     * Decodes unpadded base64url, refusing padding and any other character: Garden never pads.
     */
    private static byte[] strictDecode(String token, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = token.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_';
            if (!ok) {
                throw new IllegalArgumentException("not base64url");
            }
        }
        return Base64.getUrlDecoder().decode(token.substring(from, to));
    }
}
