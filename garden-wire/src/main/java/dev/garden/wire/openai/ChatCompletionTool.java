package dev.garden.wire.openai;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Objects;

/**
 * One entry of a request's {@code tools}: {@code {"type": "function", "function": {...}}}.
 *
 * @param type     always {@value #TYPE_FUNCTION} (OpenAI's {@code custom} tools are not part of Vertex AI's surface)
 * @param function the function the model may call
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"type", "function"})
public record ChatCompletionTool(@JsonProperty("type") String type,
                                 @JsonProperty("function") FunctionDefinition function) {

    /** The {@code type} of a function tool. */
    public static final String TYPE_FUNCTION = "function";

    /** Rejects a missing required component. */
    public ChatCompletionTool {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(function, "function");
    }

    /** A function tool. */
    public static ChatCompletionTool function(FunctionDefinition function) {
        return new ChatCompletionTool(TYPE_FUNCTION, function);
    }
}
