package dev.garden.identity.store;

import dev.garden.identity.ServiceAccount;
import dev.garden.identity.ServiceAccountKey;

import java.util.Objects;

/**
 * A new service account key, with the private half that the store has already forgotten: everything a
 * {@code service_account} key file needs ({@code project_id}, {@code client_email}, {@code client_id},
 * {@code private_key_id}, {@code private_key}).
 *
 * @param account          the account the key belongs to
 * @param key              the stored public half
 * @param privateKeyPkcs8Pem the private key as PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}); shown once
 */
public record CreatedKey(ServiceAccount account, ServiceAccountKey key, String privateKeyPkcs8Pem) {
    public CreatedKey {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(privateKeyPkcs8Pem, "privateKeyPkcs8Pem");
    }

    @Override
    public String toString() {
        return "CreatedKey[" + key.keyId() + " of " + account.email() + "]";
    }
}
