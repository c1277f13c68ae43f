package dev.garden.identity;

import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Objects;

/**
 * The public half of a service account key. Garden never keeps the private half: it is handed to the user once,
 * in the key file, when the key is created.
 *
 * @param keyId        40 hex digits, the key file's {@code private_key_id} and JWTs' {@code kid}
 * @param accountEmail the service account it belongs to
 * @param publicKey    verifies the account's RS256 signatures
 * @param createTime   when it was created
 * @param disabled     a disabled key's signatures, and the tokens obtained with it, stop working
 */
public record ServiceAccountKey(String keyId, String accountEmail, RSAPublicKey publicKey, Instant createTime,
                                boolean disabled) {
    public ServiceAccountKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(accountEmail, "accountEmail");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(createTime, "createTime");
    }
}
