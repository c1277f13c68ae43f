package dev.garden.grammar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;

import static dev.garden.grammar.FeatureTable.json;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.assertThat;

/** What Garden refuses rather than run unconstrained, and how it says so: the keyword and where it is. */
class UnsupportedSchemaTest {
    private static final JsonSchemaGrammars GRAMMARS = JsonSchemaGrammars.create();

    /** A schema, the keyword and path the refusal names, and a phrase of its message. */
    record Refusal(String schema, String keyword, String path, String message) {
        @Override
        public String toString() {
            return keyword + " at " + path + ": " + schema;
        }
    }

    static final List<Refusal> REFUSALS = List.of(
            new Refusal("{'type': 'object', 'properties': {'tags': {'type': 'object', 'patternProperties': {'^x': {}}}}}",
                    "patternProperties", "/properties/tags",
                    "\"patternProperties\" at /properties/tags is not supported: property names cannot be matched"),
            new Refusal("{'$defs': {'Node': {'type': 'object', 'properties': {'children': {'type': 'array', 'items':"
                    + " {'$ref': '#/$defs/Node'}}}}}, '$ref': '#/$defs/Node'}",
                    "$ref", "/$defs/Node/properties/children/items", "recursive reference to #/$defs/Node"),
            new Refusal("{'type': 'object', 'properties': {'next': {'anyOf': [{'$ref': '#'}, {'type': 'null'}]}}}",
                    "$ref", "/properties/next/anyOf/0", "recursive reference to #"),
            new Refusal("{'allOf': [{'$ref': '#/$defs/A'}], '$defs': {'A': {'allOf': [{'$ref': '#/$defs/A'}]}}}",
                    "$ref", "/$defs/A/allOf/0", "recursive reference to #/$defs/A"),
            new Refusal("{'$ref': 'https://example.com/person.json'}", "$ref", "", "only local references"),
            new Refusal("{'$ref': '#/$defs/Missing'}", "$ref", "", "points at nothing"),
            new Refusal("{'$ref': '#person'}", "$ref", "", "anchor references are not supported"),
            new Refusal("{'not': {'type': 'string'}}", "not", "", "negated schemas"),
            new Refusal("{'if': {'type': 'string'}, 'then': {'minLength': 1}}", "if", "", "conditional"),
            new Refusal("{'type': 'array', 'contains': {'type': 'string'}}", "contains", "", "counted"),
            new Refusal("{'type': 'object', 'propertyNames': {'maxLength': 3}}", "propertyNames", "", "names"),
            new Refusal("{'type': 'object', 'dependentRequired': {'a': ['b']}}", "dependentRequired", "", "conditional"),
            new Refusal("{'type': 'object', 'unevaluatedProperties': false}", "unevaluatedProperties", "",
                    "use additionalProperties"),
            new Refusal("{'$dynamicRef': '#meta'}", "$dynamicRef", "", "dynamic"),
            new Refusal("{'type': 'string', 'maxLenght': 3}", "maxLenght", "", "unknown keyword"),
            new Refusal("{'type': 'object', 'properties': {'tags': {'type': 'array', 'uniqueItems': true}}}",
                    "uniqueItems", "/properties/tags", "distinct"),
            new Refusal("{'type': 'string', 'format': 'hostname'}", "format", "", "format \"hostname\" cannot be"
                    + " enforced; supported: date, date-time, email, ipv4, time, uri, uuid"),
            new Refusal("{'type': 'string', 'pattern': '^(?=.*[0-9]).{8,}$'}", "pattern", "", "lookaround"),
            new Refusal("{'type': 'string', 'pattern': '^(a+)\\\\1$'}", "pattern", "", "backreferences"),
            new Refusal("{'type': 'string', 'pattern': '\\\\bword\\\\b'}", "pattern", "", "word boundaries"),
            new Refusal("{'type': 'string', 'pattern': '(?i)abc'}", "pattern", "", "inline flags"),
            new Refusal("{'type': 'string', 'pattern': '^\\\\p{L}+$'}", "pattern", "", "Unicode property"),
            new Refusal("{'type': 'string', 'pattern': 'a{2'}", "pattern", "", "literal brace must be escaped"),
            new Refusal("{'type': 'string', 'pattern': '^a$b'}", "pattern", "", "'$' is only supported at the end"),
            new Refusal("{'type': 'string', 'pattern': '(a'}", "pattern", "", "unclosed group"),
            new Refusal("{'type': 'number', 'multipleOf': 0.01}", "multipleOf", "", "only multipleOf 1"),
            new Refusal("{'type': 'number', 'minimum': 0.12345678901234567}", "minimum", "", "15 significant digits"),
            new Refusal("{'type': 'number', 'maximum': 1e20}", "maximum", "", "magnitude below 1e15"),
            new Refusal("{'oneOf': [{'type': 'string'}, {'type': 'string', 'maxLength': 3}]}", "oneOf", "",
                    "alternatives 0 and 1 may both match one value"),
            new Refusal("{'allOf': [{'type': 'string', 'pattern': '^a'}, {'pattern': 'b$'}]}", "allOf", "",
                    "the parts set \"pattern\" differently"),
            new Refusal("{'allOf': [{'type': 'object', 'properties': {'a': {}}, 'additionalProperties': false},"
                    + " {'properties': {'b': {}}}]}", "allOf", "", "judge property \"b\""),
            new Refusal("{'type': 'object', 'properties': {'a': {}}, 'required': ['a'], 'minProperties': 2}",
                    "minProperties", "", "(here 1)"),
            new Refusal("{'type': 'object', 'properties': {'a': {}, 'b': {}}, 'maxProperties': 1}",
                    "maxProperties", "", "(here 2)"),
            new Refusal("{'type': 'string', 'format': 'date', 'pattern': '^2024'}", "pattern", "", "beside format"),
            new Refusal("{'type': 'string', 'format': 'email', 'maxLength': 20}", "maxLength", "",
                    "(6 to 167 characters)"),
            new Refusal("{'type': 'string', 'pattern': '^[a-z]+$', 'maxLength': 8}", "maxLength", "",
                    "matches have 1 or more"),
            new Refusal("{'type': 'string', 'maxLength': 200000}", "maxLength", "", "lengths above 100000"),
            new Refusal("{'type': 'float'}", "type", "", "unknown type \"float\""),
            new Refusal("{'type': 'string', 'enum': ['a', 'bb'], 'maxLength': 1}", "maxLength", "",
                    "beside enum is not supported"),
            new Refusal("{'type': 'object', 'properties': {'a': {'anyOf': [{'type': 'string'}], 'oneOf':"
                    + " [{'type': 'string'}]}}}", "oneOf", "/properties/a", "cannot be combined"));

