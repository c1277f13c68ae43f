package dev.garden.grammar;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.garden.llama.LlamaGrammar;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code pattern} translated to GBNF: strings the regex matches get through llama.cpp's sampler, others do not.
 * Java's regex engine, which agrees with ECMA-262 on these patterns, checks the table.
 */
class RegexPatternsTest {
    private static final JsonSchemaGrammars GRAMMARS = JsonSchemaGrammars.create();

    record Case(String pattern, List<String> matching, List<String> other) {
        @Override
        public String toString() {
            return pattern;
        }
    }

    static final List<Case> CASES = List.of(
            new Case("^\\d{3}$", List.of("123", "000"), List.of("12", "1234", "\u0661\u0662\u0663")),
            new Case("^\\w+@\\w+\\.com$", List.of("me@host.com", "a_1@b2.com"), List.of("me@host.org", "@host.com")),
            new Case("^(a|bc)*$", List.of("", "a", "abca", "bcbc"), List.of("b", "ab c")),
            new Case("^colou?r$", List.of("color", "colour"), List.of("colouur", "colr")),
            new Case("^[a-c]{2,}x?$", List.of("ab", "abcx", "cccccc"), List.of("a", "abd", "abxx")),
            new Case("^\\S+\\s\\S+$", List.of("hello world", "tab\tsep", "new\nline"), List.of("one", "a  b")),
            new Case("^[\\x41-\\x43\\u00e9]+$", List.of("ABC", "A\u00e9"), List.of("D", "a")),
            new Case("^\\.\\*\\+\\?\\(\\)\\[\\]\\{\\}\\|\\\\\\/\\^\\$$", List.of(".*+?()[]{}|\\/^$"), List.of(".")),
            new Case("^[-+]?\\d*\\.?\\d+([eE][-+]?\\d+)?$", List.of("1.5", "-.5e10", "42", "+3E-2"),
                    List.of("1.", "e5", "--1")),
            new Case("^(?:\\d{3}-){2}\\d{4}$", List.of("555-123-4567"), List.of("555-1234", "5551234567")),
            new Case("^(?<year>\\d{4})-(?<month>0[1-9]|1[0-2])$", List.of("2024-01", "1999-12"),
                    List.of("2024-13", "2024-00")),
            new Case("^[\\]\\-]+$", List.of("]", "-]-"), List.of("a", "")),
            new Case("^[^\"\\\\,]{1,3}$", List.of("a", "x y", "\u00e9\ud83d\ude00!"), List.of("a,b", "\"", "\\", "abcd")),
            new Case("^a{0}b{1}c{0,1}$", List.of("b", "bc"), List.of("ab", "bcc")),
            new Case("^\\t\\n\\r\\f\\v\\x00$", List.of("\t\n\r\f\u000b\u0000"), List.of("\t\n")),
            new Case("^[^\\n]*$", List.of("any \u0001 control", "\"quoted\""), List.of("two\nlines")),
            new Case("^(ab+|[xyz]{2})+?$", List.of("abb", "xyab", "abxz"), List.of("a", "xyz")),
            new Case("^.*$", List.of("", "anything at all \u00e9"), List.of("no\nnewline", "no\rreturn")));

    @ParameterizedTest
    @FieldSource("CASES")
    void pattern_translated_admitsExactlyTheMatches(Case regex) {
        Pattern java = Pattern.compile(regex.pattern());
        String schema = "{\"type\": \"string\", \"pattern\": " + JsonNodeFactory.instance.textNode(regex.pattern())
                + "}";
        Grammar grammar = GRAMMARS.compile(schema);
        try (LlamaGrammar compiled = GrammarJudge.compile(grammar)) {
            for (String text : regex.matching()) {
                assertThat(java.matcher(text).find()).as("table: %s matches", text).isTrue();
                assertThat(GrammarJudge.accepts(compiled, Gbnf.jsonQuote(text))).as("%s\n%s", text, grammar.gbnf())
                        .isTrue();
            }
            for (String text : regex.other()) {
                assertThat(java.matcher(text).find()).as("table: %s does not match", text).isFalse();
                assertThat(GrammarJudge.accepts(compiled, Gbnf.jsonQuote(text))).as("%s\n%s", text, grammar.gbnf())
                        .isFalse();
            }
        }
    }
}
