package dev.garden.chat;

import dev.garden.chat.ParserCases.Case;
import dev.garden.core.GardenException;
import dev.garden.core.IdGenerator;
import dev.garden.core.inference.Reasoning;
import dev.garden.core.inference.ToolChoice;
import dev.garden.core.inference.ToolDefinition;
import dev.garden.llama.LlamaGrammar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ToolGrammarsTest {
    private static final Map<String, ChatFormat> FORMATS = Map.of(
            "hermes", ParserCases.QWEN_25, "hermes+think", ParserCases.QWEN_3, "llama3", ParserCases.LLAMA_31,
            "nemo", ParserCases.NEMO, "mistral", ParserCases.SMALL_32, "mistral+think", ParserCases.MINISTRAL,
            "r1", ParserCases.R1, "v3.1", ParserCases.V31, "gemma4", ParserCases.GEMMA_4,
            "generic", ParserCases.SMOLLM_2);

    static Stream<Arguments> combinations() {
        List<Arguments> all = new ArrayList<>();
        for (var format : FORMATS.entrySet()) {
            for (ToolChoice choice : List.of(ToolChoice.AUTO, ToolChoice.REQUIRED, new ToolChoice.Named("search"))) {
                for (boolean parallel : List.of(true, false)) {
                    for (boolean inThought : List.of(false, true)) {
                        if (!inThought || format.getValue().thinking().isPresent()) {
                            all.add(Arguments.of(format.getKey(), choice, parallel, inThought));
                        }
                    }
                }
            }
        }
        return all.stream();
    }

    static List<Case> constrainedCases() {
        return ParserCases.all().stream().filter(Case::constrained).toList();
    }

    private static ToolGrammar grammar(ChatFormat format, ToolChoice choice, boolean parallel, String prompt) {
        return format.plan(Streams.TOOLS, choice, parallel, Reasoning.DEFAULT, IdGenerator.sequential())
                .grammar(prompt).orElseThrow();
    }

    @ParameterizedTest(name = "{0} {1} parallel={2} inThought={3}")
    @MethodSource("combinations")
    void grammar_everyFamilyAndChoice_compilesInLlamaCpp(String family, ToolChoice choice, boolean parallel,
                                                         boolean inThought) {
        ChatFormat format = FORMATS.get(family);
        String prompt = inThought ? "x" + format.thinking().orElseThrow().open() + "\n" : "x";
        ToolGrammar grammar = grammar(format, choice, parallel, prompt);

        assertThat(grammar.lazy()).isEqualTo(choice instanceof ToolChoice.Auto
                && format.family() != ToolCallFamily.GENERIC);
        assertThatCode(() -> LlamaJudge.compile(grammar).close()).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("constrainedCases")
    void grammar_examplesOfTheFamily_areAccepted(Case c) {
        ToolGrammar grammar = grammar(c.format(), c.choice(), true, c.prompt());

        assertThat(LlamaJudge.accepts(grammar, c.output())).isTrue();
    }

    @Test
    void grammar_requiredCall_refusesPlainText() {
        ToolGrammar grammar = grammar(ParserCases.QWEN_25, ToolChoice.REQUIRED, true, ParserCases.CHATML);

        assertThat(LlamaJudge.accepts(grammar, "The weather is nice.")).isFalse();
    }

    @Test
    void grammar_argumentsAgainstTheSchema_areRefused() {
        ToolGrammar grammar = grammar(ParserCases.QWEN_25, ToolChoice.REQUIRED, true, ParserCases.CHATML);

        assertThat(LlamaJudge.accepts(grammar, "<tool_call>\n{\"name\": \"get_weather\", \"arguments\": "
                + "{\"city\": \"Paris\", \"unit\": \"kelvin\"}}\n</tool_call>")).isFalse();
        assertThat(LlamaJudge.accepts(grammar, "<tool_call>\n{\"name\": \"get_weather\", \"arguments\": "
                + "{\"unit\": \"celsius\"}}\n</tool_call>")).as("city is required").isFalse();
    }

    @Test
    void grammar_namedChoice_refusesOtherFunctions() {
        ToolGrammar grammar = grammar(ParserCases.SMOLLM_2, new ToolChoice.Named("search"), true,
                ParserCases.CHATML);

        assertThat(LlamaJudge.accepts(grammar,
                "{\"tool_calls\": [{\"name\": \"search\", \"arguments\": {\"query\": \"x\"}}]}")).isTrue();
        assertThat(LlamaJudge.accepts(grammar,
                "{\"tool_calls\": [{\"name\": \"get_weather\", \"arguments\": {\"city\": \"x\"}}]}")).isFalse();
        assertThat(LlamaJudge.accepts(grammar, "{\"response\": \"hi\"}")).isFalse();
    }

    @Test
    void grammar_parallelCallsOff_refusesASecondCall() {
        String two = ParserCases.WEATHER_CALL + "\n" + ParserCases.WEATHER_CALL;

        assertThat(LlamaJudge.accepts(grammar(ParserCases.QWEN_25, ToolChoice.REQUIRED, true, ""), two)).isTrue();
        assertThat(LlamaJudge.accepts(grammar(ParserCases.QWEN_25, ToolChoice.REQUIRED, false, ""), two)).isFalse();
    }

    @Test
    void grammar_thoughtOpenInThePrompt_allowsTheRestOfItFirst() {
        String prompt = ParserCases.CHATML + "<think>\n";
        ToolGrammar grammar = grammar(ParserCases.QWEN_3, ToolChoice.REQUIRED, true, prompt);

        assertThat(LlamaJudge.accepts(grammar, "A thought with </thin and <think> in it.\n</think>\n\n"
                + ParserCases.WEATHER_CALL)).isTrue();
        assertThat(LlamaJudge.accepts(grammar, ParserCases.WEATHER_CALL)).as("the thought must close").isFalse();
    }

    @Test
    void grammar_thinkingSkipped_allowsNoThoughtBeforeTheCall() {
        String thought = "<think>\nLet me see.\n</think>\n\n";
        ToolGrammar thinking = grammar(ParserCases.QWEN_3, ToolChoice.REQUIRED, true, ParserCases.CHATML);
        ToolGrammar skipping = ParserCases.QWEN_3.plan(Streams.TOOLS, ToolChoice.REQUIRED, true,
                new Reasoning(java.util.OptionalInt.of(0), false), IdGenerator.sequential())
                .grammar(ParserCases.CHATML).orElseThrow();

        assertThat(LlamaJudge.accepts(thinking, thought + ParserCases.WEATHER_CALL)).isTrue();
        assertThat(LlamaJudge.accepts(skipping, thought + ParserCases.WEATHER_CALL)).isFalse();
        assertThat(LlamaJudge.accepts(skipping, ParserCases.WEATHER_CALL)).isTrue();
    }

    @Test
    void grammar_autoWithText_staysDormantUntilTheTrigger() {
        ToolGrammar grammar = grammar(ParserCases.QWEN_25, ToolChoice.AUTO, true, ParserCases.CHATML);

        assertThat(LlamaJudge.accepts(grammar, "Just text, {\"name\": no call}.")).isTrue();
        assertThat(LlamaJudge.accepts(grammar, "Let me check.\n" + ParserCases.WEATHER_CALL)).isTrue();
    }

    @Test
    void grammar_strictToolWithUnenforceableSchema_isRefused() {
        ToolDefinition tool = new ToolDefinition("odd", "", "{\"type\": \"object\", \"patternProperties\": "
                + "{\"^x\": {\"type\": \"string\"}}}", true);
        ChatPlan plan = ParserCases.QWEN_25.plan(List.of(tool), ToolChoice.REQUIRED, true, Reasoning.DEFAULT,
                IdGenerator.sequential());

        assertThatThrownBy(() -> plan.grammar(ParserCases.CHATML)).isInstanceOf(GardenException.class)
                .hasMessageContaining("odd");
    }

    @Test
    void grammar_looseToolWithUnenforceableSchema_takesAnyObject() {
        ToolDefinition tool = new ToolDefinition("odd", "", "{\"type\": \"object\", \"patternProperties\": "
                + "{\"^x\": {\"type\": \"string\"}}}", false);
        ToolGrammar grammar = ParserCases.QWEN_25.plan(List.of(tool), ToolChoice.REQUIRED, true, Reasoning.DEFAULT,
                IdGenerator.sequential()).grammar(ParserCases.CHATML).orElseThrow();

        assertThat(LlamaJudge.accepts(grammar, "<tool_call>\n{\"name\": \"odd\", \"arguments\": {\"y\": 1}}\n"
                + "</tool_call>")).isTrue();
    }

    @Test
    void grammar_noTools_isNone() {
        ChatPlan plan = ParserCases.QWEN_25.plan(List.of(), ToolChoice.AUTO, true, Reasoning.DEFAULT,
                IdGenerator.sequential());

        assertThat(plan.grammar(ParserCases.CHATML)).isEmpty();
        assertThat(Streams.plan(ParserCases.QWEN_25, ToolChoice.NONE).grammar(ParserCases.CHATML)).isEmpty();
    }

    @Test
    void compile_lazyGrammarCopies_areIndependent() {
        try (LlamaGrammar grammar = LlamaJudge.compile(grammar(ParserCases.LLAMA_31, ToolChoice.AUTO, true, ""))) {
            assertThatCode(() -> grammar.copy().close()).doesNotThrowAnyException();
        }
    }

    @Test
    void grammar_gemma_followsTheSchemaInItsOwnNotation() {
        ToolGrammar grammar = grammar(ParserCases.GEMMA_4, ToolChoice.REQUIRED, true, ParserCases.GEMMA_PROMPT);

        assertThat(LlamaJudge.accepts(grammar, "<|tool_call>call:get_weather{city:<|\"|>Zürich<|\"|>,"
                + "unit:<|\"|>celsius<|\"|>}<tool_call|>")).isTrue();
        assertThat(LlamaJudge.accepts(grammar, "<|tool_call>call:get_weather{city:<|\"|>Paris<|\"|>,"
                + "unit:<|\"|>kelvin<|\"|>}<tool_call|>")).as("unit is an enum").isFalse();
        assertThat(LlamaJudge.accepts(grammar, "<|tool_call>call:get_weather{unit:<|\"|>celsius<|\"|>}"
                + "<tool_call|>")).as("city is required").isFalse();
        assertThat(LlamaJudge.accepts(grammar, "<|tool_call>call:search{max_results:<|\"|>3<|\"|>,"
                + "query:<|\"|>x<|\"|>}<tool_call|>")).as("max_results is an integer").isFalse();
        assertThat(LlamaJudge.accepts(grammar, "<|channel>thought\nWeather.<channel|><|tool_call>call:search{"
                + "query:<|\"|>x<|\"|>}<tool_call|>")).as("a thought first").isTrue();
    }
}
