package dev.garden.wire.openai;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.garden.wire.vertex.ExtraBody;
import dev.garden.wire.vertex.GoogleExtensions;

import java.util.List;

/**
 * The body of {@code POST .../chat/completions}: the parameters Garden reads. Others ({@code logprobs},
 * {@code user}, ...) are ignored when read, as Vertex AI ignores parameters it does not support.
 *
 * <p>Every optional parameter is {@code null} when absent. {@code stop} may be a string or a list on the wire; it
 * is read as a list either way.
 *
 * @param model               the model, e.g. {@code google/gemini-2.5-flash}
 * @param messages            the conversation so far
 * @param maxTokens           {@code max_tokens}: the most tokens to generate (deprecated by OpenAI, still sent)
 * @param maxCompletionTokens {@code max_completion_tokens}: the same limit under its newer name
 * @param temperature         sampling temperature, 0..2
 * @param topP                nucleus sampling mass, 0..1
 * @param stop                strings that end a choice
 * @param seed                makes sampling repeatable
 * @param n                   how many choices to generate
 * @param presencePenalty     -2..2
 * @param frequencyPenalty    -2..2
 * @param stream              whether to answer with server-sent events
 * @param streamOptions       options of a streamed answer
 * @param responseFormat      {@code response_format}: the shape the answer must take
 * @param tools               functions the model may call
 * @param toolChoice          {@code tool_choice}: whether and which tools the model must call
 * @param parallelToolCalls   {@code parallel_tool_calls}: whether the model may make several calls in one turn
 * @param reasoningEffort     {@code reasoning_effort}: {@code none}, {@code minimal}, {@code low}, {@code medium} or
 *                            {@code high}
 * @param extraBody           {@code extra_body}: Vertex AI's parameters, as the Python SDK's samples send them
 * @param google              {@code google}: Vertex AI's parameters at the top level, the other spelling
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"model", "messages", "max_tokens", "max_completion_tokens", "temperature", "top_p", "stop", "seed",
        "n", "presence_penalty", "frequency_penalty", "stream", "stream_options", "response_format", "tools",
        "tool_choice", "parallel_tool_calls", "reasoning_effort", "extra_body", "google"})
public record ChatCompletionRequest(
        @JsonProperty("model") String model,
        @JsonProperty("messages") List<ChatCompletionRequestMessage> messages,
        @JsonProperty("max_tokens") Integer maxTokens,
        @JsonProperty("max_completion_tokens") Integer maxCompletionTokens,
        @JsonProperty("temperature") Double temperature,
        @JsonProperty("top_p") Double topP,
        @JsonProperty("stop") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> stop,
        @JsonProperty("seed") Long seed,
        @JsonProperty("n") Integer n,
        @JsonProperty("presence_penalty") Double presencePenalty,
        @JsonProperty("frequency_penalty") Double frequencyPenalty,
        @JsonProperty("stream") Boolean stream,
        @JsonProperty("stream_options") ChatCompletionStreamOptions streamOptions,
        @JsonProperty("response_format") ResponseFormat responseFormat,
        @JsonProperty("tools") List<ChatCompletionTool> tools,
        @JsonProperty("tool_choice") ChatCompletionToolChoiceOption toolChoice,
        @JsonProperty("parallel_tool_calls") Boolean parallelToolCalls,
        @JsonProperty("reasoning_effort") String reasoningEffort,
        @JsonProperty("extra_body") ExtraBody extraBody,
        @JsonProperty("google") GoogleExtensions google) {

    /** Copies collections, so the record stays immutable. */
    public ChatCompletionRequest {
        messages = messages == null ? null : List.copyOf(messages);
        stop = stop == null ? null : List.copyOf(stop);
        tools = tools == null ? null : List.copyOf(tools);
    }

    /** A request with only a model and messages; every parameter left to its default. */
    public static ChatCompletionRequest of(String model, List<ChatCompletionRequestMessage> messages) {
        return new ChatCompletionRequest(model, messages, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null);
    }
}
