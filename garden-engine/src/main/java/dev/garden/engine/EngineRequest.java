package dev.garden.engine;

import dev.garden.core.inference.SamplingParams;

import dev.garden.llama.LlamaGrammar;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Work for the engine: a tokenized prompt and how to continue it.
 *
 * @param prompt    the prompt's tokens (not empty)
 * @param sampling  how tokens are chosen; with a seed, choice {@code i} draws with seed + i
 * @param maxTokens the most tokens per choice; the context may end a choice sooner
 * @param stop      strings that end a choice (not emitted)
 * @param choices   independent continuations of the same prompt
 * @param ignoreEndOfGeneration keep generating past end-of-generation tokens until {@code maxTokens}: for
 *                  benchmarks that must generate an exact count (llama.cpp server's {@code ignore_eos})
 * @param grammar   a grammar every choice's output must follow; each choice runs its own copy, made when the choice
 *                  starts. The engine never closes this one: its owner may once the listener has heard
 *                  {@code onComplete} or {@code onError}, after which no choice of the request starts.
 * @param thoughts  a thinking budget to enforce, for models that think (also how the engine knows when a choice
 *                  is inside a thought)
 * @param grammarWaitsForThoughts whether the grammar is set aside while a choice is inside a thought (a lazy tool
 *                  grammar, whose trigger words a thought may mention); otherwise it constrains thoughts too
 */
public record EngineRequest(int[] prompt, SamplingParams sampling, int maxTokens, List<String> stop, int choices,
                            boolean ignoreEndOfGeneration, Optional<LlamaGrammar> grammar,
                            Optional<ThoughtLimit> thoughts, boolean grammarWaitsForThoughts) {
    public EngineRequest {
        Objects.requireNonNull(prompt, "prompt");
        if (prompt.length == 0) {
            throw new IllegalArgumentException("the prompt has no tokens");
        }
        Objects.requireNonNull(sampling, "sampling");
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be positive");
        }
        stop = List.copyOf(stop);
        if (choices < 1) {
            throw new IllegalArgumentException("choices must be positive");
        }
        Objects.requireNonNull(grammar, "grammar");
        Objects.requireNonNull(thoughts, "thoughts");
    }

    /** A request whose grammar, if any, also constrains thoughts. */
    public EngineRequest(int[] prompt, SamplingParams sampling, int maxTokens, List<String> stop, int choices,
                         boolean ignoreEndOfGeneration, Optional<LlamaGrammar> grammar,
                         Optional<ThoughtLimit> thoughts) {
        this(prompt, sampling, maxTokens, stop, choices, ignoreEndOfGeneration, grammar, thoughts, false);
    }

    /** A request without a thinking budget. */
    public EngineRequest(int[] prompt, SamplingParams sampling, int maxTokens, List<String> stop, int choices,
                         boolean ignoreEndOfGeneration, Optional<LlamaGrammar> grammar) {
        this(prompt, sampling, maxTokens, stop, choices, ignoreEndOfGeneration, grammar, Optional.empty());
    }

    /** An unconstrained request. */
    public EngineRequest(int[] prompt, SamplingParams sampling, int maxTokens, List<String> stop, int choices,
                         boolean ignoreEndOfGeneration) {
        this(prompt, sampling, maxTokens, stop, choices, ignoreEndOfGeneration, Optional.empty());
    }

    /** An unconstrained request that ends at the model's end-of-generation token, as API requests do. */
    public EngineRequest(int[] prompt, SamplingParams sampling, int maxTokens, List<String> stop, int choices) {
        this(prompt, sampling, maxTokens, stop, choices, false, Optional.empty());
    }
}
