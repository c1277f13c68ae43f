package dev.garden.wire.openai;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Objects;

/**
 * One message of a request's conversation.
 *
 * @param role       {@code system}, {@code developer}, {@code user}, {@code assistant} or {@code tool}
 * @param content    a string or a list of parts; {@code null} for an assistant turn that only calls tools
 * @param name       an optional participant name
 * @param toolCalls  {@code tool_calls}: the calls an assistant turn made, or {@code null}
 * @param toolCallId {@code tool_call_id}: for a tool message, the call it answers
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"role", "content", "name", "tool_calls", "tool_call_id"})
public record ChatCompletionRequestMessage(
        @JsonProperty("role") String role,
        @JsonProperty("content") MessageContent content,
        @JsonProperty("name") String name,
        @JsonProperty("tool_calls") List<ChatCompletionMessageToolCall> toolCalls,
        @JsonProperty("tool_call_id") String toolCallId) {

    /** Rejects a missing required component and copies collections, so the record stays immutable. */
    public ChatCompletionRequestMessage {
        Objects.requireNonNull(role, "role");
        toolCalls = toolCalls == null ? null : List.copyOf(toolCalls);
    }

    /** A message whose content is one string. */
    public static ChatCompletionRequestMessage of(String role, String content) {
        return new ChatCompletionRequestMessage(role, new MessageContent.Text(content), null, null, null);
    }
}
