package dev.garden.server;

import dev.garden.core.inference.FinishReason;
import dev.garden.core.inference.InferenceEvent;
import dev.garden.wire.openai.ChatCompletionMessage;
import dev.garden.wire.openai.ChatCompletionMessageToolCall;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CollectedChoicesTest {
    private final CollectedChoices choices = new CollectedChoices(1);

    private ChatCompletionMessage message(InferenceEvent... events) {
        for (InferenceEvent event : events) {
            choices.on(event);
        }
        return choices.choices().getFirst().message();
    }

    @Test
    void message_nothingGenerated_hasEmptyContent() {
        assertThat(message(new InferenceEvent.ChoiceFinished(0, FinishReason.LENGTH)))
                .isEqualTo(ChatCompletionMessage.assistant(""));
    }

    @Test
    void message_onlyThoughts_hasNullContent() {
        assertThat(message(new InferenceEvent.ReasoningDelta(0, "Hmm"),
                new InferenceEvent.ChoiceFinished(0, FinishReason.LENGTH)))
                .isEqualTo(new ChatCompletionMessage("assistant", null, null, null, "Hmm"));
    }

    @Test
    void message_textThenCall_keepsBoth() {
        assertThat(message(new InferenceEvent.TextDelta(0, "Let me check."),
                new InferenceEvent.ToolCallDelta(0, 0, "call_9", "f", "{}"),
                new InferenceEvent.ChoiceFinished(0, FinishReason.TOOL_CALLS)))
                .isEqualTo(new ChatCompletionMessage("assistant", "Let me check.", null,
                        List.of(ChatCompletionMessageToolCall.function("call_9", "f", "{}")), null));
        assertThat(choices.choices().getFirst().finishReason()).isEqualTo("tool_calls");
    }

    @Test
    void message_callsReportedOutOfOrder_areOrderedByIndex() {
        ChatCompletionMessage message = message(new InferenceEvent.ToolCallDelta(0, 1, "b", "g", "[1"),
                new InferenceEvent.ToolCallDelta(0, 0, "a", "f", ""),
                new InferenceEvent.ToolCallDelta(0, 1, null, null, "]"),
                new InferenceEvent.ChoiceFinished(0, FinishReason.TOOL_CALLS));

        assertThat(message.toolCalls()).containsExactly(ChatCompletionMessageToolCall.function("a", "f", ""),
                ChatCompletionMessageToolCall.function("b", "g", "[1]"));
    }

    @Test
    void on_firstCallDeltaWithoutId_isABackendBug() {
        assertThatThrownBy(() -> choices.on(new InferenceEvent.ToolCallDelta(0, 0, null, "f", "{}")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("tool call 0 of choice 0");
    }
}
