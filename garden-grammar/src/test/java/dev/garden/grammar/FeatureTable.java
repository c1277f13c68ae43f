package dev.garden.grammar;

import java.util.List;

/**
 * One schema per supported feature, with documents the grammar must let through ({@code valid}: valid against the
 * schema), must stop ({@code invalid}: invalid against the schema), or stops although the schema allows them
 * ({@code narrowed}: where Garden deliberately admits a subset, e.g. declared property order, bounded whitespace).
 * JSON is written with single quotes for readability; {@link #json} turns them into double quotes.
 */
final class FeatureTable {
    private FeatureTable() {
    }

    record Feature(String name, String schema, List<String> valid, List<String> invalid, List<String> narrowed) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Single quotes become double quotes; write a literal single quote as \u0027 in the JSON text. */
    static String json(String text) {
        return text.replace('\'', '"');
    }

    private static Feature feature(String name, String schema, List<String> valid, List<String> invalid,
                                   List<String> narrowed) {
        return new Feature(name, json(schema), valid.stream().map(FeatureTable::json).toList(),
                invalid.stream().map(FeatureTable::json).toList(), narrowed.stream().map(FeatureTable::json).toList());
    }

    static final String POINT = "{'type': 'object', 'properties': {'x': {'type': 'number'}, 'y': {'type': 'number'}},"
            + " 'required': ['x', 'y'], 'additionalProperties': false}";

