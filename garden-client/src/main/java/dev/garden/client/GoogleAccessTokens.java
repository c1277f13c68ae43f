package dev.garden.client;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A current access token from Google credentials, on every call: what openai-java's
 * {@link com.openai.credential.BearerTokenCredential} asks for before each request.
 *
 * <p>The refresh policy is google-auth-library's own: {@link GoogleCredentials#refreshIfExpired()} fetches a new
 * token once the current one is within its expiration margin (3 minutes 45 seconds before it expires), so a request
 * never leaves with a token about to lapse; between refreshes a call costs a lock and a field read. Thread-safe, as
 * the credentials are.
 */
public final class GoogleAccessTokens implements Supplier<String> {
    private final GoogleCredentials credentials;

    /** Tokens from these credentials (already scoped, if they need scopes). */
    public GoogleAccessTokens(GoogleCredentials credentials) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    /**
     * The current token, refreshed first if it expired or is about to.
     *
     * @throws UncheckedIOException when a refresh fails (the token server unreachable or refusing the credentials)
     */
    @Override
    public String get() {
        try {
            credentials.refreshIfExpired();
        } catch (IOException e) {
            throw new UncheckedIOException("could not refresh the Google credentials: " + e.getMessage(), e);
        }
        AccessToken token = credentials.getAccessToken();
        if (token == null) {
            throw new IllegalStateException("the Google credentials produced no access token");
        }
        return token.getTokenValue();
    }

    /** The credentials behind the tokens. */
    public GoogleCredentials credentials() {
        return credentials;
    }
}
