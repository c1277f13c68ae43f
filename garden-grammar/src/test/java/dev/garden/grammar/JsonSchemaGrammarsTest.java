package dev.garden.grammar;

import dev.garden.llama.LlamaGrammar;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.garden.grammar.FeatureTable.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The GBNF Garden writes for each feature, rule by rule, and the compiler's cache. */
class JsonSchemaGrammarsTest {
    private final JsonSchemaGrammars grammars = JsonSchemaGrammars.create();

    /** The grammar's rules by name; llama.cpp must accept the grammar too. */
    private Map<String, String> rules(String schema) {
        Grammar grammar = grammars.compile(json(schema));
        GrammarJudge.compile(grammar).close();
        return Arrays.stream(grammar.gbnf().split("\n"))
                .map(line -> line.split(" ::= ", 2))
                .collect(Collectors.toMap(parts -> parts[0], parts -> parts[1]));
    }

    @Test
    void compile_strictObject_membersInDeclaredOrderWithBoundedWhitespace() {
        Map<String, String> rules = rules("{'type': 'object', 'properties': {'name': {'type': 'string'}, 'date':"
                + " {'type': 'string'}, 'participants': {'type': 'array', 'items': {'type': 'string'}}},"
                + " 'required': ['name', 'date', 'participants'], 'additionalProperties': false}");

        assertThat(rules.get("root")).isEqualTo("\"{\" ws \"\\\"name\\\"\" ws \":\" ws json-string ws \",\" ws"
                + " \"\\\"date\\\"\" ws \":\" ws json-string ws \",\" ws \"\\\"participants\\\"\" ws \":\" ws"
                + " root-participants ws \"}\"");
        assertThat(rules.get("root-participants"))
                .isEqualTo("\"[\" ws ( json-string ( ws \",\" ws json-string )* ws )? \"]\"");
        assertThat(rules.get("ws")).isEqualTo("( \" \" | \"\\n\" [ \\t]{0,32} )?");
        assertThat(rules).doesNotContainKey("json-value");
    }

    @Test
    void compile_jsonString_hasNoRawControlCharactersAndNoSurrogateEscapes() {
        Map<String, String> rules = rules("{'type': 'string'}");

        assertThat(rules.get("root")).isEqualTo("json-string");
        assertThat(rules.get("json-string")).isEqualTo("\"\\\"\" json-char* \"\\\"\"");
        assertThat(rules.get("json-char"))
                .isEqualTo("[^\\x22\\x5C\\x00-\\x1F] | \"\\\\\" ( [\\x22\\x5C/bfnrt] | \"u\" json-hex4 )");
        assertThat(rules.get("json-hex4")).doesNotContain("[dD] [89a-fA-F]").contains("[dD] [0-7]");
    }

    @Test
    void compile_jsonString_rawControlCharacterOrLoneQuote_isStopped() {
        Grammar grammar = grammars.compile("{\"type\": \"string\"}");
        try (LlamaGrammar compiled = GrammarJudge.compile(grammar)) {
            assertThat(GrammarJudge.accepts(compiled, "\"two\\nlines\"")).isTrue();
            assertThat(GrammarJudge.accepts(compiled, "\"two\nlines\"")).isFalse();
            assertThat(GrammarJudge.accepts(compiled, "\"tab\there\"")).isFalse();
            assertThat(GrammarJudge.accepts(compiled, "\"bad \\x escape\"")).isFalse();
            assertThat(GrammarJudge.accepts(compiled, "\"open")).isFalse();
        }
    }

