package dev.garden.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * An OAuth client that users' refresh tokens are issued to ({@code client_id} and {@code client_secret} in an
 * {@code authorized_user} credentials file). Garden keeps only a hash of the secret.
 *
 * @param clientId     the public id
 * @param secretSha256 SHA-256 of the secret, hex; secrets are random and long, so a plain hash suffices
 * @param displayName  a human-readable name
 * @param createTime   when it was created
 */
public record OAuthClient(String clientId, String secretSha256, String displayName, Instant createTime) {
    public OAuthClient {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(secretSha256, "secretSha256");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(createTime, "createTime");
    }
}
