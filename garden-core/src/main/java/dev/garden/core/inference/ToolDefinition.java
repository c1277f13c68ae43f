package dev.garden.core.inference;

import java.util.Objects;

/**
 * A function the model may call.
 *
 * @param name        the function's name
 * @param description what it does, for the model; may be empty
 * @param parameters  its parameters as a JSON Schema, as JSON text ({@code {"type":"object","properties":{}}} when
 *                    the client gave none)
 * @param strict      whether the client asked for strict arguments (Garden enforces the schema when it constrains
 *                    a call)
 */
public record ToolDefinition(String name, String description, String parameters, boolean strict) {
    public ToolDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(parameters, "parameters");
    }
}