    @Test
    void compile_optionalPropertiesBeforeTheFirstRequired_eachMayComeFirst() {
        Map<String, String> rules = rules("{'type': 'object', 'properties': {'a': {'type': 'integer'}, 'b': {'type':"
                + " 'integer'}, 'c': {'type': 'integer'}}, 'required': ['c'], 'additionalProperties': false}");

        String a = "\"\\\"a\\\"\" ws \":\" ws json-integer";
        String b = "\"\\\"b\\\"\" ws \":\" ws json-integer";
        String c = "\"\\\"c\\\"\" ws \":\" ws json-integer";
        assertThat(rules.get("root")).isEqualTo("\"{\" ws ( " + a + " root-tail-1 | " + b + " root-tail-2 | " + c
                + " ) ws \"}\"");
        assertThat(rules.get("root-tail-1")).isEqualTo("( ws \",\" ws " + b + " )? root-tail-2");
        assertThat(rules.get("root-tail-2")).isEqualTo("ws \",\" ws " + c);
    }

    @Test
    void compile_additionalPropertiesAbsent_extraKeysAreAnyNameButTheDeclaredOnes() {
        Map<String, String> rules = rules("{'type': 'object', 'properties': {'id': {'type': 'integer'}},"
                + " 'required': ['id']}");

        assertThat(rules.get("root")).endsWith("( ws \",\" ws root-additional-key ws \":\" ws json-value )* ws \"}\"");
        assertThat(rules.get("root-additional-key")).startsWith("\"\\\"\" ( \"i\" ( \"d\" ( ")
                .contains("| \"\\\"\" )");
    }

    @Test
    void compile_refsToOneDefinition_shareOneRuleNamedAfterIt() {
        Map<String, String> rules = rules("{'$defs': {'GeoPoint': " + FeatureTable.POINT + "}, 'type': 'array',"
                + " 'prefixItems': [{'$ref': '#/$defs/GeoPoint'}, {'$ref': '#/$defs/GeoPoint', 'title': 'to'}],"
                + " 'items': false}");

        assertThat(rules).containsKey("geo-point");
        assertThat(rules.get("root")).isEqualTo("\"[\" ws ( geo-point ( ws \",\" ws geo-point )? ws )? \"]\"");
    }

    @Test
    void compile_integerRange_isDigitByDigit() {
        assertThat(rules("{'type': 'integer', 'minimum': 5, 'maximum': 250}").get("root"))
                .isEqualTo("[5-9] | [1-9] [0-9] | \"1\" [0-9]{2} | \"2\" ( [0-4] [0-9] | \"50\" )");
        assertThat(rules("{'type': 'integer', 'minimum': -12, 'exclusiveMaximum': 0}").get("root"))
                .isEqualTo("\"-\" ( [1-9] | \"1\" [0-2] )");
        assertThat(rules("{'type': 'integer', 'minimum': 0}").get("root"))
                .isEqualTo("[0-9] | [1-9] [0-9]{1,15}");
    }

    @Test
    void compile_numberRange_isPlainDecimalWithTheBoundsFractionsCompared() {
        assertThat(rules("{'type': 'number', 'minimum': 0, 'maximum': 1}").get("root"))
                .isEqualTo("\"0\" ( \".\" [0-9]{1,14} )? | \"1\" ( \".\" \"0\"{1,14} )?");
    }

    @Test
    void compile_enumAndConst_areTheValuesCompactJson() {
        assertThat(rules("{'enum': ['a', 1, null, {'k': [true]}]}").get("root"))
                .isEqualTo("\"\\\"a\\\"\" | \"1\" | \"null\" | \"{\\\"k\\\":[true]}\"");
        assertThat(rules("{'type': 'string', 'enum': ['a', 1]}").get("root")).isEqualTo("\"\\\"a\\\"\"");
        assertThat(rules("{'const': 'x', 'enum': ['x', 'y']}").get("root")).isEqualTo("\"\\\"x\\\"\"");
    }

    @Test
    void compile_nullableAnyOfAndTypeArrays_addNull() {
        assertThat(rules("{'anyOf': [{'type': 'string'}, {'type': 'null'}]}").get("root"))
                .isEqualTo("json-string | json-null");
        assertThat(rules("{'type': ['integer', 'null']}").get("root")).isEqualTo("json-integer | json-null");
        assertThat(rules("{'type': 'string', 'nullable': true}").get("root")).isEqualTo("json-string | json-null");
        assertThat(rules("{'type': 'string', 'enum': ['a'], 'nullable': true}").get("root"))
                .isEqualTo("\"\\\"a\\\"\"");
    }

