package dev.garden.wire.openai;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Objects;

/**
 * The {@code function} of a {@link ChatCompletionTool}: what the model may call.
 *
 * @param name        the function's name, {@code ^[a-zA-Z0-9_-]{1,64}$}
 * @param description what it does, for the model; omitted when {@code null}
 * @param parameters  its parameters as a JSON Schema, kept as a tree; omitted when {@code null} (OpenAI then means
 *                    "no parameters")
 * @param strict      whether the caller asked for strict arguments; omitted when {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"name", "description", "parameters", "strict"})
public record FunctionDefinition(@JsonProperty("name") String name,
                                 @JsonProperty("description") String description,
                                 @JsonProperty("parameters") JsonNode parameters,
                                 @JsonProperty("strict") Boolean strict) {
    /** Rejects a missing required component. */
    public FunctionDefinition {
        Objects.requireNonNull(name, "name");
    }
}
