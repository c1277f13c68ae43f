package dev.garden.server;

import dev.garden.core.inference.InferenceEvent;
import dev.garden.core.inference.Usage;
import dev.garden.wire.openai.ChatCompletionChunk;
import dev.garden.wire.openai.ChatCompletionMessage;
import dev.garden.wire.openai.CompletionUsage;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a generation's events into the chunks of a streamed answer, keeping OpenAI's stream invariants: every chunk
 * has the same {@code id} and {@code created}; a choice's first chunk carries {@code delta.role} and empty content;
 * its last carries {@code finish_reason} and an empty delta; the usage chunk has empty {@code choices}.
 */
final class StreamedChoices {
    private final String id;
    private final long created;
    private final String model;
    private final boolean[] started;

    StreamedChoices(String id, long created, String model, int choices) {
        this.id = id;
        this.created = created;
        this.model = model;
        this.started = new boolean[choices];
    }

    /** The chunks one event adds: its own, preceded by the choice's role chunk if it is the choice's first. */
    List<ChatCompletionChunk> on(InferenceEvent event) {
        int index = CollectedChoices.checkIndex(event.choice(), started.length);
        List<ChatCompletionChunk> chunks = new ArrayList<>(2);
        if (!started[index]) {
            started[index] = true;
            chunks.add(chunk(index, new ChatCompletionChunk.ChoiceDelta(ChatCompletionMessage.ROLE_ASSISTANT, ""),
                    null));
        }
        chunks.add(switch (event) {
            case InferenceEvent.TextDelta delta ->
                    chunk(index, new ChatCompletionChunk.ChoiceDelta(null, delta.text()), null);
            case InferenceEvent.ChoiceFinished finished -> chunk(index, ChatCompletionChunk.ChoiceDelta.EMPTY,
                    InferenceRequests.finishReason(finished.reason()));
            // TODO(issue 4): reasoning_content and tool_calls deltas.
            case InferenceEvent.ReasoningDelta ignored -> chunk(index, ChatCompletionChunk.ChoiceDelta.EMPTY, null);
            case InferenceEvent.ToolCallDelta ignored -> chunk(index, ChatCompletionChunk.ChoiceDelta.EMPTY, null);
        });
        return chunks;
    }

    /** The last chunk of a stream that asked for {@code stream_options.include_usage}. */
    ChatCompletionChunk usage(Usage usage) {
        return ChatCompletionChunk.of(id, created, model, List.of(),
                CompletionUsage.of(usage.promptTokens(), usage.completionTokens()));
    }

    private ChatCompletionChunk chunk(int index, ChatCompletionChunk.ChoiceDelta delta, String finishReason) {
        return ChatCompletionChunk.of(id, created, model,
                List.of(new ChatCompletionChunk.Choice(index, delta, null, finishReason)), null);
    }
}
