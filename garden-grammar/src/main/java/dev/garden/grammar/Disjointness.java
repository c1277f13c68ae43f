package dev.garden.grammar;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides, conservatively, that no instance can satisfy two schemas at once, so that {@code oneOf} may be enforced
 * as {@code anyOf}: output matching one alternative then matches exactly one. Provably disjoint are schemas whose
 * types cannot overlap ({@code string} vs {@code null}; {@code integer} overlaps {@code number}), whose
 * {@code enum}/{@code const} values share nothing, and objects that both require a property whose schemas are
 * disjoint (Pydantic's discriminated unions: {@code "kind": {"const": "cat"}} vs {@code "const": "dog"}) or where
 * one forbids, by {@code additionalProperties: false}, a property the other requires. Anything else counts as
 * overlapping, and such a {@code oneOf} is refused.
 */
final class Disjointness {
    private static final Set<String> ALL_TYPES = Set.of("null", "boolean", "object", "array", "string", "number",
            "integer");
    private static final int MAX_DEPTH = 8;

    /** Comparisons one check may make before giving up (and calling the schemas overlapping). */
    private static final int MAX_STEPS = 10_000;

    private final SchemaDocument document;
    private int steps;

    Disjointness(SchemaDocument document) {
        this.document = document;
    }

    boolean disjoint(JsonNode a, JsonNode b) {
        steps = 0;
        return disjoint(a, b, 0);
    }

    private boolean disjoint(JsonNode a, JsonNode b, int depth) {
        if (depth > MAX_DEPTH || ++steps > MAX_STEPS) {
            return false;
        }
        // Each schema is the conjunction of its parts: two are disjoint when any part of one excludes any of the other.
        for (JsonNode left : parts(a, depth)) {
            for (JsonNode right : parts(b, depth)) {
                if (++steps > MAX_STEPS) {
                    return false;
                }
                if (partsDisjoint(left, right, depth)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean partsDisjoint(JsonNode a, JsonNode b, int depth) {
        if (isFalse(a) || isFalse(b)) {
            return true;
        }
        if (!a.isObject() || !b.isObject()) {
            return false;
        }
        if (!overlap(types(a, depth), types(b, depth))) {
            return true;
        }
        List<JsonNode> valuesA = values(a);
        List<JsonNode> valuesB = values(b);
        if (valuesA != null && valuesB != null && valuesA.stream().noneMatch(
                x -> valuesB.stream().anyMatch(y -> SchemaMerger.sameValue(x, y)))) {
            return true;
        }
        if (types(a, depth).equals(Set.of("object")) && types(b, depth).equals(Set.of("object"))) {
            Set<String> requiredA = names(a.path("required"));
            Set<String> requiredB = names(b.path("required"));
            for (String name : requiredA) {
                if (requiredB.contains(name) && a.path("properties").has(name) && b.path("properties").has(name)
                        && disjoint(a.path("properties").get(name), b.path("properties").get(name), depth + 1)) {
                    return true;
                }
            }
            return forbidsRequired(a, requiredB) || forbidsRequired(b, requiredA);
        }
        return false;
    }

    private static boolean forbidsRequired(JsonNode schema, Set<String> required) {
        if (!isFalse(schema.path("additionalProperties"))) {
            return false;
        }
        for (String name : required) {
            if (!schema.path("properties").has(name)) {
                return true;
            }
        }
        return false;
    }

    /** The schema itself (less its $ref and allOf), the $ref's target, and the allOf entries, recursively. */
    private List<JsonNode> parts(JsonNode schema, int depth) {
        List<JsonNode> out = new ArrayList<>();
        out.add(schema);
        if (schema.isObject() && depth <= MAX_DEPTH && ++steps <= MAX_STEPS) {
            if (schema.has("$ref")) {
                out.addAll(parts(document.resolve(schema.get("$ref"), "").schema(), depth + 1));
            }
            for (JsonNode entry : schema.path("allOf")) {
                out.addAll(parts(entry, depth + 1));
            }
        }
        return out;
    }

    /** The JSON types an object schema admits, from type, const/enum, or its anyOf/oneOf alternatives. */
    private Set<String> types(JsonNode schema, int depth) {
        if (schema.has("type")) {
            Set<String> types = new HashSet<>(SchemaMerger.types(schema.get("type")));
            if (schema.path("nullable").asBoolean(false) && !schema.has("enum") && !schema.has("const")) {
                types.add("null"); // OpenAPI's nullable, as SchemaCompiler reads it
            }
            return types;
        }
        List<JsonNode> values = values(schema);
        if (values != null) {
            Set<String> out = new HashSet<>();
            values.forEach(v -> out.add(typeOf(v)));
            return out;
        }
        JsonNode alternatives = schema.has("anyOf") ? schema.get("anyOf") : schema.get("oneOf");
        if (alternatives != null && depth < MAX_DEPTH) {
            Set<String> out = new HashSet<>();
            for (JsonNode alternative : alternatives) {
                JsonNode resolved = alternative;
                if (alternative.has("$ref")) {
                    resolved = document.resolve(alternative.get("$ref"), "").schema();
                }
                if (!resolved.isObject()) {
                    return ALL_TYPES;
                }
                out.addAll(types(resolved, depth + 1));
            }
            return out;
        }
        return ALL_TYPES;
    }

    private static boolean overlap(Set<String> a, Set<String> b) {
        for (String x : a) {
            for (String y : b) {
                if (x.equals(y) || (x.equals("integer") && y.equals("number"))
                        || (x.equals("number") && y.equals("integer"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The values a schema is limited to by const or enum, or null when it lists none. */
    private static List<JsonNode> values(JsonNode schema) {
        if (schema.has("const")) {
            return List.of(schema.get("const"));
        }
        if (schema.has("enum") && schema.get("enum").isArray()) {
            List<JsonNode> out = new ArrayList<>();
            schema.get("enum").forEach(out::add);
            return out;
        }
        return null;
    }

    static String typeOf(JsonNode value) {
        return switch (value.getNodeType()) {
            case NULL -> "null";
            case BOOLEAN -> "boolean";
            case OBJECT -> "object";
            case ARRAY -> "array";
            case STRING -> "string";
            case NUMBER -> isIntegral(value) ? "integer" : "number";
            default -> "unknown";
        };
    }

    static boolean isIntegral(JsonNode number) {
        if (number.isIntegralNumber()) {
            return true;
        }
        try {
            return number.decimalValue().stripTrailingZeros().scale() <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Set<String> names(JsonNode array) {
        Set<String> out = new HashSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static boolean isFalse(JsonNode schema) {
        return schema.isBoolean() && !schema.asBoolean();
    }
}
