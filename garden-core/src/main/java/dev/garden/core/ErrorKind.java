package dev.garden.core;

/**
 * What went wrong, in the vocabulary of Google's canonical error codes.
 *
 * <p>Backends and services name the kind; only the HTTP layer decides the status code and body, in one place.
 * See <a href="https://cloud.google.com/apis/design/errors#handling_errors">Google's error model</a>.
 */
public enum ErrorKind {
    /** The client sent something wrong: a malformed body, a wrong type, a value out of range, a prompt too long. */
    INVALID_ARGUMENT,
    /** The request carried no valid credentials. */
    UNAUTHENTICATED,
    /** The caller is known but may not do this. */
    PERMISSION_DENIED,
    /** A model, endpoint or resource named in the request does not exist. */
    NOT_FOUND,
    /** What the request would create exists already. */
    ALREADY_EXISTS,
    /** Capacity or quota is exhausted; the client may retry later. */
    RESOURCE_EXHAUSTED,
    /** The request conflicts with the current state (for example a model that failed to load). */
    FAILED_PRECONDITION,
    /** The client went away or cancelled. */
    CANCELLED,
    /** The service cannot serve now (shutting down, a dependency down); retrying later may succeed. */
    UNAVAILABLE,
    /** The work did not finish in time. */
    DEADLINE_EXCEEDED,
    /** A bug or an unexpected failure inside Garden. */
    INTERNAL
}