    static final List<Feature> FEATURES = List.of(
            feature("string", "{'type': 'string'}",
                    List.of("'hello'", "''", "'quote \\' backslash \\\\ newline \\n unicode \\u00e9 slash \\/'",
                            "'caf\u00e9 \ud83d\ude00'"),
                    List.of("42", "null"),
                    List.of("'lone surrogate escape \\ud83d'")),
            feature("integer", "{'type': 'integer'}",
                    List.of("0", "-17", "1234567890"),
                    List.of("1.5", "'1'"),
                    List.of("-0", "1.0", "12345678901234567")),
            feature("number", "{'type': 'number'}",
                    List.of("3.14", "-0.5", "1e10", "2E-3", "42", "-7.25e+2"),
                    List.of("'3'", "true"),
                    List.of("1e100")),
            feature("boolean and null", "{'type': ['boolean', 'null']}",
                    List.of("true", "false", "null"),
                    List.of("0", "'true'"),
                    List.of()),
            feature("type array (nullable string)", "{'type': ['string', 'null']}",
                    List.of("'a'", "null"),
                    List.of("1", "[]"),
                    List.of()),
            feature("enum", "{'type': 'string', 'enum': ['red', 'green', 'dark blue']}",
                    List.of("'red'", "'dark blue'"),
                    List.of("'blue'", "'Red'"),
                    List.of()),
            feature("enum of mixed values", "{'enum': [1, 'one', null, true, {'a': [1]}]}",
                    List.of("1", "'one'", "null", "true", "{'a':[1]}"),
                    List.of("2", "false"),
                    List.of("1.0", "{'a': [1]}")),
            feature("const (Literal)", "{'const': 'fixed', 'type': 'string'}",
                    List.of("'fixed'"),
                    List.of("'other'"),
                    List.of()),
            feature("strict object, declared order", "{'type': 'object', 'properties': {'a': {'type': 'string'},"
                            + " 'b': {'type': 'integer'}}, 'required': ['a', 'b'], 'additionalProperties': false}",
                    List.of("{'a': 'x', 'b': 1}", "{'a':'x','b':1}", "{\n  'a': 'x',\n  'b': 1\n}",
                            "{\n\t'a' : 'x' ,\n\t'b' : 1\n}"),
                    List.of("{'a': 'x'}", "{'a': 'x', 'b': 1, 'c': 2}", "{'a': 1, 'b': 1}"),
                    List.of("{'b': 1, 'a': 'x'}", "{'a':  'x', 'b': 1}",
                            "{\n" + " ".repeat(40) + "'a': 'x', 'b': 1}", "{'a': 'x', 'b': 1}\n")),
            feature("optional properties", "{'type': 'object', 'properties': {'a': {'type': 'string'}, 'b':"
                            + " {'type': 'integer'}, 'c': {'type': 'boolean'}}, 'required': ['b'],"
                            + " 'additionalProperties': false}",
                    List.of("{'b': 1}", "{'a': 'x', 'b': 1}", "{'b': 1, 'c': true}", "{'a': 'x', 'b': 1, 'c': false}"),
                    List.of("{'a': 'x'}", "{}", "{'b': 1, 'd': 0}"),
                    List.of("{'c': true, 'b': 1}")),
            feature("no required properties", "{'type': 'object', 'properties': {'a': {'type': 'string'}, 'b':"
                            + " {'type': 'integer'}}, 'additionalProperties': false}",
                    List.of("{}", "{ }", "{'b': 2}", "{'a': 'x'}", "{'a': 'x', 'b': 2}"),
                    List.of("{'c': 1}", "{'a': 1}"),
                    List.of()),
            feature("additionalProperties absent: extra keys allowed, never a declared one",
                    "{'type': 'object', 'properties': {'a': {'type': 'integer'}}, 'required': ['a']}",
                    List.of("{'a': 1}", "{'a': 1, 'extra': [true, {'x': null}]}", "{'a': 1, 'ab': 2, '': 3}",
                            "{'a': 1, 'b\\u0061': 1}"),
                    List.of("{'a': 'x'}", "{'extra': 1}", "{'a': 1, 'a': 'x'}"),
                    List.of("{'extra': 1, 'a': 1}", "{'a': 1, 'a': 2}", "{'a': 1, '\\u0061': 2}")),
            feature("additionalProperties schema (dict[str, int])",
                    "{'type': 'object', 'additionalProperties': {'type': 'integer'}}",
                    List.of("{}", "{'x': 1, 'y': -2}"),
                    List.of("{'x': '1'}", "[]"),
                    List.of()),
            feature("required name without a declared schema", "{'type': 'object', 'required': ['id']}",
                    List.of("{'id': 5}", "{'id': 'x', 'z': 1}"),
                    List.of("{}", "{'z': 1}"),
                    List.of()),
            feature("array of integers", "{'type': 'array', 'items': {'type': 'integer'}}",
                    List.of("[]", "[1, 2, 3]", "[\n  1,\n  2\n]", "[ ]"),
                    List.of("[1, '2']", "{}"),
                    List.of()),
            feature("minItems/maxItems", "{'type': 'array', 'items': {'type': 'string'}, 'minItems': 1,"
                            + " 'maxItems': 3}",
                    List.of("['a']", "['a', 'b', 'c']"),
                    List.of("[]", "['a', 'b', 'c', 'd']"),
                    List.of()),
            feature("tuple (prefixItems, items: false)", "{'type': 'array', 'prefixItems': [{'type': 'string'},"
                            + " {'type': 'integer'}], 'items': false, 'minItems': 2, 'maxItems': 2}",
                    List.of("['a', 1]"),
                    List.of("['a']", "['a', 1, 2]", "[1, 'a']"),
                    List.of()),
            feature("prefixItems then items", "{'type': 'array', 'prefixItems': [{'const': 'cmd'}],"
                            + " 'items': {'type': 'number'}}",
                    List.of("[]", "['cmd']", "['cmd', 1, 2.5]"),
                    List.of("['x']", "['cmd', 'a']"),
                    List.of()),
            feature("draft-07 tuple (items array, additionalItems)", "{'$schema':"
                            + " 'http://json-schema.org/draft-07/schema#', 'type': 'array', 'items': [{'type':"
                            + " 'string'}, {'type': 'boolean'}], 'additionalItems': false}",
                    List.of("[]", "['a']", "['a', true]"),
                    List.of("['a', true, 1]", "[true]"),
                    List.of()),
            feature("anyOf nullable (Optional[str])", "{'anyOf': [{'type': 'string'}, {'type': 'null'}],"
                            + " 'default': null, 'title': 'Nickname'}",
                    List.of("'x'", "null"),
                    List.of("1"),
                    List.of()),
            feature("anyOf with sibling constraints", "{'type': 'object', 'properties': {'a': {'type':"
                            + " 'integer'}, 'b': {'type': 'integer'}}, 'additionalProperties': false, 'anyOf':"
                            + " [{'required': ['a']}, {'required': ['b']}]}",
                    List.of("{'a': 1}", "{'b': 2}", "{'a': 1, 'b': 2}"),
                    List.of("{}"),
                    List.of()),
            feature("oneOf discriminated by const", "{'oneOf': [{'type': 'object', 'properties': {'kind':"
                            + " {'const': 'cat'}, 'lives': {'type': 'integer'}}, 'required': ['kind', 'lives'],"
                            + " 'additionalProperties': false}, {'type': 'object', 'properties': {'kind': {'const':"
                            + " 'dog'}, 'barks': {'type': 'boolean'}}, 'required': ['kind', 'barks'],"
                            + " 'additionalProperties': false}], 'discriminator': {'propertyName': 'kind'}}",
                    List.of("{'kind': 'cat', 'lives': 9}", "{'kind': 'dog', 'barks': true}"),
                    List.of("{'kind': 'cat', 'barks': true}", "{'kind': 'cow', 'lives': 1}"),
                    List.of()),
            feature("allOf merged", "{'allOf': [{'type': 'object', 'properties': {'a': {'type': 'string'}},"
                            + " 'required': ['a']}, {'properties': {'b': {'type': 'integer', 'minimum': 0}},"
                            + " 'required': ['b']}, {'properties': {'b': {'maximum': 9}}}]}",
                    List.of("{'a': 'x', 'b': 0}", "{'a': 'x', 'b': 9, 'c': null}"),
                    List.of("{'a': 'x'}", "{'a': 'x', 'b': 10}", "{'a': 'x', 'b': -1}"),
                    List.of()),
            feature("$defs and $ref", "{'$defs': {'Point': " + POINT + "}, 'type': 'object', 'properties':"
                            + " {'from': {'$ref': '#/$defs/Point'}, 'to': {'$ref': '#/$defs/Point', 'description':"
                            + " 'end'}}, 'required': ['from', 'to'], 'additionalProperties': false}",
                    List.of("{'from': {'x': 0, 'y': 1.5}, 'to': {'x': -1, 'y': 2}}"),
                    List.of("{'from': {'x': 0}, 'to': {'x': 1, 'y': 2}}"),
                    List.of()),
            feature("definitions and a root $ref (draft-07)", "{'$schema': 'http://json-schema.org/draft-07/schema#',"
                            + " '$ref': '#/definitions/Point', 'definitions': {'Point': " + POINT + "}}",
                    List.of("{'x': 1, 'y': 2}"),
                    List.of("{'x': 1}"),
                    List.of()),
            feature("pattern", "{'type': 'string', 'pattern': '^[A-Z]{3}-\\\\d{2,4}$'}",
                    List.of("'ABC-12'", "'XYZ-1234'"),
                    List.of("'abc-12'", "'ABC-1'", "'ABC-12345'"),
                    List.of()),
            feature("unanchored pattern", "{'type': 'string', 'pattern': '\\\\d+'}",
                    List.of("'123'"),
                    List.of("'abc'"),
                    List.of("'abc123'")),
            feature("pattern with groups, alternation, classes", "{'type': 'string', 'pattern':"
                            + " '^(foo|ba[rz])(-[a-z0-9_]+)*(\\\\.[a-z]{2,3})?$'}",
                    List.of("'foo'", "'baz-a_1-b'", "'bar.io'"),
                    List.of("'bax'", "'foo-'", "'foo.c'"),
                    List.of()),
            feature("pattern needing JSON escapes", "{'type': 'string', 'pattern': '^a\\'b\\\\\\\\c[^,]*$'}",
                    List.of("'a\\'b\\\\c'", "'a\\'b\\\\c tab\\tand \\\\ \\''"),
                    List.of("'a\\'b\\\\c,'", "'ab\\\\c'"),
                    List.of()),
            feature("pattern with dot and counts", "{'type': 'string', 'pattern': '^.{2,5}$'}",
                    List.of("'ab'", "'\u00e9\ud83d\ude00x'"),
                    List.of("'a'", "'abcdef'", "'a\\nb'"),
                    List.of()),
            feature("minLength/maxLength", "{'type': 'string', 'minLength': 2, 'maxLength': 4}",
                    List.of("'ab'", "'abcd'", "'\u00e9\ud83d\ude00'", "'\\u00e9x'"),
                    List.of("'a'", "'abcde'"),
                    List.of()),
            feature("format date", "{'type': 'string', 'format': 'date'}",
                    List.of("'2024-02-29'", "'1999-12-31'", "'2000-02-29'", "'0001-01-01'"),
                    List.of("'2023-02-29'", "'1900-02-29'", "'2024-13-01'", "'2024-04-31'", "'2024-1-1'"),
                    List.of()),
            feature("format date-time", "{'type': 'string', 'format': 'date-time'}",
                    List.of("'2024-05-01T12:30:00Z'", "'2024-05-01T12:30:00.123+02:00'"),
                    List.of("'2024-05-01T25:00:00Z'", "'2024-05-01'"),
                    List.of()),
            feature("format time", "{'type': 'string', 'format': 'time'}",
                    List.of("'12:30:00Z'", "'23:59:59.999999-05:30'"),
                    List.of("'24:00:00Z'"),
                    List.of()),
            feature("format uuid", "{'type': 'string', 'format': 'uuid'}",
                    List.of("'123e4567-e89b-12d3-a456-426614174000'"),
                    List.of("'123e4567'", "'123e4567-e89b-12d3-a456-42661417400g'"),
                    List.of("'123E4567-E89B-12D3-A456-426614174000'")),
            feature("format email", "{'type': 'string', 'format': 'email'}",
                    List.of("'jane.doe@example.com'", "'a+b@mail.example.co'"),
                    List.of("'not-an-email'", "'@example.com'"),
                    List.of("'jane@localhost'")),
            feature("format ipv4", "{'type': 'string', 'format': 'ipv4'}",
                    List.of("'192.168.0.1'", "'255.255.255.255'", "'0.0.0.0'"),
                    List.of("'256.1.1.1'", "'1.2.3'"),
                    List.of()),
            feature("format uri (Pydantic HttpUrl)", "{'type': 'string', 'format': 'uri', 'minLength': 1,"
                            + " 'maxLength': 2083}",
                    List.of("'https://example.com'", "'http://api.example.org/v1/items?id=3&sort=asc'"),
                    List.of(),
                    List.of("'ftp://example.com'")),
            feature("integer range (conint)", "{'type': 'integer', 'minimum': -5, 'maximum': 250}",
                    List.of("-5", "0", "9", "10", "99", "100", "199", "249", "250"),
                    List.of("-6", "251", "300", "1000", "-10"),
                    List.of()),
            feature("exclusive integer bounds", "{'type': 'integer', 'exclusiveMinimum': 0, 'exclusiveMaximum': 10}",
                    List.of("1", "9"),
                    List.of("0", "10", "-1"),
                    List.of()),
            feature("integer lower bound only", "{'type': 'integer', 'minimum': 18}",
                    List.of("18", "19", "99", "100", "123456"),
                    List.of("17", "0", "-18"),
                    List.of()),
            feature("number in [0, 1]", "{'type': 'number', 'minimum': 0, 'maximum': 1}",
                    List.of("0", "0.5", "1", "1.0", "0.999", "0.0001"),
                    List.of("1.01", "-0.1", "2"),
                    List.of("1e-1", "-0")),
            feature("number with exclusive decimal bounds", "{'type': 'number', 'exclusiveMinimum': 1.25,"
                            + " 'maximum': 3.5}",
                    List.of("1.26", "1.2500001", "2", "3.5", "3.49"),
                    List.of("1.25", "1.2", "3.51", "1"),
                    List.of()),
            feature("negative number range", "{'type': 'number', 'minimum': -2.5, 'exclusiveMaximum': -1}",
                    List.of("-2.5", "-1.5", "-1.0001", "-2"),
                    List.of("-1", "-2.6", "0", "1"),
                    List.of()),
            feature("positive number (gt=0)", "{'type': 'number', 'exclusiveMinimum': 0}",
                    List.of("0.01", "5", "123.5"),
                    List.of("0", "-1", "0.0"),
                    List.of()),
            feature("multipleOf 1 on a number", "{'type': 'number', 'multipleOf': 1}",
                    List.of("3", "-4"),
                    List.of("3.5"),
                    List.of()),
            feature("format int32", "{'type': 'integer', 'format': 'int32'}",
                    List.of("2147483647", "-2147483648"),
                    List.of(),
                    List.of("2147483648")),
            feature("enum with null (Optional[Literal])", "{'type': ['string', 'null'], 'enum': ['a', 'b', null]}",
                    List.of("'a'", "null"),
                    List.of("'c'"),
                    List.of()),
            feature("boolean schemas", "{'type': 'object', 'properties': {'any': true, 'never': false},"
                            + " 'required': ['any']}",
                    List.of("{'any': [1, {'x': 'y'}]}", "{'any': null, 'other': 1}"),
                    List.of("{'any': 1, 'never': 1}"),
                    List.of()),
            feature("empty schema: any value", "{}",
                    List.of("1", "'s'", "null", "{'a': [true]}"),
                    List.of(),
                    List.of()),
            feature("property names needing escapes", "{'type': 'object', 'properties': {'a\\'b': {'type':"
                            + " 'integer'}, '\u540d\u524d': {'type': 'string'}}, 'required': ['a\\'b', '\u540d\u524d'],"
                            + " 'additionalProperties': false}",
                    List.of("{'a\\'b': 1, '\u540d\u524d': 'x'}"),
                    List.of("{'a\\'b': 1}"),
                    List.of()));
}
