package dev.garden.chat;

import dev.garden.chat.ParserCases.Case;
import dev.garden.core.IdGenerator;
import dev.garden.core.inference.FinishReason;
import dev.garden.core.inference.InferenceEvent;
import dev.garden.core.inference.Reasoning;
import dev.garden.core.inference.ToolChoice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChatOutputParserTest {
    static List<Case> cases() {
        return ParserCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parse_wholeOutput_givesContentThoughtsAndCalls(Case c) {
        Streams.Result result = Streams.parse(c.format(), c.choice(), c.prompt(), List.of(c.output()));

        assertThat(result.items()).containsExactlyElementsOf(c.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parse_everySplit_givesTheSameEvents(Case c) {
        for (List<String> pieces : Streams.splits(c.output())) {
            Streams.Result result = Streams.parse(c.format(), c.choice(), c.prompt(), pieces);
            assertThat(result.items()).as("pieces %s", pieces).containsExactlyElementsOf(c.expected());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parse_randomPieces_givesTheSameEvents(Case c) {
        Random random = new Random(c.name().hashCode());
        for (int run = 0; run < 50; run++) {
            List<String> pieces = new ArrayList<>();
            for (int at = 0; at < c.output().length(); ) {
                int end = Math.min(c.output().length(), at + 1 + random.nextInt(6));
                pieces.add(c.output().substring(at, end));
                at = end;
            }
            Streams.Result result = Streams.parse(c.format(), c.choice(), c.prompt(), pieces);
            assertThat(result.items()).as("pieces %s", pieces).containsExactlyElementsOf(c.expected());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parse_anyOutput_neverEmitsEmptyTextOrHalfCharacters(Case c) {
        for (List<String> pieces : Streams.splits(c.output())) {
            for (InferenceEvent event : Streams.parse(c.format(), c.choice(), c.prompt(), pieces).events()) {
                String text = switch (event) {
                    case InferenceEvent.TextDelta delta -> delta.text();
                    case InferenceEvent.ReasoningDelta delta -> delta.text();
                    case InferenceEvent.ToolCallDelta delta -> delta.id() != null ? "x" : delta.arguments();
                    case InferenceEvent.ChoiceFinished finished -> "x";
                };
                assertThat(text).as("%s in %s", event, pieces).isNotEmpty();
                assertThat(Character.isHighSurrogate(text.charAt(text.length() - 1))).as("%s", event).isFalse();
                assertThat(Character.isLowSurrogate(text.charAt(0))).as("%s", event).isFalse();
            }
        }
    }

    @Test
    void push_callName_announcesCallBeforeItsArgumentsArrive() {
        ChatOutputParser parser = Streams.plan(ParserCases.QWEN_25, ToolChoice.AUTO).newParser(0, ParserCases.CHATML);

        List<InferenceEvent> beforeName = parser.push("<tool_call>\n{\"name\": \"get_wea");
        List<InferenceEvent> afterName = parser.push("ther\", \"arguments\": {\"ci");
        List<InferenceEvent> more = parser.push("ty\": \"Paris\"}}\n</tool_call>");
        List<InferenceEvent> last = parser.finish();

        assertThat(beforeName).isEmpty();
        assertThat(afterName).containsExactly(
                new InferenceEvent.ToolCallDelta(0, 0, "call_1", "get_weather", ""),
                new InferenceEvent.ToolCallDelta(0, 0, null, null, "{\"ci"));
        assertThat(more).containsExactly(new InferenceEvent.ToolCallDelta(0, 0, null, null, "ty\": \"Paris\"}"));
        assertThat(last).isEmpty();
        assertThat(parser.finishReason(FinishReason.STOP)).isEqualTo(FinishReason.TOOL_CALLS);
    }

    @Test
    void push_partialMarker_isHeldUntilTheNextPieceDecides() {
        ChatOutputParser parser = Streams.plan(ParserCases.QWEN_25, ToolChoice.AUTO).newParser(3, ParserCases.CHATML);

        assertThat(parser.push("Hello <tool")).containsExactly(new InferenceEvent.TextDelta(3, "Hello"));
        assertThat(parser.push("box> world")).containsExactly(new InferenceEvent.TextDelta(3, " <toolbox> world"));
        assertThat(parser.finish()).isEmpty();
        assertThat(parser.finishReason(FinishReason.STOP)).isEqualTo(FinishReason.STOP);
    }

    @Test
    void push_thinkingModel_reportsWhetherInsideAThought() {
        ChatOutputParser parser = Streams.plan(ParserCases.R1, ToolChoice.AUTO).newParser(0, ParserCases.R1_PROMPT);

        assertThat(parser.inThought()).isTrue();
        parser.push("Hmm.\n</th");
        assertThat(parser.inThought()).isTrue();
        parser.push("ink>\n\nFour.");
        assertThat(parser.inThought()).isFalse();
    }

    @Test
    void parse_thoughtsNotRequested_dropsThemFromTheEvents() {
        ChatPlan plan = ParserCases.QWEN_3.plan(Streams.TOOLS, ToolChoice.AUTO, true, Reasoning.DEFAULT,
                IdGenerator.sequential());
        ChatOutputParser parser = plan.newParser(0, ParserCases.CHATML);

        List<InferenceEvent> events = new ArrayList<>(parser.push("<think>\nsecret\n</think>\n\nAnswer."));
        events.addAll(parser.finish());

        assertThat(events).containsExactly(new InferenceEvent.TextDelta(0, "Answer."));
    }

    @Test
    void parse_mistralCalls_getNineCharacterIds() {
        ChatPlan plan = ParserCases.NEMO.plan(Streams.TOOLS, ToolChoice.AUTO, true, Reasoning.DEFAULT,
                IdGenerator.random());
        ChatOutputParser parser = plan.newParser(0, ParserCases.MISTRAL_PROMPT);

        List<InferenceEvent> events = parser.push("[TOOL_CALLS][{\"name\": \"search\", \"arguments\": {\"query\": \"x\"}}]");

        assertThat(((InferenceEvent.ToolCallDelta) events.getFirst()).id()).matches("[a-zA-Z0-9]{9}");
    }

    @Test
    void finishReason_callCutShortByLength_staysLength() {
        ChatOutputParser parser = Streams.plan(ParserCases.QWEN_25, ToolChoice.AUTO).newParser(0, ParserCases.CHATML);
        parser.push("<tool_call>\n{\"name\": \"search\", \"arguments\": {\"query\": \"wea");
        parser.finish();

        assertThat(parser.calledTools()).isTrue();
        assertThat(parser.finishReason(FinishReason.LENGTH)).isEqualTo(FinishReason.LENGTH);
    }

    @Test
    void push_afterFinish_isRefused() {
        ChatOutputParser parser = Streams.plan(ParserCases.QWEN_25, ToolChoice.AUTO).newParser(0, ParserCases.CHATML);
        parser.finish();

        assertThatThrownBy(() -> parser.push("more")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void parse_budgetZeroPrefill_startsInTheAnswer() {
        ChatPlan plan = ParserCases.R1.plan(Streams.TOOLS, ToolChoice.AUTO, true,
                new Reasoning(OptionalInt.of(0), true), IdGenerator.sequential());
        String prompt = ParserCases.R1_PROMPT + plan.promptSuffix(ParserCases.R1_PROMPT);
        ChatOutputParser parser = plan.newParser(0, prompt);

        List<InferenceEvent> events = new ArrayList<>(parser.push("Four."));
        events.addAll(parser.finish());

        assertThat(prompt).endsWith("<think>\n\n</think>\n\n");
        assertThat(events).containsExactly(new InferenceEvent.TextDelta(0, "Four."));
    }
}
