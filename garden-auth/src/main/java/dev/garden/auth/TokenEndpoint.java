package dev.garden.auth;

import java.util.Map;

/**
 * The logic of Google's OAuth 2.0 token endpoint ({@code https://oauth2.googleapis.com/token}) and revocation endpoint
 * ({@code https://oauth2.googleapis.com/revoke}), without HTTP: the handler parses the
 * {@code application/x-www-form-urlencoded} body (and, for {@code /revoke}, the query) into a map, calls here, and
 * writes the {@link OAuthResponse}.
 *
 * <p>RFC 6749 §3.2 forbids repeating a parameter; the handler should answer a repeated one with
 * {@code 400 {"error": "invalid_request"}} rather than pick one.
 */
public interface TokenEndpoint {

    /** The grant type of a service account's signed assertion (RFC 7523 §2.1). */
    String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    /** The grant type of a user's refresh token (RFC 6749 §6). */
    String REFRESH_TOKEN = "refresh_token";

    /**
     * {@code POST /token}: exchanges a grant for a Garden access token.
     * <ul>
     *   <li>{@code grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer&assertion=JWT}: a service account key file
     *       (Java, Python, Node {@code google-auth} libraries);</li>
     *   <li>{@code grant_type=refresh_token&client_id=..&client_secret=..&refresh_token=..}: an
     *       {@code authorized_user} credentials file.</li>
     * </ul>
     *
     * @param form the form parameters
     * @return an {@link OAuthResponse.AccessToken}, or an {@link OAuthResponse.ErrorResponse}
     */
    OAuthResponse token(Map<String, String> form);

    /**
     * {@code POST /revoke} (RFC 7009): revokes the access token or refresh token in parameter {@code token}.
     * Revoking an access token obtained with a refresh token revokes that refresh token too, as Google does; revoking
     * a refresh token revokes every access token it yielded. Like RFC 7009 §2.2 (and unlike Google, which answers
     * 400), an unknown, expired or already revoked token is answered with success: the client cannot do anything
     * better with an error. Possession of a token is the authority to revoke it, as at Google: no client
     * authentication.
     *
     * @param params the form (or query) parameters; {@code token_type_hint} is accepted and not needed
     * @return {@link OAuthResponse.Revoked}, or an {@link OAuthResponse.ErrorResponse}: {@code invalid_request}
     *         without a token, {@code unsupported_token_type} for a self-signed JWT (nothing to revoke: disable its
     *         key)
     */
    OAuthResponse revoke(Map<String, String> params);
}
