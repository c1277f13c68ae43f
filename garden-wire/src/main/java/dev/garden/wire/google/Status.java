package dev.garden.wire.google;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Objects;

/**
 * {@code google.rpc.Status} in its HTTP form: the HTTP status code, a message, the canonical code's name, and
 * optional typed details.
 *
 * @param code    the HTTP status code ({@code 400}, {@code 404}, {@code 429}, ...)
 * @param message a message written for the caller
 * @param status  the canonical code's name ({@code INVALID_ARGUMENT}, {@code NOT_FOUND}, ...)
 * @param details typed details such as {@link ErrorInfo}; omitted from the JSON when empty
 */
@JsonPropertyOrder({"code", "message", "status", "details"})
public record Status(@JsonProperty("code") int code,
                     @JsonProperty("message") String message,
                     @JsonProperty("status") String status,
                     @JsonProperty("details") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ErrorDetail> details) {
    /** Rejects a missing required component and copies collections, so the record stays immutable. */
    public Status {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(status, "status");
        details = details == null ? List.of() : List.copyOf(details);
    }
}
