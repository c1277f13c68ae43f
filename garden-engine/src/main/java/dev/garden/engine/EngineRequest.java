package dev.garden.engine;

import dev.garden.core.inference.SamplingParams;

import dev.garden.engine.llama.LlamaGrammar;

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
 * @param grammar   a grammar every choice's output must follow; each choice runs its own copy (the engine does not
 *                  close this one: its owner caches it)
 * @param thoughts  a thinking budget to enforce, for models that think
 */
public record EngineRequest(int[] prompt, SamplingParams sampling, int maxTokens, List<String> stop, int choices,
                            boolean ignoreEndOfGeneration, Optional<LlamaGrammar> grammar,
                            Optional<ThoughtLimit> thoughts) {
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
