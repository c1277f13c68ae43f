package dev.garden.server;

import dev.garden.wire.google.ErrorResponse;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A failure as the client will see it: the HTTP status, Google's error body, and when to retry.
 *
 * @param httpStatus the HTTP status code
 * @param body       the error body (also the payload of an error event in a stream)
 * @param retryAfter      when a retry is worth trying, for the {@code Retry-After} header
 * @param wwwAuthenticate the {@code WWW-Authenticate} challenge of a 401 (RFC 6750 §3)
 */
record HttpFailure(int httpStatus, ErrorResponse body, Optional<Duration> retryAfter,
                   Optional<String> wwwAuthenticate) {
    HttpFailure {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(retryAfter, "retryAfter");
        Objects.requireNonNull(wwwAuthenticate, "wwwAuthenticate");
    }

    /** A failure that asks for no retry and no credentials. */
    HttpFailure(int httpStatus, ErrorResponse body) {
        this(httpStatus, body, Optional.empty(), Optional.empty());
    }

    /** {@code Retry-After} in whole seconds, rounded up (RFC 9110 §10.2.3 allows only whole seconds). */
    Optional<String> retryAfterSeconds() {
        return retryAfter.map(delay -> {
            if (delay.isNegative() || delay.isZero()) {
                return "0";
            }
            long seconds = delay.getSeconds() + (delay.getNano() > 0 ? 1 : 0);
            return Long.toString(seconds);
        });
    }
}
