package dev.garden.models.fetch;

import java.util.OptionalInt;

/**
 * A file or library that could not be fetched, verified or installed. The message is written for the person
 * running Garden: the URL and HTTP status, or the expected and actual checksums and the file, and what to do.
 */
public final class FetchException extends RuntimeException {

    private final int httpStatus;

    /** A failure described by {@code message}. */
    public FetchException(String message) {
        this(message, null, -1);
    }

    /** A failure described by {@code message}, caused by {@code cause}. */
    public FetchException(String message, Throwable cause) {
        this(message, cause, -1);
    }

    private FetchException(String message, Throwable cause, int httpStatus) {
        super(message, cause);
        this.httpStatus = httpStatus;
    }

    /** A server's refusal with this HTTP status. */
    static FetchException httpStatus(String message, int status) {
        return new FetchException(message, null, status);
    }

    /** This failure with advice appended to its message, keeping its HTTP status. */
    FetchException withHint(String hint) {
        return new FetchException(getMessage() + hint, this, httpStatus);
    }

    /** The HTTP status of the response that failed, when a server answered with an error. */
    public OptionalInt httpStatus() {
        return httpStatus < 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }
}
