package dev.garden.core.inference;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A request to continue a conversation, as the domain sees it: already validated, free of wire details.
 *
 * @param model     the model to run, as the caller named it
 * @param messages  the conversation so far
 * @param sampling  how tokens are chosen
 * @param maxTokens the most tokens to generate per choice; empty means as many as the context allows
 * @param stop      strings that end a choice when generated (not included in the output)
 * @param choices   how many independent answers to generate ({@code n})
 */
public record InferenceRequest(String model, List<ChatMessage> messages, SamplingParams sampling,
                               OptionalInt maxTokens, List<String> stop, int choices) {
    public InferenceRequest {
        Objects.requireNonNull(model, "model");
        messages = List.copyOf(messages);
        Objects.requireNonNull(sampling, "sampling");
        Objects.requireNonNull(maxTokens, "maxTokens");
        stop = List.copyOf(stop);
        if (choices < 1) {
            throw new IllegalArgumentException("choices must be at least 1");
        }
    }

    /** A single-choice request with default sampling: handy in tests. */
    public static InferenceRequest of(String model, List<ChatMessage> messages) {
        return new InferenceRequest(model, messages, SamplingParams.DEFAULTS, OptionalInt.empty(), List.of(), 1);
    }
}
