package dev.garden.auth;

import dev.garden.auth.OAuthResponse.ErrorResponse;
import dev.garden.auth.ServiceAccountJwtVerifier.Rejected;
import dev.garden.auth.ServiceAccountJwtVerifier.Verified;
import dev.garden.identity.IdentityView;
import dev.garden.identity.Member;
import dev.garden.identity.OAuthClient;
import dev.garden.identity.RefreshToken;
import dev.garden.identity.Revocations;
import dev.garden.identity.UserAccount;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link TokenEndpoint}: the JWT-bearer grant (RFC 7523) for service account key files, the refresh-token grant
 * (RFC 6749 §6) for {@code authorized_user} files, and revocation (RFC 7009). Error descriptions are Google's where
 * Google's clients and users know them ("Invalid JWT Signature.", "Invalid grant: account not found", ...).
 */
final class OAuthTokenEndpoint implements TokenEndpoint {
    /** Google's description for every timeframe problem of an assertion. */
    static final String TIMEFRAME = "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable"
            + " timeframe. Check your iat and exp values in the JWT claim.";
    static final String SIGNATURE = "Invalid JWT Signature.";
    static final String ACCOUNT_NOT_FOUND = "Invalid grant: account not found";
    static final String ACCOUNT_DISABLED = "Invalid grant: account disabled";
    static final String TOKEN_EXPIRED_OR_REVOKED = "Token has been expired or revoked.";

    /** Stands in for a missing client's hash, so that an unknown client costs the same comparison. */
    private static final String NO_CLIENT_HASH = "0".repeat(64);

    private final ServiceAccountJwtVerifier jwts;
    private final AccessTokenIssuer issuer;
    private final AccessTokenCodec codec;
    private final IdentityView view;
    private final Revocations revocations;
    private final Audiences audiences;
    private final Clock clock;

    OAuthTokenEndpoint(ServiceAccountJwtVerifier jwts, AccessTokenIssuer issuer, AccessTokenCodec codec,
                       IdentityView view, Revocations revocations, Audiences audiences, Clock clock) {
        this.jwts = jwts;
        this.issuer = issuer;
        this.codec = codec;
        this.view = view;
        this.revocations = revocations;
        this.audiences = audiences;
        this.clock = clock;
    }

    @Override
    public OAuthResponse token(Map<String, String> form) {
        Optional<String> grantType = parameter(form, "grant_type");
        if (grantType.isEmpty()) {
            return ErrorResponse.invalidRequest("Missing required parameter: grant_type");
        }
        return switch (grantType.get()) {
            case JWT_BEARER -> jwtBearer(form);
            case REFRESH_TOKEN -> refreshToken(form);
            default -> ErrorResponse.unsupportedGrantType("Invalid grant_type: " + grantType.get());
        };
    }

    private OAuthResponse jwtBearer(Map<String, String> form) {
        Optional<String> assertion = parameter(form, "assertion");
        if (assertion.isEmpty()) {
            return ErrorResponse.invalidRequest("Missing required parameter: assertion");
        }
        Verified verified;
        try {
            verified = jwts.verify(assertion.get());
        } catch (Rejected e) {
            return ErrorResponse.invalidGrant(switch (e.problem()) {
                case MALFORMED -> "Invalid JWT: " + e.getMessage();
                case ALGORITHM -> "Invalid JWT: the signature algorithm must be RS256.";
                case UNKNOWN_ACCOUNT -> ACCOUNT_NOT_FOUND;
                case SIGNATURE -> SIGNATURE;
                case ACCOUNT_DISABLED -> ACCOUNT_DISABLED;
                case TIMEFRAME, EXPIRED -> TIMEFRAME;
            });
        }
        List<String> aud = verified.claims().getAudience();
        if (aud.stream().noneMatch(audiences::acceptsTokenUri)) {
            return ErrorResponse.invalidGrant("Invalid JWT: Failed audience check. The accepted audiences are: "
                    + String.join(", ", audiences.tokenUris()) + ".");
        }
        // sub names the user to act for, with domain-wide delegation; Garden has none, so sub is absent (Java,
        // Node, Python without a subject) or the account itself.
        String subject = verified.claims().getSubject();
        if (subject != null && !subject.equalsIgnoreCase(verified.claims().getIssuer())) {
            return ErrorResponse.invalidGrant("Invalid grant: sub must be absent or equal to iss; Garden does not"
                    + " support domain-wide delegation.");
        }
        // Python's IDTokenCredentials and Java's IdTokenCredentials ask for an ID token this way; Garden issues none,
        // and an access token in its place would fail in the client with a confusing message.
        if (verified.claims().getClaim("target_audience") != null) {
            return ErrorResponse.invalidGrant("Invalid grant: Garden does not issue ID tokens (target_audience).");
        }
        return issue(Member.serviceAccount(verified.account().email()), verified.key().keyId());
    }

