package dev.garden.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.garden.wire.openai.ResponseFormat;

import static dev.garden.server.JsonFields.TYPE_STRING;
import static dev.garden.server.JsonFields.bool;
import static dev.garden.server.JsonFields.invalidValue;
import static dev.garden.server.JsonFields.member;
import static dev.garden.server.JsonFields.object;
import static dev.garden.server.JsonFields.required;
import static dev.garden.server.JsonFields.string;

/**
 * Reads {@code response_format}: {@code {"type": "text"}}, {@code {"type": "json_object"}} or
 * {@code {"type": "json_schema", "json_schema": {"name", "schema", "strict", "description"}}}.
 *
 * <p>The schema is kept as it came, as a tree: whether Garden can enforce it is the engine's question (it compiles
 * the schema to a grammar and refuses what it cannot compile), not the parser's. Only its shape is checked here: a
 * JSON object, as OpenAI requires. {@code name} is required but not otherwise checked: it only labels the schema.
 */
final class ResponseFormatParser {
    private static final String FORMAT_TYPE = "ResponseFormat";
    private static final String SCHEMA_TYPE = "JSONSchema";
    private static final String TYPE_LIST = "text, json_object, json_schema";

    private ResponseFormatParser() {
    }

    /** The format, or {@code null} when the member is absent. */
    static ResponseFormat parse(JsonNode value) {
        if (value == null) {
            return null;
        }
        ObjectNode format = object(value, "response_format", FORMAT_TYPE);
        JsonNode typeValue = required(format, "type", "response_format.type");
        return switch (string(typeValue, "response_format.type")) {
            case "text" -> new ResponseFormat.Text();
            case "json_object" -> new ResponseFormat.JsonObject();
            case "json_schema" -> new ResponseFormat.JsonSchema(jsonSchema(format));
            default -> throw invalidValue("response_format.type", TYPE_STRING, typeValue,
                    "must be one of " + TYPE_LIST + ".");
        };
    }

    private static ResponseFormat.JsonSchemaDefinition jsonSchema(ObjectNode format) {
        String path = "response_format.json_schema";
        ObjectNode definition = object(required(format, "json_schema", path), path, SCHEMA_TYPE);
        String name = string(required(definition, "name", path + ".name"), path + ".name");
        JsonNode descriptionValue = member(definition, "description");
        String description = descriptionValue == null ? null : string(descriptionValue, path + ".description");
        JsonNode schemaValue = member(definition, "schema");
        // A boolean schema is valid JSON Schema, but OpenAI accepts only objects, and so do the SDKs' helpers.
        JsonNode schema = schemaValue == null ? null : object(schemaValue, path + ".schema", "JSON Schema object");
        JsonNode strictValue = member(definition, "strict");
        Boolean strict = strictValue == null ? null : bool(strictValue, path + ".strict");
        return new ResponseFormat.JsonSchemaDefinition(name, description, schema, strict);
    }
}
