package dev.garden.auth;

import dev.garden.auth.TokenRejected.Rejection;
import dev.garden.identity.IdentityView;
import dev.garden.identity.Member;
import dev.garden.identity.RefreshToken;
import dev.garden.identity.ServiceAccount;
import dev.garden.identity.ServiceAccountKey;
import dev.garden.identity.UserAccount;

import java.time.Clock;
import java.util.Optional;

/**
 * Verifies a Garden access token for a request: its MAC (any known signing key, so that tokens signed before a
 * rotation stay good until they expire), its expiry, and then the state behind it, from the in-memory
 * {@link IdentityView}: the principal still exists and is enabled, the credential that obtained it is still good
 * (key enabled, refresh token not revoked) and the token itself was not revoked. The state is checked on every
 * request, so disabling or revoking anything takes effect as soon as the view sees it.
 */
final class AccessTokenVerifier {
    private final AccessTokenCodec codec;
    private final IdentityView view;
    private final Clock clock;

    AccessTokenVerifier(AccessTokenCodec codec, IdentityView view, Clock clock) {
        this.codec = codec;
        this.view = view;
        this.clock = clock;
    }

    Principal verify(String token) throws TokenRejected {
        AccessTokenClaims claims = codec.open(token);
        if (!clock.instant().isBefore(claims.expiry())) {
            throw new TokenRejected(Rejection.EXPIRED, "access token expired at " + claims.expiry());
        }
        Member member = claims.member();
        switch (member.type()) {
            case SERVICE_ACCOUNT -> checkServiceAccount(member.email(), claims.credentialId());
            case USER -> checkUser(member.email(), claims.credentialId());
        }
        if (view.isAccessTokenRevoked(claims.tokenId())) {
            throw new TokenRejected(Rejection.REVOKED, "access token " + claims.tokenId() + " was revoked");
        }
        return new Principal(member, claims.via(), claims.credentialId());
    }

    private void checkServiceAccount(String email, String keyId) throws TokenRejected {
        Optional<ServiceAccount> account = view.serviceAccount(email);
        if (account.isEmpty() || account.get().disabled()) {
            throw new TokenRejected(Rejection.ACCOUNT_STATE, "service account " + email
                    + (account.isEmpty() ? " was deleted" : " is disabled"));
        }
        Optional<ServiceAccountKey> key = view.key(keyId);
        if (key.isEmpty() || key.get().disabled() || !key.get().accountEmail().equalsIgnoreCase(email)) {
            throw new TokenRejected(Rejection.REVOKED, "key " + keyId + " that obtained the token is "
                    + (key.isEmpty() ? "deleted" : "disabled"));
        }
    }

    private void checkUser(String email, String refreshTokenId) throws TokenRejected {
        Optional<UserAccount> user = view.user(email);
        if (user.isEmpty() || user.get().disabled()) {
            throw new TokenRejected(Rejection.ACCOUNT_STATE, "user " + email
                    + (user.isEmpty() ? " was deleted" : " is disabled"));
        }
        Optional<RefreshToken> refreshToken = view.refreshToken(refreshTokenId);
        if (refreshToken.isEmpty() || refreshToken.get().revoked()
                || !refreshToken.get().userEmail().equalsIgnoreCase(email)) {
            throw new TokenRejected(Rejection.REVOKED, "refresh token " + refreshTokenId
                    + " that obtained the token was revoked");
        }
    }
}