    @Test
    void compile_patternAndFormat_areRulesInsideTheQuotes() {
        assertThat(rules("{'type': 'string', 'pattern': '^[A-Z]{2}-\\\\d+$'}").get("root"))
                .isEqualTo("\"\\\"\" ( [A-Z]{2} \"-\" [0-9]+ ) \"\\\"\"");
        Map<String, String> date = rules("{'type': 'string', 'format': 'date'}");
        assertThat(date.get("root")).isEqualTo("\"\\\"\" format-date \"\\\"\"");
        assertThat(date.get("format-date")).contains("\"-02-29\"");
    }

    @Test
    void compile_stringLengths_countCharacters() {
        assertThat(rules("{'type': 'string', 'minLength': 1, 'maxLength': 100}").get("root"))
                .isEqualTo("\"\\\"\" json-char{1,100} \"\\\"\"");
        Map<String, String> large = rules("{'type': 'string', 'maxLength': 5000}");
        assertThat(large.get("root")).isEqualTo("\"\\\"\" root-chars-chunk{0,49} json-char{0,100} \"\\\"\"");
        assertThat(large.get("root-chars-chunk")).isEqualTo("json-char{100}");
    }

    @Test
    void compile_untypedSchemaWithKeywords_takesTheKeywordsType() {
        assertThat(rules("{'properties': {'a': {}}, 'additionalProperties': false}").get("root"))
                .isEqualTo("\"{\" ws ( \"\\\"a\\\"\" ws \":\" ws json-value ws )? \"}\"");
        assertThat(rules("{'minLength': 2}").get("root")).isEqualTo("\"\\\"\" json-char{2,} \"\\\"\"");
        assertThat(rules("{'description': 'anything'}").get("root")).isEqualTo("json-value");
    }

    @Test
    void jsonObject_isExactlyOneObject() {
        Grammar grammar = grammars.jsonObject();

        assertThat(grammar.root()).isEqualTo("root");
        assertThat(grammar.gbnf()).startsWith("root ::= json-object\n");
        try (LlamaGrammar compiled = GrammarJudge.compile(grammar)) {
            assertThat(GrammarJudge.accepts(compiled, "{\"a\": [1, {\"b\": null}], \"c\": \"d\"}")).isTrue();
            assertThat(GrammarJudge.accepts(compiled, "{}")).isTrue();
            assertThat(GrammarJudge.accepts(compiled, "[1]")).isFalse();
            assertThat(GrammarJudge.accepts(compiled, "\"text\"")).isFalse();
            assertThat(GrammarJudge.accepts(compiled, "{} {}")).isFalse();
        }
    }

    @Test
    void compile_sameSchemaInOtherWhitespace_comesFromTheCache() {
        Grammar first = grammars.compile("{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\"}}}");
        Grammar second = grammars.compile("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}}");

        assertThat(second).isSameAs(first);
        assertThat(grammars.cachedCount()).isEqualTo(1);
    }

    @Test
    void compile_propertiesInAnotherOrder_isAnotherGrammar() {
        Grammar ab = grammars.compile(json("{'properties': {'a': {}, 'b': {}}, 'required': ['a', 'b']}"));
        Grammar ba = grammars.compile(json("{'properties': {'b': {}, 'a': {}}, 'required': ['a', 'b']}"));

        assertThat(ab.gbnf()).isNotEqualTo(ba.gbnf());
    }

    @Test
    void compile_beyondCacheSize_evictsTheLeastRecentlyUsed() {
        JsonSchemaGrammars small = JsonSchemaGrammars.create(2);
        Grammar a = small.compile("{\"type\": \"string\"}");
        small.compile("{\"type\": \"integer\"}");
        small.compile("{\"type\": \"string\"}");
        small.compile("{\"type\": \"boolean\"}");

        assertThat(small.cachedCount()).isEqualTo(2);
        assertThat(small.compile("{\"type\": \"string\"}")).isSameAs(a);
    }
}
