package dev.garden.wire.openai;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Objects;

/**
 * What the assistant said in one choice of a {@link ChatCompletion}.
 *
 * @param role      always {@code assistant}
 * @param content   the text; written as {@code null} when the turn only calls tools, as OpenAI does
 * @param refusal   the model's refusal message; written as {@code null} when it did not refuse, as OpenAI does
 * @param toolCalls {@code tool_calls}: the calls the assistant made; omitted when {@code null}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"role", "content", "refusal", "tool_calls"})
public record ChatCompletionMessage(
        @JsonProperty("role") String role,
        @JsonProperty("content") String content,
        @JsonProperty("refusal") String refusal,
        @JsonProperty("tool_calls") @JsonInclude(JsonInclude.Include.NON_NULL)
        List<ChatCompletionMessageToolCall> toolCalls) {

    /** The role of every message a model writes. */
    public static final String ROLE_ASSISTANT = "assistant";

    /** Rejects a missing required component and copies collections, so the record stays immutable. */
    public ChatCompletionMessage {
        Objects.requireNonNull(role, "role");
        toolCalls = toolCalls == null ? null : List.copyOf(toolCalls);
    }

    /** An assistant message of plain text. */
    public static ChatCompletionMessage assistant(String content) {
        return new ChatCompletionMessage(ROLE_ASSISTANT, content, null, null);
    }
}
