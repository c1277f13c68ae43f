package dev.garden.core.inference;

import java.util.Objects;

/**
 * A function call an assistant made, as it appears in a conversation's history.
 *
 * @param id        the call's id, which the tool's answer refers to
 * @param name      the function's name
 * @param arguments the arguments as a JSON text, exactly as the model wrote them
 */
public record ToolCall(String id, String name, String arguments) {
    public ToolCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arguments, "arguments");
    }
}
