package dev.garden.auth;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the token endpoint or the revocation endpoint answers: an HTTP status and a JSON object. The HTTP layer
 * writes {@link #body()} as it is (values are {@code String} or {@code Long}, so integers stay JSON integers) with
 * {@code Content-Type: application/json}, and, as RFC 6749 §5.1 requires of token responses,
 * {@code Cache-Control: no-store} and {@code Pragma: no-cache}.
 */
public sealed interface OAuthResponse {

    /** The HTTP status: 200, 400 or 401. */
    int httpStatus();

    /** The JSON object to send, in a stable member order. */
    Map<String, Object> body();

    /**
     * A successful token response (RFC 6749 §5.1), as Google's:
     * {@code {"access_token": "...", "expires_in": 3599, "token_type": "Bearer"}}.
     *
     * @param accessToken the Garden access token
     * @param expiresIn   whole seconds until it expires, as a client should count them (see
     *                    {@link GardenAuth.Builder#accessTokenLifetime})
     */
    record AccessToken(String accessToken, long expiresIn) implements OAuthResponse {
        public AccessToken {
            Objects.requireNonNull(accessToken, "accessToken");
        }

        /** Always {@code Bearer}. */
        public String tokenType() {
            return "Bearer";
        }

        @Override
        public int httpStatus() {
            return 200;
        }

        @Override
        public Map<String, Object> body() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("access_token", accessToken);
            body.put("expires_in", expiresIn);
            body.put("token_type", tokenType());
            return body;
        }

        @Override
        public String toString() {
            // Never a token in a log line.
            return "AccessToken[expiresIn=" + expiresIn + "]";
        }
    }

    /** A successful revocation (RFC 7009 §2.2): 200 with an empty object, as Google answers. */
    record Revoked() implements OAuthResponse {
        @Override
        public int httpStatus() {
            return 200;
        }

        @Override
        public Map<String, Object> body() {
            return Map.of();
        }
    }

    /**
     * An error response (RFC 6749 §5.2, RFC 7009 §2.2.1): {@code {"error": "invalid_grant", "error_description":
     * "Invalid JWT Signature."}}.
     *
     * @param httpStatus       400, or 401 for {@code invalid_client}
     * @param error            the RFC's code: {@code invalid_request}, {@code invalid_client}, {@code invalid_grant},
     *                         {@code unsupported_grant_type} or {@code unsupported_token_type}
     * @param errorDescription for the developer, in Google's words where Google has them
     */
    record ErrorResponse(int httpStatus, String error, String errorDescription) implements OAuthResponse {
        public ErrorResponse {
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(errorDescription, "errorDescription");
        }

        @Override
        public Map<String, Object> body() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", error);
            body.put("error_description", errorDescription);
            return body;
        }

        static ErrorResponse invalidRequest(String description) {
            return new ErrorResponse(400, "invalid_request", description);
        }

        static ErrorResponse invalidClient(String description) {
            // RFC 6749 §5.2 allows 400 or 401 for invalid_client; Google answers 401.
            return new ErrorResponse(401, "invalid_client", description);
        }

        static ErrorResponse invalidGrant(String description) {
            return new ErrorResponse(400, "invalid_grant", description);
        }

        static ErrorResponse unsupportedGrantType(String description) {
            return new ErrorResponse(400, "unsupported_grant_type", description);
        }

        static ErrorResponse unsupportedTokenType(String description) {
            return new ErrorResponse(400, "unsupported_token_type", description);
        }
    }
}
