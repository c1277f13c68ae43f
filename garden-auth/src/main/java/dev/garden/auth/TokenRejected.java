package dev.garden.auth;

import dev.garden.core.GardenException;

/**
 * Why a bearer token was refused, before it becomes the caller's {@link GardenException}. The detail is for
 * Garden's debug log only; the caller gets Google's wording and the reason code.
 */
final class TokenRejected extends Exception {

    /**
     * The reasons a bearer token is refused, each with the {@code ErrorInfo} reason the caller sees. Google's
     * reasons are in {@code google/api/error_reason.proto}; Garden uses only those, so that clients that branch on
     * them keep working.
     */
    enum Rejection {
        /**
         * Not a token Garden accepts: not a Garden access token nor a JWT, a JWT not signed with RS256, or a token
         * whose signature or claims do not verify (forged, tampered, signed with an unknown key, for another
         * audience, ...). Google answers every token it cannot validate this way; telling a forger which check
         * failed would only help them.
         */
        INVALID("ACCESS_TOKEN_TYPE_UNSUPPORTED"),
        /** Past its expiry. */
        EXPIRED("ACCESS_TOKEN_EXPIRED"),
        /**
         * Revoked before its expiry: the token itself (RFC 7009), the refresh token it came from, or the service
         * account key it was obtained with (disabled or deleted). Google has no reason of its own for this; the
         * right reaction of a client is the one to an expired token (get a new one, and the token endpoint then
         * says clearly if the grant is gone), as RFC 6750 §3.1 puts expired and revoked under one
         * {@code invalid_token}.
         */
        REVOKED("ACCESS_TOKEN_EXPIRED"),
        /** The service account or user is disabled or deleted; Google's reason for exactly this. */
        ACCOUNT_STATE("ACCOUNT_STATE_INVALID");

        private final String reason;

        Rejection(String reason) {
            this.reason = reason;
        }

        String reason() {
            return reason;
        }
    }

    private final Rejection rejection;

    TokenRejected(Rejection rejection, String detail) {
        // No stack trace: refusals are routine (and an attacker can make many), not bugs.
        super(detail, null, false, false);
        this.rejection = rejection;
    }

    Rejection rejection() {
        return rejection;
    }

    /** The exception the caller sees. */
    GardenException toException(String method) {
        return Unauthenticated.exception(Unauthenticated.INVALID_CREDENTIALS, rejection.reason(), method);
    }
}
