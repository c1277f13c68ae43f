package dev.garden.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The machine-readable reason behind a failure, as Google's {@code google.rpc.ErrorInfo} carries it:
 * {@code ACCESS_TOKEN_EXPIRED} in domain {@code googleapis.com}, {@code IAM_PERMISSION_DENIED} in
 * {@code iam.googleapis.com}, with facts such as the permission that was missing.
 *
 * @param reason   UPPER_SNAKE_CASE, stable: clients branch on it
 * @param domain   the service or group that defines the reason
 * @param metadata further facts, in a stable order
 */
public record ErrorReason(String reason, String domain, Map<String, String> metadata) {
    public ErrorReason {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(domain, "domain");
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** A reason in {@code googleapis.com}, the domain of Google's authentication reasons. */
    public static ErrorReason googleapis(String reason, Map<String, String> metadata) {
        return new ErrorReason(reason, "googleapis.com", metadata);
    }
}
