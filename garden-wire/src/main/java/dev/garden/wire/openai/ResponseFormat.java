package dev.garden.wire.openai;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Objects;

/**
 * A request's {@code response_format}, told apart by its {@code type}: {@code ResponseFormatText},
 * {@code ResponseFormatJSONObject} or {@code ResponseFormatJSONSchema} in the API reference.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ResponseFormat.Text.class, name = "text"),
        @JsonSubTypes.Type(value = ResponseFormat.JsonObject.class, name = "json_object"),
        @JsonSubTypes.Type(value = ResponseFormat.JsonSchema.class, name = "json_schema")
})
public sealed interface ResponseFormat {

    /** {@code {"type": "text"}}: free text, the default. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Text() implements ResponseFormat {
    }

    /** {@code {"type": "json_object"}}: one JSON object of any shape ("JSON mode"). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record JsonObject() implements ResponseFormat {
    }

    /**
     * {@code {"type": "json_schema", "json_schema": {...}}}: JSON that validates against a schema.
     *
     * @param jsonSchema {@code json_schema}: the schema and its name
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record JsonSchema(@JsonProperty("json_schema") JsonSchemaDefinition jsonSchema) implements ResponseFormat {
        /** Rejects a missing required component. */
        public JsonSchema {
            Objects.requireNonNull(jsonSchema, "jsonSchema");
        }
    }

    /**
     * The {@code json_schema} object of a {@link JsonSchema} format.
     *
     * @param name        the schema's name ({@code json-schema-from-Foo} from openai-java, the model's name from
     *                    Pydantic, ...)
     * @param description what the answer is for; omitted when {@code null}
     * @param schema      the JSON Schema itself, kept as a tree; omitted when {@code null}
     * @param strict      whether the caller asked for strict adherence; omitted when {@code null}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"name", "description", "schema", "strict"})
    record JsonSchemaDefinition(@JsonProperty("name") String name,
                                @JsonProperty("description") String description,
                                @JsonProperty("schema") JsonNode schema,
                                @JsonProperty("strict") Boolean strict) {
        /** Rejects a missing required component. */
        public JsonSchemaDefinition {
            Objects.requireNonNull(name, "name");
        }
    }
}
