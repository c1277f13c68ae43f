package dev.garden.wire.openai;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Objects;

/**
 * A whole answer: the body of a non-streamed {@code chat/completions} response.
 *
 * @param id      {@code chatcmpl-...}, the same for every choice
 * @param object  always {@value #OBJECT}
 * @param created when the answer was made, in seconds since the epoch
 * @param model   the model, as the request named it
 * @param choices the choices, ordered by index
 * @param usage   token counts; omitted when {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"id", "object", "created", "model", "choices", "usage"})
public record ChatCompletion(@JsonProperty("id") String id,
                             @JsonProperty("object") String object,
                             @JsonProperty("created") long created,
                             @JsonProperty("model") String model,
                             @JsonProperty("choices") List<Choice> choices,
                             @JsonProperty("usage") CompletionUsage usage) {

    /** The {@code object} of a chat completion. */
    public static final String OBJECT = "chat.completion";

    /** Rejects a missing required component and copies collections, so the record stays immutable. */
    public ChatCompletion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(model, "model");
        choices = List.copyOf(choices);
    }

    /** A chat completion, its {@code object} filled in. */
    public static ChatCompletion of(String id, long created, String model, List<Choice> choices,
                                    CompletionUsage usage) {
        return new ChatCompletion(id, OBJECT, created, model, choices, usage);
    }

    /**
     * One choice of an answer.
     *
     * @param index        the choice's position, from 0
     * @param message      what the assistant said
     * @param logprobs     token log probabilities; written as {@code null} when not requested, as OpenAI does
     * @param finishReason {@code finish_reason}: {@code stop}, {@code length}, {@code tool_calls},
     *                     {@code content_filter}, ... (kept as a string: unknown values are not an error)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"index", "message", "logprobs", "finish_reason"})
    public record Choice(@JsonProperty("index") int index,
                         @JsonProperty("message") ChatCompletionMessage message,
                         @JsonProperty("logprobs") @JsonInclude(JsonInclude.Include.ALWAYS) ChoiceLogprobs logprobs,
                         @JsonProperty("finish_reason") @JsonInclude(JsonInclude.Include.ALWAYS) String finishReason) {
        /** Rejects a missing required component. */
        public Choice {
            Objects.requireNonNull(message, "message");
        }
    }
}
