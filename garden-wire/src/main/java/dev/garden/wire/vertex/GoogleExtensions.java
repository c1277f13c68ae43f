package dev.garden.wire.vertex;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code google} object of a request ({@code extra_body.google} or top-level {@code google}): Vertex AI's
 * parameters beyond OpenAI's. Garden reads {@code thinking_config}; the others are ignored.
 *
 * @param thinkingConfig {@code thinking_config}: how much the model may think; omitted when {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record GoogleExtensions(@JsonProperty("thinking_config") ThinkingConfig thinkingConfig) {
}
