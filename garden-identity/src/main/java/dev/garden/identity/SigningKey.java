package dev.garden.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * A secret that Garden's instances sign and check their access tokens with (HMAC-SHA256). Shared through the store,
 * so a token issued by one instance is good at every other; rotated by adding a new key and retiring the old one
 * once its last tokens expire. Stored in the identity store, which must be protected like any secret store.
 *
 * @param id         a short id, carried by each token so that the right key checks it
 * @param secret     at least 32 random bytes
 * @param createTime when it was made
 * @param active     whether new tokens are signed with it (exactly one key is active); inactive keys still check
 */
public record SigningKey(String id, byte[] secret, Instant createTime, boolean active) {
    public SigningKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(secret, "secret");
        if (secret.length < 32) {
            throw new IllegalArgumentException("a signing key needs at least 32 bytes");
        }
        secret = secret.clone();
        Objects.requireNonNull(createTime, "createTime");
    }

    @Override
    public byte[] secret() {
        return secret.clone();
    }

    @Override
    public String toString() {
        return "SigningKey[" + id + (active ? ", active" : "") + "]";
    }
}
