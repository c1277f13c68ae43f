package dev.garden.wire.vertex;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A body's {@code extra_body} member, as it reaches the server: {@code {"google": {...}}}.
 *
 * <p>The member exists on the wire because of how the Python SDK treats its own {@code extra_body} argument: it
 * spreads that argument into the body, so Google's samples pass {@code extra_body={"extra_body": {"google": ...}}}
 * and the server sees {@code "extra_body": {"google": ...}}. Vertex AI honours a top-level {@code "google"} too
 * (what a plain {@code extra_body={"google": ...}} produces).
 *
 * @param google {@code google}: Vertex AI's own parameters; omitted when {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExtraBody(@JsonProperty("google") GoogleExtensions google) {
}
