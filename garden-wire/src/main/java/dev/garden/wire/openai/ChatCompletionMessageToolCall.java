package dev.garden.wire.openai;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Objects;

/**
 * A function call an assistant made: {@code {"id": "call_1", "type": "function", "function": {"name": "...",
 * "arguments": "{...}"}}}.
 *
 * @param id       the call's id, which the tool message answering it repeats as {@code tool_call_id}
 * @param type     always {@code function} today
 * @param function the function called
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"id", "type", "function"})
public record ChatCompletionMessageToolCall(@JsonProperty("id") String id,
                                            @JsonProperty("type") String type,
                                            @JsonProperty("function") Function function) {

    /** The only {@code type} the API defines for chat tool calls. */
    public static final String TYPE_FUNCTION = "function";

    /** Rejects a missing required component. */
    public ChatCompletionMessageToolCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(function, "function");
    }

    /** A function call with the given id, name and arguments. */
    public static ChatCompletionMessageToolCall function(String id, String name, String arguments) {
        return new ChatCompletionMessageToolCall(id, TYPE_FUNCTION, new Function(name, arguments));
    }

    /**
     * The function of a tool call.
     *
     * @param name      the function's name
     * @param arguments the arguments as a JSON text, exactly as the model wrote them (not necessarily valid JSON)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"name", "arguments"})
    public record Function(@JsonProperty("name") String name, @JsonProperty("arguments") String arguments) {
        /** Rejects a missing required component. */
        public Function {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(arguments, "arguments");
        }
    }
}
