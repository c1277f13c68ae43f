package dev.garden.core.inference;

import java.util.OptionalLong;

/**
 * How the next token is chosen.
 *
 * @param temperature      0 picks the most likely token; higher spreads the choice (0..2)
 * @param topP             nucleus sampling: keep the smallest set of tokens whose probability reaches this (0..1]
 * @param seed             makes sampling repeatable: the same seed and request give the same output
 * @param presencePenalty  lowers the odds of tokens that already appeared (-2..2)
 * @param frequencyPenalty lowers the odds of tokens in proportion to how often they appeared (-2..2)
 */
public record SamplingParams(double temperature, double topP, OptionalLong seed, double presencePenalty,
                             double frequencyPenalty) {

    /** OpenAI's and Vertex's defaults: temperature 1, top_p 1, no seed, no penalties. */
    public static final SamplingParams DEFAULTS = new SamplingParams(1.0, 1.0, OptionalLong.empty(), 0, 0);

    /** Whether the choice is deterministic without a random draw. */
    public boolean greedy() {
        return temperature <= 0;
    }
}
