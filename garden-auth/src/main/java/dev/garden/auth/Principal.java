package dev.garden.auth;

import dev.garden.identity.Member;

import java.util.Objects;

/**
 * Who made a request, as its bearer token proved, and with which credential.
 *
 * @param member       the service account or user, as IAM names it
 * @param via          how the bearer token was obtained
 * @param credentialId the credential behind the token: the service account key's id, or the refresh token's id;
 *                     for audit logs (never a secret)
 */
public record Principal(Member member, Via via, String credentialId) {
    /** How a principal's bearer token was obtained. */
    public enum Via {
        /** A Garden access token from the JWT-bearer grant; the credential is the service account key. */
        ACCESS_TOKEN_FROM_KEY,
        /** A Garden access token from the refresh-token grant; the credential is the refresh token. */
        ACCESS_TOKEN_FROM_REFRESH_TOKEN,
        /** A self-signed service-account JWT sent as the bearer token; the credential is the key that signed it. */
        SELF_SIGNED_JWT
    }

    public Principal {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(via, "via");
        Objects.requireNonNull(credentialId, "credentialId");
    }

    /** The principal's email, lower case. */
    public String email() {
        return member.email();
    }
}
