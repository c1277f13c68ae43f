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
 * @param format    the shape the answer must take
 * @param tools     functions the model may call
 * @param toolChoice whether and which tools it must call ({@link ToolChoice#AUTO} when tools are given)
 * @param parallelToolCalls whether a choice may call several tools at once ({@code parallel_tool_calls})
 * @param reasoning thinking budget and whether thoughts are returned
 */
public record InferenceRequest(String model, List<ChatMessage> messages, SamplingParams sampling,
                               OptionalInt maxTokens, List<String> stop, int choices, ResponseFormat format,
                               List<ToolDefinition> tools, ToolChoice toolChoice, boolean parallelToolCalls,
                               Reasoning reasoning) {
    public InferenceRequest {
        Objects.requireNonNull(model, "model");
        messages = List.copyOf(messages);
        Objects.requireNonNull(sampling, "sampling");
        Objects.requireNonNull(maxTokens, "maxTokens");
        stop = List.copyOf(stop);
        if (choices < 1) {
            throw new IllegalArgumentException("choices must be at least 1");
        }
        Objects.requireNonNull(format, "format");
        tools = List.copyOf(tools);
        Objects.requireNonNull(toolChoice, "toolChoice");
        Objects.requireNonNull(reasoning, "reasoning");
    }

    /** A plain text request: no format, no tools, the model's own thinking. */
    public InferenceRequest(String model, List<ChatMessage> messages, SamplingParams sampling, OptionalInt maxTokens,
                            List<String> stop, int choices) {
        this(model, messages, sampling, maxTokens, stop, choices, ResponseFormat.TEXT, List.of(), ToolChoice.AUTO,
                true, Reasoning.DEFAULT);
    }

    /** A single-choice request with default sampling: handy in tests. */
    public static InferenceRequest of(String model, List<ChatMessage> messages) {
        return new InferenceRequest(model, messages, SamplingParams.DEFAULTS, OptionalInt.empty(), List.of(), 1);
    }
}
