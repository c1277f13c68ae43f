package dev.garden.auth;

import dev.garden.identity.Member;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * What a Garden access token says, and its payload's binary form. The payload is small and fixed in shape, so a
 * few length-prefixed fields beat JSON on size (the token travels with every request) and on parsing time:
 * <pre>
 * u8 version (1) | str signingKeyId | str tokenId | u8 memberType | str email | str credentialId
 *   | i64 issuedAt (epoch seconds) | i64 expiry (epoch seconds)
 * </pre>
 * where {@code str} is a u16 length and that many UTF-8 bytes. Which kind of credential the token was obtained
 * with follows from the member type: service accounts use keys, users refresh tokens.
 *
 * @param signingKeyId   the {@link dev.garden.identity.SigningKey} that signed it
 * @param tokenId        unique; what revocation records
 * @param member         the principal
 * @param credentialId   the service account key's id, or the refresh token's id
 * @param issuedAt       when it was issued, whole seconds
 * @param expiry         when it stops working, whole seconds
 */
record AccessTokenClaims(String signingKeyId, String tokenId, Member member, String credentialId, Instant issuedAt,
                         Instant expiry) {
    private static final byte VERSION = 1;

    AccessTokenClaims {
        Objects.requireNonNull(signingKeyId, "signingKeyId");
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiry, "expiry");
    }

    /** How the token was obtained, which the member type decides. */
    Principal.Via via() {
        return member.type() == Member.Type.SERVICE_ACCOUNT
                ? Principal.Via.ACCESS_TOKEN_FROM_KEY
                : Principal.Via.ACCESS_TOKEN_FROM_REFRESH_TOKEN;
    }

    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(160);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            writeString(out, signingKeyId);
            writeString(out, tokenId);
            out.writeByte(member.type().ordinal());
            writeString(out, member.email());
            writeString(out, credentialId);
            out.writeLong(issuedAt.getEpochSecond());
            out.writeLong(expiry.getEpochSecond());
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads a payload; safe on any bytes (it is read before its MAC is checked, to find the key that checks it).
     *
     * @throws IllegalArgumentException if the bytes are not a payload of this version
     */
    static AccessTokenClaims decode(byte[] payload) {
        ByteBuffer in = ByteBuffer.wrap(payload);
        try {
            if (in.get() != VERSION) {
                throw new IllegalArgumentException("unknown access token version");
            }
            String signingKeyId = readString(in);
            String tokenId = readString(in);
            int type = in.get();
            if (type < 0 || type >= Member.Type.values().length) {
                throw new IllegalArgumentException("unknown member type");
            }
            String email = readString(in);
            String credentialId = readString(in);
            Instant issuedAt = Instant.ofEpochSecond(in.getLong());
            Instant expiry = Instant.ofEpochSecond(in.getLong());
            if (in.hasRemaining()) {
                throw new IllegalArgumentException("trailing bytes");
            }
            return new AccessTokenClaims(signingKeyId, tokenId, new Member(Member.Type.values()[type], email),
                    credentialId, issuedAt, expiry);
        } catch (BufferUnderflowException | java.time.DateTimeException e) {
            throw new IllegalArgumentException("truncated or out-of-range access token payload", e);
        }
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > 0xFFFF) {
            throw new IllegalArgumentException("field too long for an access token");
        }
        out.writeShort(utf8.length);
        out.write(utf8);
    }

    private static String readString(ByteBuffer in) {
        int length = Short.toUnsignedInt(in.getShort());
        if (length > in.remaining()) {
            throw new BufferUnderflowException();
        }
        byte[] utf8 = new byte[length];
        in.get(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
