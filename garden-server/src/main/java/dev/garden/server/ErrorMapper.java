package dev.garden.server;

import dev.garden.core.ErrorKind;
import dev.garden.core.GardenException;
import dev.garden.core.ErrorReason;
import dev.garden.wire.google.ErrorDetail;
import dev.garden.wire.google.ErrorInfo;
import dev.garden.wire.google.ErrorResponse;
import dev.garden.wire.google.Status;

import java.util.List;
import java.util.Optional;

/**
 * The one place that turns failures into what the client sees: HTTP status, Google's error body and
 * {@code Retry-After}. Every error response and every error event of a stream is made here.
 *
 * <p>A {@link GardenException}'s message was written for the API's caller and is sent as it is; anything else is a
 * bug, logged with its stack trace and answered with Google's generic {@code INTERNAL} message, so that nothing
 * about Garden's insides leaks. See <a href="https://cloud.google.com/apis/design/errors#handling_errors">Google's
 * error model</a> for the codes.
 */
final class ErrorMapper {
    private static final System.Logger LOG = System.getLogger(ErrorMapper.class.getName());

    /** Google's own wording for an internal error; says nothing of the cause on purpose. */
    static final String INTERNAL_MESSAGE = "Internal error encountered.";

    private ErrorMapper() {
    }

    /** What the client sees for a failure thrown anywhere while serving a request. */
    static HttpFailure map(Throwable failure) {
        return switch (failure) {
            case GardenException e -> of(e.kind(), e.getMessage(), e);
            case PayloadTooLargeException e -> new HttpFailure(413,
                    ErrorResponse.of(413, ErrorKind.INVALID_ARGUMENT.name(), e.getMessage()));
            default -> {
                LOG.log(System.Logger.Level.ERROR, "Unexpected failure while serving a request", failure);
                yield of(ErrorKind.INTERNAL, INTERNAL_MESSAGE, null);
            }
        };
    }

    /** The HTTP status of each kind, as Google maps its canonical codes. */
    static int httpStatus(ErrorKind kind) {
        return switch (kind) {
            case INVALID_ARGUMENT, FAILED_PRECONDITION -> 400;
            case UNAUTHENTICATED -> 401;
            case PERMISSION_DENIED -> 403;
            case NOT_FOUND -> 404;
            case ALREADY_EXISTS -> 409;
            case RESOURCE_EXHAUSTED -> 429;
            // Not a registered HTTP status: nginx's "client closed request", which Google's mapping uses too.
            case CANCELLED -> 499;
            case INTERNAL -> 500;
            case UNAVAILABLE -> 503;
            case DEADLINE_EXCEEDED -> 504;
        };
    }

    /**
     * The canonical code's name for an HTTP status that did not come from an {@link ErrorKind} (a path that does
     * not exist, an HTTP-level error Helidon found before routing).
     */
    static String canonicalStatus(int httpStatus) {
        return switch (httpStatus) {
            case 401 -> ErrorKind.UNAUTHENTICATED.name();
            case 403 -> ErrorKind.PERMISSION_DENIED.name();
            case 404 -> ErrorKind.NOT_FOUND.name();
            case 409 -> ErrorKind.ALREADY_EXISTS.name();
            case 429 -> ErrorKind.RESOURCE_EXHAUSTED.name();
            case 499 -> ErrorKind.CANCELLED.name();
            case 501 -> "UNIMPLEMENTED";
            case 503 -> ErrorKind.UNAVAILABLE.name();
            case 504 -> ErrorKind.DEADLINE_EXCEEDED.name();
            default -> httpStatus >= 500 ? ErrorKind.INTERNAL.name() : ErrorKind.INVALID_ARGUMENT.name();
        };
    }

    /** 404 for a path Garden does not serve. */
    static HttpFailure pathNotFound(String path) {
        return plain(404, "The requested URL " + path + " was not found on this server.");
    }

    /** 405 for a path Garden serves, asked with another method. */
    static HttpFailure methodNotAllowed(String method, String path, List<String> allowed) {
        return plain(405, "Method " + method + " is not allowed for " + path + "; use "
                          + String.join(" or ", allowed) + ".");
    }

    /** 503 while the readiness check says Garden cannot serve yet. */
    static HttpFailure notReady() {
        return of(ErrorKind.UNAVAILABLE, "Garden is not ready to serve requests yet.", null);
    }

    /** An HTTP-level failure with the canonical code that fits its status. */
    static HttpFailure plain(int httpStatus, String message) {
        return new HttpFailure(httpStatus, ErrorResponse.of(httpStatus, canonicalStatus(httpStatus), message));
    }

    private static HttpFailure of(ErrorKind kind, String message, GardenException cause) {
        if (cause != null && kind == ErrorKind.INTERNAL) {
            // The message is for the caller; the stack trace and the cause are for whoever reads the log.
            LOG.log(System.Logger.Level.ERROR, "Internal failure: " + message, cause);
        }
        int status = httpStatus(kind);
        Optional<ErrorReason> reason = cause == null ? Optional.empty() : cause.reason();
        List<ErrorDetail> details = reason
                .<List<ErrorDetail>>map(r -> List.of(new ErrorInfo(r.reason(), r.domain(), r.metadata())))
                .orElse(List.of());
        return new HttpFailure(status, new ErrorResponse(new Status(status, message, kind.name(), details)),
                cause == null ? Optional.empty() : cause.retryAfter(),
                kind == ErrorKind.UNAUTHENTICATED ? Optional.of(challenge(reason)) : Optional.empty());
    }

    /**
     * The Bearer challenge of a 401 (RFC 6750 §3): without an error code when no credentials came, with
     * {@code invalid_token} when they did and were refused, as Google answers.
     */
    private static String challenge(Optional<ErrorReason> reason) {
        boolean missing = reason.map(r -> r.reason().equals("CREDENTIALS_MISSING")).orElse(false);
        return missing ? "Bearer realm=\"garden\"" : "Bearer realm=\"garden\", error=\"invalid_token\"";
    }
}
