package dev.garden.server;

import dev.garden.core.inference.InferenceEvent;
import dev.garden.wire.openai.ChatCompletion;
import dev.garden.wire.openai.ChatCompletionMessage;
import dev.garden.wire.openai.ChatCompletionMessageToolCall;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Collects a generation's events into the choices of a whole answer, ordered by index.
 *
 * <p>A choice's message carries its text as {@code content}, its thoughts as {@code reasoning_content} and its
 * calls, assembled from their deltas and ordered by call index, as {@code tool_calls}. {@code content} is
 * {@code null} when the choice wrote no text but thought or called tools, as OpenAI answers a turn that only calls
 * tools; that is also what the stream accumulators rebuild from {@link StreamedChoices}, which sends no
 * {@code content} at all for such a choice. A choice that produced nothing has {@code ""}.
 */
final class CollectedChoices {
    private static final System.Logger LOG = System.getLogger(CollectedChoices.class.getName());

    private final Choice[] choices;

    CollectedChoices(int choices) {
        this.choices = new Choice[choices];
        for (int i = 0; i < choices; i++) {
            this.choices[i] = new Choice();
        }
    }

    void on(InferenceEvent event) {
        Choice choice = choices[checkIndex(event.choice(), choices.length)];
        switch (event) {
            case InferenceEvent.TextDelta delta -> {
                choice.text.append(delta.text());
                choice.wroteText = true;
            }
            case InferenceEvent.ReasoningDelta delta -> {
                if (choice.reasoning == null) {
                    choice.reasoning = new StringBuilder();
                }
                choice.reasoning.append(delta.text());
            }
            case InferenceEvent.ToolCallDelta delta -> {
                Call call = choice.calls.get(delta.index());
                if (call == null) {
                    checkFirstToolCallDelta(delta);
                    call = new Call(delta.id(), delta.name());
                    choice.calls.put(delta.index(), call);
                }
                call.arguments.append(delta.arguments());
            }
            case InferenceEvent.ChoiceFinished finished ->
                    choice.finishReason = InferenceRequests.finishReason(finished.reason());
        }
    }

    List<ChatCompletion.Choice> choices() {
        List<ChatCompletion.Choice> result = new ArrayList<>(choices.length);
        for (int i = 0; i < choices.length; i++) {
            Choice choice = choices[i];
            String finishReason = choice.finishReason;
            if (finishReason == null) {
                // The backend completed without finishing this choice: a backend bug, but the text is still good.
                LOG.log(System.Logger.Level.WARNING, "Choice " + i + " completed without a finish reason");
                finishReason = "stop";
            }
            result.add(new ChatCompletion.Choice(i, choice.message(), null, finishReason));
        }
        return result;
    }

    /** A backend that reports a choice the request did not ask for is broken; fail rather than guess. */
    static int checkIndex(int index, int choices) {
        if (index < 0 || index >= choices) {
            throw new IllegalStateException("The backend reported choice " + index + " of a request for "
                                            + choices + " choice(s)");
        }
        return index;
    }

    /** A call's first delta names it; without an id and a name no client could answer the call. */
    static void checkFirstToolCallDelta(InferenceEvent.ToolCallDelta delta) {
        if (delta.id() == null || delta.name() == null) {
            throw new IllegalStateException("The backend's first delta of tool call " + delta.index()
                                            + " of choice " + delta.choice() + " has no id or no name");
        }
    }

    private static final class Choice {
        final StringBuilder text = new StringBuilder();
        boolean wroteText;
        StringBuilder reasoning;
        final SortedMap<Integer, Call> calls = new TreeMap<>();
        String finishReason;

        ChatCompletionMessage message() {
            boolean onlyThoughtsOrCalls = !wroteText && (reasoning != null || !calls.isEmpty());
            List<ChatCompletionMessageToolCall> toolCalls = calls.isEmpty() ? null : calls.values().stream()
                    .map(call -> ChatCompletionMessageToolCall.function(call.id, call.name,
                            call.arguments.toString()))
                    .toList();
            return new ChatCompletionMessage(ChatCompletionMessage.ROLE_ASSISTANT,
                    onlyThoughtsOrCalls ? null : text.toString(), null, toolCalls,
                    reasoning == null ? null : reasoning.toString());
        }
    }

    private static final class Call {
        final String id;
        final String name;
        final StringBuilder arguments = new StringBuilder();

        Call(String id, String name) {
            this.id = id;
            this.name = name;
        }
    }
}