    @ParameterizedTest
    @FieldSource("REFUSALS")
    void compile_unenforceableSchema_isRefusedNamingKeywordAndPath(Refusal refusal) {
        UnsupportedSchemaException e = catchThrowableOfType(UnsupportedSchemaException.class,
                () -> GRAMMARS.compile(json(refusal.schema())));

        assertThat(e).as("refused").isNotNull();
        assertThat(e.keyword()).isEqualTo(refusal.keyword());
        assertThat(e.path()).isEqualTo(refusal.path());
        assertThat(e.getMessage()).contains(refusal.message())
                .startsWith("\"" + refusal.keyword() + "\" at " + (refusal.path().isEmpty() ? "the schema root"
                        : refusal.path()) + " is not supported");
    }

    @Test
    void compile_requiredPropertyThatNothingSatisfies_isRefusedAtThatProperty() {
        UnsupportedSchemaException e = catchThrowableOfType(UnsupportedSchemaException.class,
                () -> GRAMMARS.compile(json("{'type': 'object', 'properties': {'a': false}, 'required': ['a']}")));

        assertThat(e.keyword()).isEmpty();
        assertThat(e.path()).isEqualTo("/properties/a");
        assertThat(e.getMessage()).isEqualTo("The schema at /properties/a accepts no JSON value, but \"a\" is required");
    }

    @Test
    void compile_schemaNothingSatisfies_isRefused() {
        assertThatThrownBy(() -> GRAMMARS.compile(json("{'type': 'integer', 'minimum': 5, 'maximum': 4}")))
                .isInstanceOf(UnsupportedSchemaException.class)
                .hasMessage("The schema accepts no JSON value at all");
        assertThatThrownBy(() -> GRAMMARS.compile("false")).isInstanceOf(UnsupportedSchemaException.class);
    }

    @Test
    void compile_arrayThatCannotReachMinItems_isRefused() {
        assertThatThrownBy(() -> GRAMMARS.compile(json("{'type': 'array', 'prefixItems': [{'type': 'string'}],"
                + " 'items': false, 'minItems': 2}")))
                .isInstanceOf(UnsupportedSchemaException.class)
                .hasMessage("The schema needs at least 2 items, but its item schemas allow at most 1");
    }

    @Test
    void compile_allOfThatDoublesAtEachLevel_isRefusedQuickly() {
        StringBuilder defs = new StringBuilder("{'$defs': {'d0': {'type': 'object'}");
        for (int i = 1; i <= 40; i++) {
            defs.append(", 'd").append(i).append("': {'allOf': [{'$ref': '#/$defs/d").append(i - 1)
                    .append("'}, {'$ref': '#/$defs/d").append(i - 1).append("'}]}");
        }
        String schema = defs.append("}, '$ref': '#/$defs/d40'}").toString();

        assertThatThrownBy(() -> GRAMMARS.compile(json(schema)))
                .isInstanceOf(UnsupportedSchemaException.class)
                .hasMessageContaining("expands into more than 50000 sub-schemas");
    }

    @Test
    void compile_twoReferencesToOneDefinitionSideBySide_areNotRecursion() {
        Grammar grammar = GRAMMARS.compile(json("{'$defs': {'a': {'type': 'object', 'required': ['x']}}, 'allOf':"
                + " [{'$ref': '#/$defs/a'}, {'$ref': '#/$defs/a'}], 'properties': {'p': {'$ref': '#/$defs/a'},"
                + " 'q': {'$ref': '#/$defs/a'}}}"));

        assertThat(GrammarJudge.accepts(grammar, "{\"p\": {\"x\": 2}, \"x\": 1}")).isTrue();
    }

    @Test
    void compile_textThatIsNotJson_isRefused() {
        assertThatThrownBy(() -> GRAMMARS.compile("{'type': 'string'}"))
                .isInstanceOf(UnsupportedSchemaException.class)
                .hasMessageStartingWith("The schema is not valid JSON: ");
    }

    @Test
    void compile_schemaNestedTooDeep_isRefused() {
        String schema = "{'type': 'array', 'items': ".repeat(70) + "{}" + "}".repeat(70);
        assertThatThrownBy(() -> GRAMMARS.compile(json(schema)))
                .isInstanceOf(UnsupportedSchemaException.class)
                .hasMessageContaining("nests sub-schemas deeper than 64");
    }
}
