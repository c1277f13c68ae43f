package dev.garden.wire.google;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@code google.rpc.ErrorInfo}: a machine-readable reason, e.g.
 * {@code {"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "ACCESS_TOKEN_EXPIRED",
 * "domain": "googleapis.com", "metadata": {"service": "aiplatform.googleapis.com"}}}.
 * See <a href="https://github.com/googleapis/googleapis/blob/master/google/rpc/error_details.proto">
 * error_details.proto</a>.
 *
 * @param reason   the reason in UPPER_SNAKE_CASE
 * @param domain   the logical grouping the reason belongs to, e.g. {@code googleapis.com}
 * @param metadata further facts; omitted from the JSON when empty
 */
@JsonPropertyOrder({"reason", "domain", "metadata"})
public record ErrorInfo(@JsonProperty("reason") String reason,
                        @JsonProperty("domain") String domain,
                        @JsonProperty("metadata") @JsonInclude(JsonInclude.Include.NON_EMPTY)
                        Map<String, String> metadata)
        implements ErrorDetail {

    /** The {@code @type} that marks an {@code ErrorInfo} among a status's details. */
    public static final String TYPE_URL = "type.googleapis.com/google.rpc.ErrorInfo";

    /** Rejects a missing required component and copies collections, so the record stays immutable. */
    public ErrorInfo {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(domain, "domain");
        // Keep the caller's order: the JSON should read the same every time.
        metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }
}
