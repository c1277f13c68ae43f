package dev.garden.server;

import dev.garden.core.inference.InferenceEvent;
import dev.garden.wire.openai.ChatCompletion;
import dev.garden.wire.openai.ChatCompletionMessage;

import java.util.ArrayList;
import java.util.List;

/** Collects a generation's events into the choices of a whole answer, ordered by index. */
final class CollectedChoices {
    private static final System.Logger LOG = System.getLogger(CollectedChoices.class.getName());

    private final StringBuilder[] texts;
    private final String[] finishReasons;

    CollectedChoices(int choices) {
        texts = new StringBuilder[choices];
        finishReasons = new String[choices];
        for (int i = 0; i < choices; i++) {
            texts[i] = new StringBuilder();
        }
    }

    void on(InferenceEvent event) {
        int index = checkIndex(event.choice(), texts.length);
        switch (event) {
            case InferenceEvent.TextDelta delta -> texts[index].append(delta.text());
            case InferenceEvent.ChoiceFinished finished ->
                    finishReasons[index] = InferenceRequests.finishReason(finished.reason());
            // TODO(issue 4): reasoning_content and tool_calls on the message.
            case InferenceEvent.ReasoningDelta ignored -> { }
            case InferenceEvent.ToolCallDelta ignored -> { }
        }
    }

    List<ChatCompletion.Choice> choices() {
        List<ChatCompletion.Choice> choices = new ArrayList<>(texts.length);
        for (int i = 0; i < texts.length; i++) {
            String finishReason = finishReasons[i];
            if (finishReason == null) {
                // The backend completed without finishing this choice: a backend bug, but the text is still good.
                LOG.log(System.Logger.Level.WARNING, "Choice " + i + " completed without a finish reason");
                finishReason = "stop";
            }
            choices.add(new ChatCompletion.Choice(i, ChatCompletionMessage.assistant(texts[i].toString()), null,
                    finishReason));
        }
        return choices;
    }

    /** A backend that reports a choice the request did not ask for is broken; fail rather than guess. */
    static int checkIndex(int index, int choices) {
        if (index < 0 || index >= choices) {
            throw new IllegalStateException("The backend reported choice " + index + " of a request for "
                                            + choices + " choice(s)");
        }
        return index;
    }
}
