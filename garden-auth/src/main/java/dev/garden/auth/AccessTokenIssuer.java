package dev.garden.auth;

import dev.garden.core.IdGenerator;
import dev.garden.identity.Member;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Issues Garden access tokens, signed with the active signing key. */
final class AccessTokenIssuer {
    private final AccessTokenCodec codec;
    private final SigningKeyRing keys;
    private final Clock clock;
    private final IdGenerator ids;
    private final Duration lifetime;

    AccessTokenIssuer(AccessTokenCodec codec, SigningKeyRing keys, Clock clock, IdGenerator ids, Duration lifetime) {
        this.codec = codec;
        this.keys = keys;
        this.clock = clock;
        this.ids = ids;
        this.lifetime = lifetime;
    }

    /** A token issued now. */
    record Issued(String value, AccessTokenClaims claims) {
        @Override
        public String toString() {
            return "Issued[" + claims.tokenId() + "]";
        }
    }

    /**
     * Issues a token.
     *
     * @param member       who it is for
     * @param credentialId the service account key (for a service account) or refresh token (for a user) that
     *                     obtained it; disabling or revoking that credential kills the token
     */
    Issued issue(Member member, String credentialId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        AccessTokenClaims claims = new AccessTokenClaims(keys.activeKeyId(), ids.next(""), member, credentialId, now,
                now.plus(lifetime));
        return new Issued(codec.sign(claims), claims);
    }

    /**
     * The {@code expires_in} to send: the lifetime less one second, as Google's 3599 for an hour. The client starts
     * counting when the response arrives, a little after {@code iat} (whole seconds, rounded down); one second less
     * keeps its idea of the expiry at or before the real one.
     */
    static long expiresIn(Issued issued) {
        return Duration.between(issued.claims().issuedAt(), issued.claims().expiry()).toSeconds() - 1;
    }
}
