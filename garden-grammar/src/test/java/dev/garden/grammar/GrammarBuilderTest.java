package dev.garden.grammar;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.openai.core.ObjectMappers;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.garden.llama.LlamaGrammar;
import org.junit.jupiter.api.Test;

import static dev.garden.grammar.FeatureTable.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Schema rules inside hand-written grammars: the tool-call case, and the literal helpers. */
class GrammarBuilderTest {
    static final class GetWeather {
        @JsonProperty("city")
        public String city;
        @JsonProperty("unit")
        public Unit unit;
    }

    enum Unit { CELSIUS, FAHRENHEIT }

    @Test
    void schemaRule_embeddedInAToolCallTemplate_acceptsExactlyTheCallsWithValidArguments() throws Exception {
        // What openai-java's addTool(Class) sends as the function's parameters.
        String parameters = ObjectMappers.jsonMapper().valueToTree(ChatCompletionCreateParams.builder()
                .model("m").addUserMessage("x").addTool(GetWeather.class).build().tools().orElseThrow().getFirst())
                .path("function").path("parameters").toString();
        GrammarBuilder builder = GrammarBuilder.create();
        String args = builder.schemaRule("get-weather-args", parameters);
        String root = builder.rule("root", Gbnf.literal("<tool_call>\n{\"name\": ") + " "
                + Gbnf.jsonStringLiteral("get_weather") + " " + Gbnf.literal(", \"arguments\": ") + " " + args + " "
                + Gbnf.literal("}\n</tool_call>"));
        Grammar grammar = builder.build(root);

        assertThat(args).isEqualTo("get-weather-args");
        try (LlamaGrammar compiled = GrammarJudge.compile(grammar)) {
            assertThat(GrammarJudge.accepts(compiled, "<tool_call>\n{\"name\": \"get_weather\", \"arguments\":"
                    + " {\"city\": \"Paris\", \"unit\": \"CELSIUS\"}}\n</tool_call>")).isTrue();
            assertThat(GrammarJudge.accepts(compiled, "<tool_call>\n{\"name\": \"get_weather\", \"arguments\":"
                    + " {\"city\": \"Paris\"}}\n</tool_call>")).isFalse();
            assertThat(GrammarJudge.accepts(compiled, "<tool_call>\n{\"name\": \"get_time\", \"arguments\":"
                    + " {\"city\": \"Paris\", \"unit\": \"CELSIUS\"}}\n</tool_call>")).isFalse();
        }
    }

    @Test
    void schemaRule_twoSchemasWithTheSameDefinitionNames_keepTheirOwnDefinitions() {
        GrammarBuilder builder = GrammarBuilder.create();
        String first = builder.schemaRule("first", json("{'$defs': {'Item': {'type': 'integer'}}, 'type': 'array',"
                + " 'items': {'$ref': '#/$defs/Item'}}"));
        String second = builder.schemaRule("second", json("{'$defs': {'Item': {'type': 'object', 'properties':"
                + " {'x': {'type': 'string'}}, 'required': ['x'], 'additionalProperties': false}}, '$ref':"
                + " '#/$defs/Item'}"));
        String root = builder.rule("root", first + " " + Gbnf.literal("|") + " " + second);
        Grammar grammar = builder.build(root);

        try (LlamaGrammar compiled = GrammarJudge.compile(grammar)) {
            assertThat(GrammarJudge.accepts(compiled, "[1, 2]|{\"x\": \"y\"}")).isTrue();
            assertThat(GrammarJudge.accepts(compiled, "[{\"x\": \"y\"}]|{\"x\": \"y\"}")).isFalse();
        }
    }

    @Test
    void rule_nameTaken_getsANumber() {
        GrammarBuilder builder = GrammarBuilder.create();
        String ws = builder.whitespace();
        String first = builder.rule("call", Gbnf.literal("a"));
        String second = builder.rule("call", Gbnf.literal("b") + " " + ws);

        assertThat(ws).isEqualTo("ws");
        assertThat(first).isEqualTo("call");
        assertThat(second).isEqualTo("call-2");
        assertThat(builder.rule("My Rule", first)).isEqualTo("my-rule");
        assertThat(builder.rule("ws", first)).isEqualTo("ws-2");
    }

    @Test
    void literal_escapesWhatGbnfNeeds() {
        assertThat(Gbnf.literal("<tool_call>\n")).isEqualTo("\"<tool_call>\\n\"");
        assertThat(Gbnf.literal("say \"hi\" \\ \t\r\u0001 é")).isEqualTo("\"say \\\"hi\\\" \\\\ \\t\\r\\x01 é\"");
        assertThatThrownBy(() -> Gbnf.literal("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void jsonStringLiteral_matchesTheQuotedJsonText() {
        assertThat(Gbnf.jsonStringLiteral("get_weather")).isEqualTo("\"\\\"get_weather\\\"\"");
        assertThat(Gbnf.jsonStringLiteral("a\"b\n")).isEqualTo("\"\\\"a\\\\\\\"b\\\\n\\\"\"");
        GrammarBuilder builder = GrammarBuilder.create();
        Grammar grammar = builder.build(builder.rule("root", Gbnf.jsonStringLiteral("tab\there \"quoted\"")));
        assertThat(GrammarJudge.accepts(grammar, "\"tab\\there \\\"quoted\\\"\"")).isTrue();
    }

    @Test
    void build_unknownRoot_isRefused() {
        assertThatThrownBy(() -> GrammarBuilder.create().build("root")).isInstanceOf(IllegalArgumentException.class);
    }
}
