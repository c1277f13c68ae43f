package dev.garden.core.inference;

import java.util.Objects;

/** Whether and which tools the model must call ({@code tool_choice}). */
public sealed interface ToolChoice {

    /** Never call a tool; answer in text. */
    record None() implements ToolChoice {
    }

    /**
     * The model decides: text, or one or more calls, each call's arguments valid per its function's schema (once a
     * call begins it is constrained). The default when tools are given; Vertex's {@code validated} means the same.
     */
    record Auto() implements ToolChoice {
    }

    /** At least one call, to any of the tools. */
    record Required() implements ToolChoice {
    }

    /** A call to this function. */
    record Named(String name) implements ToolChoice {
        public Named {
            Objects.requireNonNull(name, "name");
        }
    }

    /** {@code none}. */
    ToolChoice NONE = new None();
    /** {@code auto}. */
    ToolChoice AUTO = new Auto();
    /** {@code required}. */
    ToolChoice REQUIRED = new Required();
}
