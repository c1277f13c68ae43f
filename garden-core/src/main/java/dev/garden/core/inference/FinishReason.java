package dev.garden.core.inference;

/** Why a choice ended. */
public enum FinishReason {
    /** The model ended its turn, or a stop string was generated. */
    STOP,
    /** The token limit or the context ran out. */
    LENGTH,
    /** The model called one or more tools and waits for their results. */
    TOOL_CALLS
}
