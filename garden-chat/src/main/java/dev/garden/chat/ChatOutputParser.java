package dev.garden.chat;

import dev.garden.core.inference.FinishReason;
import dev.garden.core.inference.InferenceEvent;

import java.util.List;

/**
 * Turns one choice's generated text into the domain's events while it is generated: {@link InferenceEvent.TextDelta}
 * for content, {@link InferenceEvent.ReasoningDelta} for thoughts (when the caller asked to see them) and
 * {@link InferenceEvent.ToolCallDelta} for tool calls, as OpenAI streams them: a call's first delta carries its index,
 * a fresh id and the name; its arguments follow in fragments as the model writes them.
 *
 * <p>Feed it the text exactly as the engine detokenizes it, piece by piece ({@link #push}), then call
 * {@link #finish} once. Events come out as early as is safe: text that could be the start of a marker (a piece may
 * end in {@code <tool_} or {@code </thi}) waits for the next piece. Whatever the split, the events add up to the
 * same content, thoughts and calls. Not thread-safe: one parser per choice, fed from one thread.
 */
public final class ChatOutputParser {
    private final Events events;
    private final ThoughtSplitter thoughts;
    private boolean finished;

    ChatOutputParser(Events events, ThoughtSplitter thoughts) {
        this.events = events;
        this.thoughts = thoughts;
    }

    /**
     * Takes the next piece of generated text.
     *
     * @return the events it completes, possibly none
     */
    public List<InferenceEvent> push(String text) {
        if (finished) {
            throw new IllegalStateException("the parser has finished");
        }
        if (!text.isEmpty()) {
            thoughts.push(text);
        }
        return events.drain();
    }

    /**
     * Ends the text: releases what was held back (a partial marker that never completed is content after all; a
     * call cut short keeps the arguments it had).
     *
     * @return the last events (the caller then sends {@link InferenceEvent.ChoiceFinished} with
     *         {@link #finishReason})
     */
    public List<InferenceEvent> finish() {
        if (!finished) {
            finished = true;
            thoughts.finish();
            events.finish();
        }
        return events.drain();
    }

    /** Whether the model called at least one tool so far. */
    public boolean calledTools() {
        return events.calls() > 0;
    }

    /** Whether the text so far ends inside a thought (for counting reasoning tokens). */
    public boolean inThought() {
        return thoughts.inThought();
    }

    /**
     * Why the choice ended, as the client should see it: {@link FinishReason#TOOL_CALLS} when the model stopped
     * after calling tools, otherwise the engine's reason (a call cut short by the token limit is {@code length}).
     */
    public FinishReason finishReason(FinishReason engineReason) {
        return engineReason == FinishReason.STOP && calledTools() ? FinishReason.TOOL_CALLS : engineReason;
    }
}
