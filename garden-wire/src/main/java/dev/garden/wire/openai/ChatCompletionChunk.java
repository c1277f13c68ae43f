package dev.garden.wire.openai;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Objects;

/**
 * One server-sent event of a streamed answer.
 *
 * <p>Every chunk of a stream has the same {@code id} and {@code created}. A choice's first chunk carries
 * {@code delta.role}; its last carries {@code finish_reason} (and an empty delta). When the request asked for
 * {@code stream_options.include_usage}, a last chunk carries {@code usage} and an empty {@code choices}.
 *
 * @param id      {@code chatcmpl-...}
 * @param object  always {@value #OBJECT}
 * @param created when the stream started, in seconds since the epoch
 * @param model   the model, as the request named it
 * @param choices the choices this chunk advances (usually one; none in the usage chunk)
 * @param usage   token counts of the whole request, only in the usage chunk; omitted otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"id", "object", "created", "model", "choices", "usage"})
public record ChatCompletionChunk(@JsonProperty("id") String id,
                                  @JsonProperty("object") String object,
                                  @JsonProperty("created") long created,
                                  @JsonProperty("model") String model,
                                  @JsonProperty("choices") List<Choice> choices,
                                  @JsonProperty("usage") CompletionUsage usage) {

    /** The {@code object} of a chunk. */
    public static final String OBJECT = "chat.completion.chunk";

    /** Rejects a missing required component and copies collections, so the record stays immutable. */
    public ChatCompletionChunk {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(model, "model");
        choices = List.copyOf(choices);
    }

    /** A chunk, its {@code object} filled in. */
    public static ChatCompletionChunk of(String id, long created, String model, List<Choice> choices,
                                         CompletionUsage usage) {
        return new ChatCompletionChunk(id, OBJECT, created, model, choices, usage);
    }

    /**
     * How one choice advances in a chunk.
     *
     * @param index        the choice's position, from 0
     * @param delta        what is new
     * @param logprobs     written as {@code null} when not requested, as OpenAI does
     * @param finishReason {@code finish_reason}; written as {@code null} until the choice's last chunk, as OpenAI does
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"index", "delta", "logprobs", "finish_reason"})
    public record Choice(@JsonProperty("index") int index,
                         @JsonProperty("delta") ChoiceDelta delta,
                         @JsonProperty("logprobs") @JsonInclude(JsonInclude.Include.ALWAYS) ChoiceLogprobs logprobs,
                         @JsonProperty("finish_reason") @JsonInclude(JsonInclude.Include.ALWAYS) String finishReason) {
        /** Rejects a missing required component. */
        public Choice {
            Objects.requireNonNull(delta, "delta");
        }
    }

    /**
     * What a chunk adds to a choice; absent fields are omitted, so the last chunk's delta is {@code {}}.
     *
     * @param role             {@code assistant}, only in a choice's first chunk
     * @param content          more text
     * @param reasoningContent {@code reasoning_content}: more of the model's thoughts (see
     *                         {@link ChatCompletionMessage#reasoningContent()})
     * @param toolCalls        {@code tool_calls}: pieces of the calls the assistant makes
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"role", "content", "reasoning_content", "tool_calls"})
    public record ChoiceDelta(@JsonProperty("role") String role,
                              @JsonProperty("content") String content,
                              @JsonProperty("reasoning_content") String reasoningContent,
                              @JsonProperty("tool_calls") List<ChoiceDeltaToolCall> toolCalls) {

        /** The empty delta of a choice's last chunk. */
        public static final ChoiceDelta EMPTY = new ChoiceDelta(null, null, null, null);

        /** Copies collections, so the record stays immutable. */
        public ChoiceDelta {
            toolCalls = toolCalls == null ? null : List.copyOf(toolCalls);
        }

        /** A delta of text only ({@code role} too in a choice's first chunk, else {@code null}). */
        public static ChoiceDelta content(String role, String content) {
            return new ChoiceDelta(role, content, null, null);
        }
    }

    /**
     * A piece of one tool call, as OpenAI streams them: a call's first piece carries {@code index}, {@code id},
     * {@code type} and {@code function.name} (with {@code function.arguments}, often {@code ""}); later pieces carry
     * {@code index} and more {@code function.arguments} only. Stream accumulators key the pieces by {@code index}
     * and concatenate the arguments.
     *
     * @param index    which call of the choice (0, 1, ... for parallel calls)
     * @param id       the call's id, on its first piece only; omitted when {@code null}
     * @param type     {@code function}, on its first piece only; omitted when {@code null}
     * @param function the function's name and the next fragment of its arguments; omitted when {@code null}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"index", "id", "type", "function"})
    public record ChoiceDeltaToolCall(@JsonProperty("index") int index,
                                      @JsonProperty("id") String id,
                                      @JsonProperty("type") String type,
                                      @JsonProperty("function") Function function) {

        /** A call's first piece. */
        public static ChoiceDeltaToolCall first(int index, String id, String name, String arguments) {
            return new ChoiceDeltaToolCall(index, Objects.requireNonNull(id, "id"),
                    ChatCompletionTool.TYPE_FUNCTION, new Function(Objects.requireNonNull(name, "name"), arguments));
        }

        /** A later piece: more arguments. */
        public static ChoiceDeltaToolCall arguments(int index, String arguments) {
            return new ChoiceDeltaToolCall(index, null, null, new Function(null, arguments));
        }

        /**
         * The {@code function} of a tool-call piece.
         *
         * @param name      the function's name, on the call's first piece only; omitted when {@code null}
         * @param arguments the next fragment of the arguments; omitted when {@code null}
         */
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @JsonIgnoreProperties(ignoreUnknown = true)
        @JsonPropertyOrder({"name", "arguments"})
        public record Function(@JsonProperty("name") String name, @JsonProperty("arguments") String arguments) {
        }
    }
}