    private OAuthResponse refreshToken(Map<String, String> form) {
        // Google's descriptions, in Google's order: the client first, then the token.
        Optional<String> clientId = parameter(form, "client_id");
        if (clientId.isEmpty()) {
            return ErrorResponse.invalidRequest("Could not determine client ID from request.");
        }
        Optional<String> clientSecret = parameter(form, "client_secret");
        if (clientSecret.isEmpty()) {
            return ErrorResponse.invalidRequest("client_secret is missing.");
        }
        Optional<OAuthClient> client = view.oauthClient(clientId.get());
        boolean secretMatches = Hashing.sameHex(Hashing.sha256Hex(clientSecret.get()),
                client.map(OAuthClient::secretSha256).orElse(NO_CLIENT_HASH));
        if (client.isEmpty()) {
            return ErrorResponse.invalidClient("The OAuth client was not found.");
        }
        if (!secretMatches) {
            return ErrorResponse.invalidClient("Unauthorized");
        }
        Optional<String> presented = parameter(form, "refresh_token");
        if (presented.isEmpty()) {
            return ErrorResponse.invalidRequest("Missing required parameter: refresh_token");
        }
        // Unknown, revoked, or another client's: one answer, so that the endpoint is no oracle for tokens.
        Optional<RefreshToken> refreshToken = view.refreshTokenBySha256(Hashing.sha256Hex(presented.get()))
                .filter(token -> !token.revoked() && token.clientId().equals(client.get().clientId()));
        if (refreshToken.isEmpty()) {
            return ErrorResponse.invalidGrant(TOKEN_EXPIRED_OR_REVOKED);
        }
        Optional<UserAccount> user = view.user(refreshToken.get().userEmail());
        if (user.isEmpty()) {
            return ErrorResponse.invalidGrant(ACCOUNT_NOT_FOUND);
        }
        if (user.get().disabled()) {
            return ErrorResponse.invalidGrant(ACCOUNT_DISABLED);
        }
        return issue(Member.user(user.get().email()), refreshToken.get().id());
    }

    private OAuthResponse issue(Member member, String credentialId) {
        AccessTokenIssuer.Issued issued = issuer.issue(member, credentialId);
        return new OAuthResponse.AccessToken(issued.value(), AccessTokenIssuer.expiresIn(issued));
    }

    @Override
    public OAuthResponse revoke(Map<String, String> params) {
        Optional<String> token = parameter(params, "token");
        if (token.isEmpty()) {
            return ErrorResponse.invalidRequest("Missing required parameter: token");
        }
        if (AccessTokenCodec.looksLikeAccessToken(token.get())) {
            revokeAccessToken(token.get());
        } else if (ServiceAccountJwtVerifier.looksLikeJwt(token.get())) {
            // RFC 7009 §2.2.1: the server does not support revoking this type of token.
            return ErrorResponse.unsupportedTokenType("A self-signed JWT cannot be revoked; disable the service"
                    + " account key that signed it.");
        } else {
            view.refreshTokenBySha256(Hashing.sha256Hex(token.get()))
                    .filter(refreshToken -> !refreshToken.revoked())
                    .ifPresent(refreshToken -> revocations.revokeRefreshToken(refreshToken.id()));
        }
        return new OAuthResponse.Revoked();
    }

    /**
     * Revokes an access token whose MAC verifies and that has not expired (an expired one needs nothing), and the
     * refresh token it came from, as Google does: a client that revokes its access token wants the user's grant gone.
     */
    private void revokeAccessToken(String token) {
        AccessTokenClaims claims;
        try {
            claims = codec.open(token);
        } catch (TokenRejected e) {
            return;
        }
        if (!clock.instant().isBefore(claims.expiry())) {
            return;
        }
        revocations.revokeAccessToken(claims.tokenId(), claims.expiry());
        if (claims.via() == Principal.Via.ACCESS_TOKEN_FROM_REFRESH_TOKEN) {
            view.refreshToken(claims.credentialId())
                    .filter(refreshToken -> !refreshToken.revoked())
                    .ifPresent(refreshToken -> revocations.revokeRefreshToken(refreshToken.id()));
        }
    }

    /** A parameter's value; an empty value counts as absent (RFC 6749 §3.1). */
    private static Optional<String> parameter(Map<String, String> form, String name) {
        String value = form.get(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
