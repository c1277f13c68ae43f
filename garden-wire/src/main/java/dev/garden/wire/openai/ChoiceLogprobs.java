package dev.garden.wire.openai;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * A choice's {@code logprobs}, when the request asked for them. Garden does not produce them yet; the type exists so
 * that answers from upstream servers that do can be read.
 *
 * @param content the log probability of each content token, or {@code null}
 * @param refusal the log probability of each refusal token, or {@code null}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"content", "refusal"})
public record ChoiceLogprobs(@JsonProperty("content") List<ChatCompletionTokenLogprob> content,
                             @JsonProperty("refusal") List<ChatCompletionTokenLogprob> refusal) {

    /**
     * One token and its log probability.
     *
     * @param token       the token's text
     * @param logprob     its log probability
     * @param bytes       its UTF-8 bytes, or {@code null}
     * @param topLogprobs {@code top_logprobs}: the most likely tokens at this position
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"token", "logprob", "bytes", "top_logprobs"})
    public record ChatCompletionTokenLogprob(@JsonProperty("token") String token,
                                             @JsonProperty("logprob") double logprob,
                                             @JsonProperty("bytes") List<Integer> bytes,
                                             @JsonProperty("top_logprobs") List<TopLogprob> topLogprobs) {
    }

    /**
     * One of the most likely tokens at a position.
     *
     * @param token   the token's text
     * @param logprob its log probability
     * @param bytes   its UTF-8 bytes, or {@code null}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"token", "logprob", "bytes"})
    public record TopLogprob(@JsonProperty("token") String token,
                             @JsonProperty("logprob") double logprob,
                             @JsonProperty("bytes") List<Integer> bytes) {
    }
}
