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
 * @param role             always {@code assistant}
 * @param content          the text; written as {@code null} when there is none (a turn that only calls tools, as
 *                         OpenAI writes it)
 * @param refusal          the model's refusal message; written as {@code null} when it did not refuse, as OpenAI
 *                         does
 * @param toolCalls        {@code tool_calls}: the calls the assistant made; omitted when {@code null}
 * @param reasoningContent {@code reasoning_content}: the model's thoughts, when the request asked to see them;
 *                         omitted when {@code null}. Not in OpenAI's API (its models hide their reasoning): the name
 *                         vLLM, llama.cpp's server and DeepSeek use, which the SDKs keep as an extra field
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"role", "content", "refusal", "tool_calls", "reasoning_content"})
public record ChatCompletionMessage(
        @JsonProperty("role") String role,
        @JsonProperty("content") String content,
        @JsonProperty("refusal") String refusal,
        @JsonProperty("tool_calls") @JsonInclude(JsonInclude.Include.NON_NULL)
        List<ChatCompletionMessageToolCall> toolCalls,
        @JsonProperty("reasoning_content") @JsonInclude(JsonInclude.Include.NON_NULL) String reasoningContent) {

    /** The role of every message a model writes. */
    public static final String ROLE_ASSISTANT = "assistant";

    /** Rejects a missing required component and copies collections, so the record stays immutable. */
    public ChatCompletionMessage {
        Objects.requireNonNull(role, "role");
        toolCalls = toolCalls == null ? null : List.copyOf(toolCalls);
    }

    /** An assistant message of plain text. */
    public static ChatCompletionMessage assistant(String content) {
        return new ChatCompletionMessage(ROLE_ASSISTANT, content, null, null, null);
    }
}
