package dev.garden.server;

import dev.garden.core.inference.InferenceEvent;
import dev.garden.core.inference.Usage;
import dev.garden.wire.openai.ChatCompletionChunk;
import dev.garden.wire.openai.ChatCompletionChunk.ChoiceDelta;
import dev.garden.wire.openai.ChatCompletionChunk.ChoiceDeltaToolCall;
import dev.garden.wire.openai.ChatCompletionMessage;
import dev.garden.wire.openai.CompletionUsage;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Turns a generation's events into the chunks of a streamed answer, keeping OpenAI's stream invariants: every chunk
 * has the same {@code id} and {@code created}; a choice's first chunk carries {@code delta.role}; its last carries
 * {@code finish_reason} and an empty delta; the usage chunk has empty {@code choices}.
 *
 * <p>How each event goes out:
 * <ul>
 *   <li>Text: {@code {"content": "..."}}. A choice that starts with text (or finishes at once) first gets a chunk of
 *       its own, {@code {"role": "assistant", "content": ""}}, as OpenAI streams an answer.</li>
 *   <li>Thoughts: {@code {"reasoning_content": "..."}}, the field vLLM and llama.cpp's server stream.</li>
 *   <li>A call's first delta: {@code {"tool_calls": [{"index", "id", "type": "function", "function": {"name",
 *       "arguments"}}]}}; later ones {@code {"tool_calls": [{"index", "function": {"arguments"}}]}} (an empty
 *       fragment is not sent). The stream accumulators of the official SDKs key the pieces by {@code index}.</li>
 * </ul>
 * A choice that starts with thoughts or a call carries {@code role} on that first delta, without {@code content}:
 * OpenAI streams a tool call's turn that way, and it keeps the accumulators' {@code content} {@code null} for a
 * choice that writes no text, as in {@link CollectedChoices}.
 *
 * <p>Calls go out one after another, never interleaved, even when a backend reports parallel calls' fragments
 * interleaved: the pieces of the first call to start stream live; the others are held and sent whole, in index
 * order, just before the choice's finish chunk. OpenAI streams parallel calls that way, and the SDKs' stream helpers
 * rely on it: Python's {@code ChoiceEventState.get_done_events} and Node's {@code ChatCompletionStream} declare a
 * call done (and, for strict tools, parse its arguments) as soon as a piece of another index arrives
 * (<a href="https://github.com/openai/openai-python/blob/main/src/openai/lib/streaming/chat/_completions.py">
 * _completions.py</a>), so interleaved pieces would hand them half-written arguments. The price: when a backend
 * reports parallel calls one after another, the second and later ones also wait for the finish; they are written
 * by then anyway, or nearly.
 */
final class StreamedChoices {
    private final String id;
    private final long created;
    private final String model;
    private final boolean[] started;
    /** Per choice, the index of the call that streams live, or -1 before the first call. */
    private final int[] liveCall;
    /** Per choice, the calls held back until the choice finishes, by index. */
    private final List<SortedMap<Integer, HeldCall>> heldCalls;

    StreamedChoices(String id, long created, String model, int choices) {
        this.id = id;
        this.created = created;
        this.model = model;
        this.started = new boolean[choices];
        this.liveCall = new int[choices];
        this.heldCalls = new ArrayList<>(choices);
        for (int i = 0; i < choices; i++) {
            liveCall[i] = -1;
            heldCalls.add(new TreeMap<>());
        }
    }

    /** The chunks one event adds, in order: none when its piece is held back, several when a choice finishes. */
    List<ChatCompletionChunk> on(InferenceEvent event) {
        int index = CollectedChoices.checkIndex(event.choice(), started.length);
        boolean first = !started[index];
        started[index] = true;
        String role = first ? ChatCompletionMessage.ROLE_ASSISTANT : null;
        List<ChatCompletionChunk> chunks = new ArrayList<>(2);
        switch (event) {
            case InferenceEvent.TextDelta delta -> {
                if (first) {
                    chunks.add(roleChunk(index));
                }
                chunks.add(chunk(index, ChoiceDelta.content(null, delta.text()), null));
            }
            case InferenceEvent.ChoiceFinished finished -> {
                if (first) {
                    chunks.add(roleChunk(index));
                }
                for (HeldCall held : heldCalls.get(index).values()) {
                    ChoiceDeltaToolCall whole = ChoiceDeltaToolCall.first(held.index, held.id, held.name,
                            held.arguments.toString());
                    chunks.add(chunk(index, new ChoiceDelta(null, null, null, List.of(whole)), null));
                }
                heldCalls.get(index).clear();
                chunks.add(chunk(index, ChoiceDelta.EMPTY, InferenceRequests.finishReason(finished.reason())));
            }
            case InferenceEvent.ReasoningDelta delta ->
                    chunks.add(chunk(index, new ChoiceDelta(role, null, delta.text(), null), null));
            case InferenceEvent.ToolCallDelta delta -> {
                ChoiceDeltaToolCall piece = toolCallPiece(index, delta);
                if (piece != null) {
                    chunks.add(chunk(index, new ChoiceDelta(role, null, null, List.of(piece)), null));
                }
            }
        }
        return chunks;
    }

    /** The piece to send now for a call's delta, or {@code null} when there is nothing to send yet. */
    private ChoiceDeltaToolCall toolCallPiece(int choice, InferenceEvent.ToolCallDelta delta) {
        int call = delta.index();
        if (liveCall[choice] == -1) {
            CollectedChoices.checkFirstToolCallDelta(delta);
            liveCall[choice] = call;
            return ChoiceDeltaToolCall.first(call, delta.id(), delta.name(), delta.arguments());
        }
        if (call != liveCall[choice]) {
            HeldCall held = heldCalls.get(choice).get(call);
            if (held == null) {
                CollectedChoices.checkFirstToolCallDelta(delta);
                held = new HeldCall(call, delta.id(), delta.name());
                heldCalls.get(choice).put(call, held);
            }
            held.arguments.append(delta.arguments());
            return null;
        }
        return delta.arguments().isEmpty() ? null : ChoiceDeltaToolCall.arguments(call, delta.arguments());
    }

    /** The last chunk of a stream that asked for {@code stream_options.include_usage}. */
    ChatCompletionChunk usage(Usage usage) {
        return ChatCompletionChunk.of(id, created, model, List.of(), ChatCompletionsServing.usage(usage));
    }

    private ChatCompletionChunk roleChunk(int index) {
        return chunk(index, ChoiceDelta.content(ChatCompletionMessage.ROLE_ASSISTANT, ""), null);
    }

    private ChatCompletionChunk chunk(int index, ChoiceDelta delta, String finishReason) {
        return ChatCompletionChunk.of(id, created, model,
                List.of(new ChatCompletionChunk.Choice(index, delta, null, finishReason)), null);
    }

    /** A call that is not the live one: what the backend reported of it so far. */
    private static final class HeldCall {
        final int index;
        final String id;
        final String name;
        final StringBuilder arguments = new StringBuilder();

        HeldCall(int index, String id, String name) {
            this.index = index;
            this.id = id;
            this.name = name;
        }
    }
}
