package dev.garden.auth;

import java.util.Objects;
import java.util.Optional;

/**
 * The {@link RequestAuthenticator}: reads {@code Authorization: Bearer TOKEN} (RFC 6750 §2.1) and hands the token to
 * the verifier for its kind, told apart by shape: Garden access tokens start {@code gat1.}, JWTs are three base64url
 * segments.
 */
final class BearerAuthenticator implements RequestAuthenticator {
    private static final System.Logger LOG = System.getLogger(BearerAuthenticator.class.getName());
    private static final String SCHEME = "Bearer";

    private final AccessTokenVerifier accessTokens;
    private final SelfSignedJwtAuthenticator selfSignedJwts;

    BearerAuthenticator(AccessTokenVerifier accessTokens, SelfSignedJwtAuthenticator selfSignedJwts) {
        this.accessTokens = accessTokens;
        this.selfSignedJwts = selfSignedJwts;
    }

    @Override
    public Principal authenticate(Optional<String> authorization, String method) {
        Objects.requireNonNull(method, "method");
        String value = authorization.map(String::strip).orElse("");
        if (value.isEmpty()) {
            throw Unauthenticated.missing(method);
        }
        int space = indexOfWhitespace(value);
        String scheme = space < 0 ? value : value.substring(0, space);
        // Auth schemes are case-insensitive (RFC 9110 §11.1).
        if (!scheme.equalsIgnoreCase(SCHEME)) {
            throw refused(new TokenRejected(TokenRejected.Rejection.INVALID, "scheme is not Bearer"), method);
        }
        String token = space < 0 ? "" : value.substring(space + 1).strip();
        if (token.isEmpty()) {
            // "Bearer " and nothing: an OpenAI client given an empty API key. Missing says what to fix.
            throw Unauthenticated.missing(method);
        }
        try {
            if (AccessTokenCodec.looksLikeAccessToken(token)) {
                return accessTokens.verify(token);
            }
            if (ServiceAccountJwtVerifier.looksLikeJwt(token)) {
                return selfSignedJwts.authenticate(token);
            }
            throw new TokenRejected(TokenRejected.Rejection.INVALID, "neither a Garden access token nor a JWT");
        } catch (TokenRejected e) {
            throw refused(e, method);
        }
    }

    private static RuntimeException refused(TokenRejected rejected, String method) {
        // The detail is for the operator; never the token, which may be a live credential.
        LOG.log(System.Logger.Level.DEBUG, () -> "Refused a bearer token (" + rejected.rejection() + "): "
                + rejected.getMessage());
        return rejected.toException(method);
    }

    private static int indexOfWhitespace(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) == ' ' || value.charAt(i) == '\t') {
                return i;
            }
        }
        return -1;
    }
}
