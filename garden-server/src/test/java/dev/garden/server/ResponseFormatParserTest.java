package dev.garden.server;

import dev.garden.core.inference.ResponseFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.garden.server.RequestParsing.failure;
import static dev.garden.server.RequestParsing.parse;
import static dev.garden.server.RequestParsing.toDomain;
import static dev.garden.server.RequestParsing.withParameters;
import static org.assertj.core.api.Assertions.assertThat;

class ResponseFormatParserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            "response_format":"json"                                  | Invalid value at 'response_format' (ResponseFormat), "json"
            "response_format":[]                                      | Invalid value at 'response_format' (ResponseFormat), []
            "response_format":{}                                      | Required field 'response_format.type' is missing.
            "response_format":{"type":5}                              | Invalid value at 'response_format.type' (TYPE_STRING), 5
            "response_format":{"type":"yaml"}                         | Invalid value at 'response_format.type' (TYPE_STRING), "yaml": must be one of text, json_object, json_schema.
            "response_format":{"type":"json_schema"}                  | Required field 'response_format.json_schema' is missing.
            "response_format":{"type":"json_schema","json_schema":"s"} | Invalid value at 'response_format.json_schema' (JSONSchema), "s"
            "response_format":{"type":"json_schema","json_schema":{"schema":{}}} | Required field 'response_format.json_schema.name' is missing.
            "response_format":{"type":"json_schema","json_schema":{"name":7}} | Invalid value at 'response_format.json_schema.name' (TYPE_STRING), 7
            "response_format":{"type":"json_schema","json_schema":{"name":"a","schema":true}} | Invalid value at 'response_format.json_schema.schema' (JSON Schema object), true
            "response_format":{"type":"json_schema","json_schema":{"name":"a","schema":"{}"}} | Invalid value at 'response_format.json_schema.schema' (JSON Schema object), "{}"
            "response_format":{"type":"json_schema","json_schema":{"name":"a","strict":"yes"}} | Invalid value at 'response_format.json_schema.strict' (TYPE_BOOL), "yes"
            "response_format":{"type":"json_schema","json_schema":{"name":"a","description":1}} | Invalid value at 'response_format.json_schema.description' (TYPE_STRING), 1
            """)
    void parse_badResponseFormat_namesTheField(String parameter, String message) {
        assertThat(failure(withParameters(parameter))).isEqualTo(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            "response_format":{"type":"text"}                 | Text
            "response_format":{"type":"text","extra":1}       | Text
            "response_format":null                            | Text
            "response_format":{"type":"json_object"}          | JsonObject
            """)
    void toDomain_simpleFormats_mapToTheirDomainFormat(String parameter, String type) {
        assertThat(toDomain(withParameters(parameter)).format().getClass().getSimpleName()).isEqualTo(type);
    }

    @Test
    void toDomain_jsonSchema_keepsNameSchemaTextAndStrict() {
        ResponseFormat format = toDomain(withParameters("""
                "response_format":{"type":"json_schema","json_schema":{"name":"json-schema-from-Book",
                  "description":"A book.","strict":true,
                  "schema":{"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",
                            "properties":{"title":{"type":"string"},"year":{"type":"integer","minimum":1450}},
                            "required":["title","year"],"additionalProperties":false}}}""")).format();

        assertThat(format).isEqualTo(new ResponseFormat.JsonSchema("json-schema-from-Book", """
                {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",\
                "properties":{"title":{"type":"string"},"year":{"type":"integer","minimum":1450}},\
                "required":["title","year"],"additionalProperties":false}""", true));
    }

    @Test
    void toDomain_jsonSchemaWithoutSchemaOrStrict_isAnyJsonNotStrict() {
        ResponseFormat format = toDomain(withParameters("""
                "response_format":{"type":"json_schema","json_schema":{"name":"anything"}}""")).format();

        assertThat(format).isEqualTo(new ResponseFormat.JsonSchema("anything", "{}", false));
    }

    @Test
    void parse_recursiveSchema_isKeptForTheEngineToJudge() {
        // Vertex AI refuses fully recursive schemas; Garden's engine decides what it can enforce, not the parser.
        String schema = "{\"$defs\":{\"node\":{\"type\":\"object\",\"properties\":{\"next\":{\"$ref\":\"#/$defs/node\"}}}},"
                        + "\"$ref\":\"#/$defs/node\"}";

        assertThat(parse(withParameters("\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":"
                                        + "\"list\",\"schema\":" + schema + "}}")).responseFormat())
                .isInstanceOf(dev.garden.wire.openai.ResponseFormat.JsonSchema.class);
    }
}
