package dev.garden.identity.store;

import dev.garden.identity.OAuthClient;

import java.util.Objects;

/**
 * A new OAuth client with its secret, which the store keeps only as a hash.
 *
 * @param client the stored client
 * @param secret the {@code client_secret}; shown once
 */
public record CreatedOAuthClient(OAuthClient client, String secret) {
    public CreatedOAuthClient {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "CreatedOAuthClient[" + client.clientId() + "]";
    }
}
