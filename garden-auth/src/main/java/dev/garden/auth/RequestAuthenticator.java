package dev.garden.auth;

import java.util.Optional;

/**
 * The bearer check every API request makes: from its {@code Authorization} header to the {@link Principal} who sent
 * it. Accepts Garden access tokens (from the token endpoint) and self-signed service-account JWTs (which Google
 * accepts without an exchange). Costs only in-memory lookups; a self-signed JWT's RSA signature is checked once and
 * remembered until the JWT expires, while the revocation state behind every token is checked on every call.
 */
public interface RequestAuthenticator {

    /**
     * Authenticates a request.
     *
     * @param authorization the {@code Authorization} header's value, empty when the request had none
     * @param method        the API method called, as Google names it in errors' {@code ErrorInfo} metadata (e.g.
     *                      {@code google.cloud.aiplatform.v1.PredictionService.ChatCompletions})
     * @return who sent the request
     * @throws dev.garden.core.GardenException {@link dev.garden.core.ErrorKind#UNAUTHENTICATED} with an
     *         {@link dev.garden.core.ErrorReason} in domain {@code googleapis.com}: {@code CREDENTIALS_MISSING} (no
     *         token), {@code ACCESS_TOKEN_TYPE_UNSUPPORTED} (not a Bearer token, or a token that does not verify),
     *         {@code ACCESS_TOKEN_EXPIRED} (expired or revoked) or {@code ACCOUNT_STATE_INVALID} (the account is
     *         disabled or deleted); metadata {@code service} and {@code method}
     */
    Principal authenticate(Optional<String> authorization, String method);
}
