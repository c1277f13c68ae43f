package dev.garden.core;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The one failure type that crosses layers. It carries a {@link ErrorKind} and a message written for the API's
 * caller; the HTTP layer turns it into Google's error shape.
 */
public class GardenException extends RuntimeException {
    private final ErrorKind kind;
    private final Duration retryAfter;
    private final ErrorReason reason;

    private GardenException(ErrorKind kind, String message, Duration retryAfter, ErrorReason reason,
                            Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.retryAfter = retryAfter;
        this.reason = reason;
    }

    /** A failure of the given kind with a message for the caller. */
    public static GardenException of(ErrorKind kind, String message) {
        return new GardenException(kind, message, null, null, null);
    }

    /** A failure of the given kind caused by another exception. */
    public static GardenException of(ErrorKind kind, String message, Throwable cause) {
        return new GardenException(kind, message, null, null, cause);
    }

    /** A failure of the given kind with a machine-readable reason (sent as {@code google.rpc.ErrorInfo}). */
    public static GardenException of(ErrorKind kind, String message, ErrorReason reason) {
        return new GardenException(kind, message, null, Objects.requireNonNull(reason, "reason"), null);
    }

    /** {@link ErrorKind#UNAUTHENTICATED} with its reason, e.g. {@code CREDENTIALS_MISSING}. */
    public static GardenException unauthenticated(String message, ErrorReason reason) {
        return of(ErrorKind.UNAUTHENTICATED, message, reason);
    }

    /** {@link ErrorKind#PERMISSION_DENIED} with its reason, e.g. {@code IAM_PERMISSION_DENIED}. */
    public static GardenException permissionDenied(String message, ErrorReason reason) {
        return of(ErrorKind.PERMISSION_DENIED, message, reason);
    }

    /** {@link ErrorKind#INVALID_ARGUMENT}. */
    public static GardenException invalidArgument(String message) {
        return of(ErrorKind.INVALID_ARGUMENT, message);
    }

    /** {@link ErrorKind#NOT_FOUND}. */
    public static GardenException notFound(String message) {
        return of(ErrorKind.NOT_FOUND, message);
    }

    /** {@link ErrorKind#INTERNAL}, keeping the cause for the log. */
    public static GardenException internal(String message, Throwable cause) {
        return of(ErrorKind.INTERNAL, message, cause);
    }

    /** {@link ErrorKind#RESOURCE_EXHAUSTED} with the time after which a retry is sensible. */
    public static GardenException resourceExhausted(String message, Duration retryAfter) {
        return new GardenException(ErrorKind.RESOURCE_EXHAUSTED, message, Objects.requireNonNull(retryAfter), null,
                null);
    }

    /** What went wrong. */
    public ErrorKind kind() {
        return kind;
    }

    /** The machine-readable reason, if the failure has one. */
    public Optional<ErrorReason> reason() {
        return Optional.ofNullable(reason);
    }

    /** When a retry is worth trying, if the failure says so. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
