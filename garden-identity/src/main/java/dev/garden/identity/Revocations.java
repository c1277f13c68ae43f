package dev.garden.identity;

import java.time.Instant;

/**
 * Where the token endpoint records revocations (RFC 7009), so that every Garden instance's {@link IdentityView}
 * sees them within seconds.
 */
public interface Revocations {
    /**
     * Revokes an access token by id until it would have expired anyway (after that, nothing needs remembering).
     */
    void revokeAccessToken(String tokenId, Instant expiry);

    /** Revokes a refresh token, and with it every access token it yielded. */
    void revokeRefreshToken(String refreshTokenId);
}
