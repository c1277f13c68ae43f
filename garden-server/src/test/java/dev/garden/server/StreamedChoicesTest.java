package dev.garden.server;

import dev.garden.core.inference.FinishReason;
import dev.garden.core.inference.InferenceEvent;
import dev.garden.core.inference.Usage;
import dev.garden.wire.openai.ChatCompletionChunk;
import dev.garden.wire.openai.ChatCompletionChunk.ChoiceDelta;
import dev.garden.wire.openai.ChatCompletionChunk.ChoiceDeltaToolCall;
import dev.garden.wire.openai.CompletionUsage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StreamedChoicesTest {
    private final StreamedChoices chunks = new StreamedChoices("chatcmpl-1", 7, "m", 2);

    private List<ChoiceDelta> deltas(InferenceEvent event) {
        return chunks.on(event).stream().map(chunk -> chunk.choices().getFirst().delta()).toList();
    }

    @Test
    void on_thoughtsThenText_roleRidesOnTheFirstThoughtAndTextHasNoRoleChunk() {
        assertThat(deltas(new InferenceEvent.ReasoningDelta(0, "Hm")))
                .containsExactly(new ChoiceDelta("assistant", null, "Hm", null));
        assertThat(deltas(new InferenceEvent.TextDelta(0, "Hi"))).containsExactly(ChoiceDelta.content(null, "Hi"));
    }

    @Test
    void on_textFirst_sendsTheRoleChunkThenTheText() {
        assertThat(deltas(new InferenceEvent.TextDelta(1, "Hi")))
                .containsExactly(ChoiceDelta.content("assistant", ""), ChoiceDelta.content(null, "Hi"));
    }

    @Test
    void on_callPieces_areFirstWithIdAndNameThenArgumentsOnly() {
        assertThat(deltas(new InferenceEvent.ToolCallDelta(0, 0, "call_1", "f", "{")))
                .containsExactly(new ChoiceDelta("assistant", null, null,
                        List.of(ChoiceDeltaToolCall.first(0, "call_1", "f", "{"))));
        assertThat(deltas(new InferenceEvent.ToolCallDelta(0, 0, null, null, "}")))
                .containsExactly(new ChoiceDelta(null, null, null, List.of(ChoiceDeltaToolCall.arguments(0, "}"))));
        assertThat(deltas(new InferenceEvent.ToolCallDelta(0, 0, null, null, ""))).as("empty fragment").isEmpty();
    }

    @Test
    void on_firstPieceOfACallWithoutName_isABackendBug() {
        assertThatThrownBy(() -> chunks.on(new InferenceEvent.ToolCallDelta(0, 2, "call_1", null, "")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("tool call 2 of choice 0");
    }

    @Test
    void on_finishWithToolCalls_isTheLastChunkOfTheChoice() {
        chunks.on(new InferenceEvent.ToolCallDelta(1, 0, "call_1", "f", "{}"));

        List<ChatCompletionChunk> last = chunks.on(new InferenceEvent.ChoiceFinished(1, FinishReason.TOOL_CALLS));

        assertThat(last).singleElement().satisfies(chunk -> {
            assertThat(chunk.choices().getFirst().delta()).isEqualTo(ChoiceDelta.EMPTY);
            assertThat(chunk.choices().getFirst().finishReason()).isEqualTo("tool_calls");
        });
    }

    @Test
    void on_interleavedCalls_streamTheFirstLiveAndSendTheOthersWholeBeforeTheFinish() {
        assertThat(deltas(new InferenceEvent.ToolCallDelta(0, 2, "c", "h", "[")))
                .containsExactly(new ChoiceDelta("assistant", null, null,
                        List.of(ChoiceDeltaToolCall.first(2, "c", "h", "["))));
        assertThat(deltas(new InferenceEvent.ToolCallDelta(0, 1, "b", "g", "{"))).as("held").isEmpty();
        assertThat(deltas(new InferenceEvent.ToolCallDelta(0, 0, "a", "f", ""))).as("held").isEmpty();
        assertThat(deltas(new InferenceEvent.ToolCallDelta(0, 2, null, null, "]")))
                .containsExactly(new ChoiceDelta(null, null, null, List.of(ChoiceDeltaToolCall.arguments(2, "]"))));
        assertThat(deltas(new InferenceEvent.ToolCallDelta(0, 1, null, null, "}"))).as("held").isEmpty();

        assertThat(deltas(new InferenceEvent.ChoiceFinished(0, FinishReason.TOOL_CALLS))).containsExactly(
                new ChoiceDelta(null, null, null, List.of(ChoiceDeltaToolCall.first(0, "a", "f", ""))),
                new ChoiceDelta(null, null, null, List.of(ChoiceDeltaToolCall.first(1, "b", "g", "{}"))),
                ChoiceDelta.EMPTY);
    }

    @Test
    void on_heldCallWithoutId_isABackendBug() {
        chunks.on(new InferenceEvent.ToolCallDelta(1, 0, "a", "f", ""));

        assertThatThrownBy(() -> chunks.on(new InferenceEvent.ToolCallDelta(1, 1, null, null, "{")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("tool call 1 of choice 1");
    }

    @Test
    void usage_carriesReasoningTokens() {
        assertThat(chunks.usage(new Usage(2, 9, 5)).usage()).isEqualTo(CompletionUsage.of(2, 9, 5));
    }
}
