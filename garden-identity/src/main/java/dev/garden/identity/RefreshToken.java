package dev.garden.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * A user's long-lived grant, exchanged for access tokens at the token endpoint. Garden keeps only a hash of the
 * token itself.
 *
 * @param id          a stable id, carried by the access tokens it yields so that revoking it revokes them
 * @param tokenSha256 SHA-256 of the token, hex
 * @param userEmail   whose grant it is
 * @param clientId    the OAuth client it was issued to; the refresh grant must present that client
 * @param createTime  when it was issued
 * @param revoked     a revoked token, and the access tokens it yielded, stop working
 */
public record RefreshToken(String id, String tokenSha256, String userEmail, String clientId, Instant createTime,
                           boolean revoked) {
    public RefreshToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tokenSha256, "tokenSha256");
        Objects.requireNonNull(userEmail, "userEmail");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(createTime, "createTime");
    }
}
