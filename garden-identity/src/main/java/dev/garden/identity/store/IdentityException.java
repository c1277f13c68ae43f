package dev.garden.identity.store;

import java.util.Objects;

/**
 * A failed identity store operation, with a message a person can act on ("service account x already exists",
 * "no such project: p") and a {@link Kind} that callers map to their own error vocabulary (the CLI to an exit
 * code, the server to Google's canonical codes).
 */
public final class IdentityException extends RuntimeException {

    /** What went wrong, named after Google's canonical error codes. */
    public enum Kind {
        /** A name, id or email breaks the rules for it. */
        INVALID_ARGUMENT,
        /** The project, account, key, user, client, token or binding does not exist. */
        NOT_FOUND,
        /** Something with that name or id exists already. */
        ALREADY_EXISTS,
        /** The operation conflicts with the current state, e.g. a key limit reached or a disabled user. */
        FAILED_PRECONDITION,
        /** The database cannot be reached or is busy; retrying later may succeed. */
        UNAVAILABLE,
        /** An unexpected database failure. */
        INTERNAL
    }

    private final Kind kind;

    IdentityException(Kind kind, String message) {
        this(kind, message, null);
    }

    IdentityException(Kind kind, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    static IdentityException notFound(String message) {
        return new IdentityException(Kind.NOT_FOUND, message);
    }

    static IdentityException alreadyExists(String message) {
        return new IdentityException(Kind.ALREADY_EXISTS, message);
    }

    static IdentityException invalidArgument(String message) {
        return new IdentityException(Kind.INVALID_ARGUMENT, message);
    }

    static IdentityException failedPrecondition(String message) {
        return new IdentityException(Kind.FAILED_PRECONDITION, message);
    }

    /** What went wrong. */
    public Kind kind() {
        return kind;
    }
}
