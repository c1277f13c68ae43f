package dev.garden.wire.google;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Objects;

/**
 * The body of a failed Google API call: one {@code error} object.
 *
 * <p>Vertex AI sometimes wraps this object in a JSON array; the array breaks the OpenAI SDKs' error messages, so
 * Garden always sends the plain object.
 *
 * @param error what went wrong
 */
public record ErrorResponse(@JsonProperty("error") Status error) {
    /** Rejects a missing required component. */
    public ErrorResponse {
        Objects.requireNonNull(error, "error");
    }

    /**
     * An error without details.
     *
     * @param code    the HTTP status code, e.g. {@code 400}
     * @param status  the canonical code's name, e.g. {@code INVALID_ARGUMENT}
     * @param message a message for the caller
     */
    public static ErrorResponse of(int code, String status, String message) {
        return new ErrorResponse(new Status(code, message, status, List.of()));
    }
}
