package dev.garden.grammar;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.Set;

/**
 * Which JSON Schema keywords Garden enforces, which it ignores because they never change what is valid, and which
 * it refuses. A keyword in none of the lists is refused too: an unknown keyword might constrain the output, and
 * Garden never runs a schema it only partly understands.
 */
final class SchemaKeywords {
    /**
     * Keywords that never change whether an instance is valid: annotations, identifiers, definition containers,
     * and OpenAPI's annotations. Keywords starting with {@code x-} (OpenAPI extensions) are ignored as well.
     * {@code nullable} is listed here so that merging and checking pass it through; {@link SchemaCompiler}
     * gives {@code nullable: true} its OpenAPI meaning (null is allowed too).
     */
    static final Set<String> IGNORED = Set.of(
            "$schema", "$id", "$comment", "$anchor", "$dynamicAnchor", "$recursiveAnchor", "$vocabulary",
            "$defs", "definitions",
            "title", "description", "default", "examples", "example", "deprecated", "readOnly", "writeOnly",
            "contentEncoding", "contentMediaType", "contentSchema",
            "discriminator", "nullable", "externalDocs", "xml", "propertyOrdering");

    /** Keywords Garden enforces, some only in the forms their handlers document. */
    static final Set<String> ENFORCED = Set.of(
            "type", "enum", "const",
            "properties", "required", "additionalProperties", "minProperties", "maxProperties",
            "items", "prefixItems", "additionalItems", "minItems", "maxItems", "uniqueItems",
            "minLength", "maxLength", "pattern", "format",
            "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
            "anyOf", "oneOf", "allOf", "$ref");

    /** Keywords Garden knows and refuses, with the reason given to the caller. */
    static final Map<String, String> REFUSED = Map.ofEntries(
            Map.entry("patternProperties", "property names cannot be matched against patterns"),
            Map.entry("propertyNames", "property names cannot be constrained"),
            Map.entry("dependentRequired", "conditional requirements cannot be enforced"),
            Map.entry("dependentSchemas", "conditional schemas cannot be enforced"),
            Map.entry("dependencies", "conditional requirements cannot be enforced"),
            Map.entry("unevaluatedProperties", "use additionalProperties instead"),
            Map.entry("unevaluatedItems", "use items instead"),
            Map.entry("contains", "array contents cannot be counted"),
            Map.entry("minContains", "array contents cannot be counted"),
            Map.entry("maxContains", "array contents cannot be counted"),
            Map.entry("not", "negated schemas cannot be enforced"),
            Map.entry("if", "conditional schemas cannot be enforced"),
            Map.entry("then", "conditional schemas cannot be enforced"),
            Map.entry("else", "conditional schemas cannot be enforced"),
            Map.entry("$dynamicRef", "dynamic references cannot be resolved"),
            Map.entry("$recursiveRef", "recursive references are not supported"));

    /** Keywords that only apply to one type: a schema without {@code type} that uses them is read as that type. */
    static final Map<String, String> TYPE_OF_KEYWORD = Map.ofEntries(
            Map.entry("properties", "object"), Map.entry("required", "object"),
            Map.entry("additionalProperties", "object"), Map.entry("minProperties", "object"),
            Map.entry("maxProperties", "object"),
            Map.entry("items", "array"), Map.entry("prefixItems", "array"), Map.entry("additionalItems", "array"),
            Map.entry("minItems", "array"), Map.entry("maxItems", "array"), Map.entry("uniqueItems", "array"),
            Map.entry("minLength", "string"), Map.entry("maxLength", "string"), Map.entry("pattern", "string"),
            Map.entry("format", "string"),
            Map.entry("minimum", "number"), Map.entry("maximum", "number"), Map.entry("exclusiveMinimum", "number"),
            Map.entry("exclusiveMaximum", "number"), Map.entry("multipleOf", "number"));

    private SchemaKeywords() {
    }

    static boolean ignored(String keyword) {
        return IGNORED.contains(keyword) || keyword.startsWith("x-");
    }

    /** Refuses the first keyword of {@code schema} that is neither enforced nor ignored. */
    static void check(JsonNode schema, String path) {
        for (Map.Entry<String, JsonNode> field : schema.properties()) {
            String keyword = field.getKey();
            if (ignored(keyword) || ENFORCED.contains(keyword)) {
                continue;
            }
            String reason = REFUSED.getOrDefault(keyword, "unknown keyword");
            throw new UnsupportedSchemaException(keyword, path, reason);
        }
    }

    /** Whether a schema object has any keyword that constrains instances. */
    static boolean constrains(JsonNode schema) {
        for (Map.Entry<String, JsonNode> field : schema.properties()) {
            if (!ignored(field.getKey())) {
                return true;
            }
        }
        return false;
    }
}
