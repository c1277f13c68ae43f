package dev.garden.wire.openai;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * {@code usage}: token counts of a whole request.
 *
 * @param promptTokens            {@code prompt_tokens}
 * @param completionTokens        {@code completion_tokens}, over all choices
 * @param totalTokens             {@code total_tokens}: prompt and completion together
 * @param completionTokensDetails {@code completion_tokens_details}; omitted when {@code null}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"prompt_tokens", "completion_tokens", "total_tokens", "completion_tokens_details"})
public record CompletionUsage(
        @JsonProperty("prompt_tokens") int promptTokens,
        @JsonProperty("completion_tokens") int completionTokens,
        @JsonProperty("total_tokens") int totalTokens,
        @JsonProperty("completion_tokens_details") @JsonInclude(JsonInclude.Include.NON_NULL)
        CompletionTokensDetails completionTokensDetails) {

    /** Counts without details; {@code total_tokens} is their sum. */
    public static CompletionUsage of(int promptTokens, int completionTokens) {
        return new CompletionUsage(promptTokens, completionTokens, promptTokens + completionTokens, null);
    }

    /**
     * Counts with {@code completion_tokens_details.reasoning_tokens} (written even when 0, as OpenAI does, so that
     * {@code usage.completion_tokens_details.reasoning_tokens} never fails on a missing object);
     * {@code total_tokens} is the sum of prompt and completion.
     */
    public static CompletionUsage of(int promptTokens, int completionTokens, int reasoningTokens) {
        return new CompletionUsage(promptTokens, completionTokens, promptTokens + completionTokens,
                new CompletionTokensDetails(reasoningTokens));
    }

    /**
     * {@code completion_tokens_details}.
     *
     * @param reasoningTokens {@code reasoning_tokens}: the completion tokens spent thinking; omitted when {@code null}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CompletionTokensDetails(@JsonProperty("reasoning_tokens") Integer reasoningTokens) {
    }
}
