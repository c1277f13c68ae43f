package dev.garden.chat;

import dev.garden.core.inference.ToolChoice;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feeds every parser text made of the pieces every family's syntax is built from, in random order: whatever it
 * makes of such text (calls, content, thoughts), it must not fail, and must make the same of it however the text is
 * cut into pieces.
 */
class ChatOutputParserFuzzTest {
    private static final List<String> PIECES = List.of("<tool_call>", "</tool_call>", "<think>", "</think>",
            "[TOOL_CALLS]", "[ARGS]", "[CALL_ID]", "[THINK]", "[/THINK]", "<|python_tag|>", "<｜tool▁calls▁begin｜>",
            "<｜tool▁call▁begin｜>", "<｜tool▁sep｜>", "<｜tool▁call▁end｜>", "<｜tool▁calls▁end｜>", "function",
            "```json\n", "```", "<|tool_call>", "<tool_call|>", "call:", "<|\"|>", "<|channel>thought", "<channel|>",
            "<|tool_response>", "{", "}", "[", "]", ":", ",", " ", "\n", "\"", "\\", "\\u00e9", "\\ud83d", "\"name\"",
            "\"arguments\"", "\"parameters\"", "\"get_weather\"", "\"search\"", "get_weather", "search", "\"city\"",
            "\"Paris\"", "42", "true", "null", "city", "\"tool_calls\"", "\"response\"", "\"id\"", "hello", "😀", "é",
            "<", "|", "/", "a");

    static Stream<Arguments> formats() {
        List<Arguments> all = new ArrayList<>();
        List<ChatFormat> formats = List.of(ParserCases.QWEN_3, ParserCases.LLAMA_31, ParserCases.NEMO,
                ParserCases.MINISTRAL, ParserCases.R1, ParserCases.V31, ParserCases.GEMMA_4, ParserCases.SMOLLM_2,
                ParserCases.QWEN_35);
        for (ChatFormat format : formats) {
            for (String prompt : List.of("", "<think>\n", "[THINK]", "<|channel>thought\n")) {
                all.add(Arguments.of(format, prompt));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} after {1}")
    @MethodSource("formats")
    void parse_arbitraryText_isTheSameHoweverItIsCut(ChatFormat format, String prompt) {
        Random random = new Random(format.toString().hashCode() * 31L + prompt.hashCode());
        for (int run = 0; run < 300; run++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(30);
            for (int i = 0; i < length; i++) {
                text.append(PIECES.get(random.nextInt(PIECES.size())));
            }
            String output = text.toString();
            List<Streams.Item> whole = Streams.parse(format, ToolChoice.AUTO, prompt, List.of(output)).items();
            List<String> pieces = new ArrayList<>();
            for (int at = 0; at < output.length(); ) {
                int end = Math.min(output.length(), at + 1 + random.nextInt(4));
                pieces.add(output.substring(at, end));
                at = end;
            }
            assertThat(Streams.parse(format, ToolChoice.AUTO, prompt, pieces).items()).as("%s in %s", output, pieces)
                    .isEqualTo(whole);
            List<String> characters = output.chars().mapToObj(c -> String.valueOf((char) c)).toList();
            assertThat(Streams.parse(format, ToolChoice.AUTO, prompt, characters).items()).as("%s by character",
                    output).isEqualTo(whole);
        }
    }

    static List<ParserCases.Case> cases() {
        return ParserCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parse_damagedExample_isTheSameHoweverItIsCut(ParserCases.Case c) {
        Random random = new Random(c.name().hashCode());
        for (int run = 0; run < 200; run++) {
            StringBuilder text = new StringBuilder(c.output());
            for (int damage = 1 + random.nextInt(3); damage > 0; damage--) {
                int at = random.nextInt(text.length() + 1);
                switch (random.nextInt(3)) {
                    case 0 -> text.insert(at, PIECES.get(random.nextInt(PIECES.size())));
                    case 1 -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(5)));
                    default -> text.setLength(at);
                }
            }
            String output = text.toString();
            List<Streams.Item> whole = Streams.parse(c.format(), c.choice(), c.prompt(), List.of(output)).items();
            for (List<String> pieces : Streams.splits(output)) {
                assertThat(Streams.parse(c.format(), c.choice(), c.prompt(), pieces).items())
                        .as("%s in %s", output, pieces).isEqualTo(whole);
            }
        }
    }
}
