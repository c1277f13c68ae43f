package dev.garden.identity.store;

import dev.garden.identity.RefreshToken;

import java.util.Objects;

/**
 * A new refresh token with its value, which the store keeps only as a hash.
 *
 * @param token the stored token
 * @param value the {@code refresh_token} to hand to the user; shown once
 */
public record IssuedRefreshToken(RefreshToken token, String value) {
    public IssuedRefreshToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return "IssuedRefreshToken[" + token.id() + " for " + token.userEmail() + "]";
    }
}
