package dev.garden.core.inference;

import java.util.OptionalInt;

/**
 * How much a thinking model may think before it answers, and whether the caller sees the thoughts
 * ({@code reasoning_effort}, or {@code extra_body.google.thinking_config}).
 *
 * @param budget          the most thought tokens; 0 skips thinking; empty leaves it to the model
 * @param includeThoughts whether thoughts are returned ({@code reasoning_content}); they are counted either way
 */
public record Reasoning(OptionalInt budget, boolean includeThoughts) {
    public Reasoning {
        if (budget.isPresent() && budget.getAsInt() < 0) {
            throw new IllegalArgumentException("a thinking budget cannot be negative");
        }
    }

    /** The model's own behaviour, thoughts hidden: what a request without reasoning parameters gets. */
    public static final Reasoning DEFAULT = new Reasoning(OptionalInt.empty(), false);

    /** {@code reasoning_effort: low}: 1,024 thought tokens, as Vertex AI maps it. */
    public static final int LOW = 1024;
    /** {@code reasoning_effort: medium}: 8,192. */
    public static final int MEDIUM = 8192;
    /** {@code reasoning_effort: high}: 24,576. */
    public static final int HIGH = 24576;
}
