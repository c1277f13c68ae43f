package dev.garden.core.inference;

import java.util.Objects;

/** What shape the answer must take ({@code response_format}). */
public sealed interface ResponseFormat {

    /** Free text: no constraint. */
    record Text() implements ResponseFormat {
    }

    /** Exactly one JSON object, of any shape. */
    record JsonObject() implements ResponseFormat {
    }

    /**
     * A JSON value that validates against a schema: enforced while decoding, never checked after the fact.
     *
     * @param name   the schema's name, as the client gave it
     * @param schema the JSON Schema, as JSON text
     * @param strict whether the client asked for strict adherence (Garden always enforces the schema)
     */
    record JsonSchema(String name, String schema, boolean strict) implements ResponseFormat {
        public JsonSchema {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(schema, "schema");
        }
    }

    /** No constraint: the default. */
    ResponseFormat TEXT = new Text();
}
