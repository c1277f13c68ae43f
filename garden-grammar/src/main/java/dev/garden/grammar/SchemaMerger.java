package dev.garden.grammar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges schemas that must all hold ({@code allOf}, a {@code $ref} with sibling keywords, the siblings of
 * {@code anyOf}) into one schema, where that is plain bookkeeping: keywords only one part sets are taken as they
 * are; equal values are kept once; {@code required} is the union; {@code properties} is the union, a property in
 * several parts getting {@code allOf} of its schemas; {@code type} and {@code enum} are intersected; lower bounds
 * take the largest, upper bounds the smallest. Anything else that differs between parts is refused, as is an
 * {@code additionalProperties} that would have to judge properties declared in another part.
 */
final class SchemaMerger {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> LOWER_BOUNDS = Set.of("minimum", "exclusiveMinimum", "minLength", "minItems",
            "minProperties");
    private static final Set<String> UPPER_BOUNDS = Set.of("maximum", "exclusiveMaximum", "maxLength", "maxItems",
            "maxProperties");

    private SchemaMerger() {
    }

    /**
     * The conjunction of {@code parts}, each already free of {@code $ref} and {@code allOf}; {@code false} when
     * the parts cannot all hold.
     *
     * @param keyword the keyword that asked for the merge, for messages
     * @param path    where it sits
     */
    static JsonNode merge(List<JsonNode> parts, String keyword, String path) {
        ObjectNode merged = NODES.objectNode();
        for (JsonNode part : parts) {
            if (part.isBoolean()) {
                if (!part.asBoolean()) {
                    return BooleanNode.FALSE;
                }
                continue;
            }
            for (Map.Entry<String, JsonNode> field : part.properties()) {
                String name = field.getKey();
                JsonNode value = field.getValue();
                if (SchemaKeywords.ignored(name)) {
                    continue;
                }
                JsonNode existing = merged.get(name);
                if (existing == null) {
                    merged.set(name, value);
                } else if (!existing.equals(value)) {
                    JsonNode combined = combine(name, existing, value, keyword, path);
                    if (combined == null) {
                        return BooleanNode.FALSE;
                    }
                    merged.set(name, combined);
                }
            }
        }
        checkAdditionalProperties(parts, keyword, path);
        return merged;
    }

    /** Two differing values of one keyword; null when they cannot both hold. */
    private static JsonNode combine(String name, JsonNode a, JsonNode b, String keyword, String path) {
        if (LOWER_BOUNDS.contains(name) && a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) >= 0 ? a : b;
        }
        if (UPPER_BOUNDS.contains(name) && a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) <= 0 ? a : b;
        }
        switch (name) {
            case "required" -> {
                Set<JsonNode> union = new LinkedHashSet<>();
                a.forEach(union::add);
                b.forEach(union::add);
                ArrayNode out = NODES.arrayNode();
                union.forEach(out::add);
                return out;
            }
            case "properties" -> {
                ObjectNode out = a.deepCopy();
                for (Map.Entry<String, JsonNode> property : b.properties()) {
                    JsonNode mine = out.get(property.getKey());
                    if (mine == null || mine.equals(property.getValue())) {
                        out.set(property.getKey(), property.getValue());
                    } else {
                        ArrayNode both = NODES.arrayNode().add(mine).add(property.getValue());
                        out.set(property.getKey(), NODES.objectNode().set("allOf", both));
                    }
                }
                return out;
            }
            case "type" -> {
                // integer is the part of number both admit
                Set<String> left = types(a);
                Set<String> right = types(b);
                Set<String> common = new LinkedHashSet<>();
                for (String t : left) {
                    if (right.contains(t)) {
                        common.add(t);
                    } else if ((t.equals("integer") && right.contains("number"))
                            || (t.equals("number") && right.contains("integer"))) {
                        common.add("integer");
                    }
                }
                if (common.isEmpty()) {
                    return null;
                }
                ArrayNode out = NODES.arrayNode();
                common.forEach(out::add);
                return out;
            }
            case "enum" -> {
                ArrayNode out = NODES.arrayNode();
                for (JsonNode value : a) {
                    for (JsonNode candidate : b) {
                        if (sameValue(value, candidate)) {
                            out.add(value);
                            break;
                        }
                    }
                }
                return out.isEmpty() ? null : out;
            }
            case "const" -> {
                return sameValue(a, b) ? a : null;
            }
            default -> throw new UnsupportedSchemaException(keyword, path,
                    "the parts set \"" + name + "\" differently, which cannot be merged");
        }
    }

    /**
     * Refuses an {@code additionalProperties} (other than {@code true}) in one part when another part declares
     * or requires properties it does not declare: that part's {@code additionalProperties} would judge them, and
     * a plain union of the parts would not.
     */
    private static void checkAdditionalProperties(List<JsonNode> parts, String keyword, String path) {
        for (JsonNode part : parts) {
            JsonNode additional = part.get("additionalProperties");
            if (additional == null || (additional.isBoolean() && additional.asBoolean())) {
                continue;
            }
            JsonNode declared = part.path("properties");
            for (JsonNode other : parts) {
                if (other == part) {
                    continue;
                }
                List<String> names = new ArrayList<>();
                other.path("properties").fieldNames().forEachRemaining(names::add);
                other.path("required").forEach(r -> names.add(r.asText()));
                for (String name : names) {
                    if (!declared.has(name)) {
                        throw new UnsupportedSchemaException(keyword, path, "one part's additionalProperties would"
                                + " judge property \"" + name + "\" that another part declares; declare it in both");
                    }
                }
            }
        }
    }

    static Set<String> types(JsonNode type) {
        Set<String> out = new LinkedHashSet<>();
        if (type.isTextual()) {
            out.add(type.asText());
        } else {
            type.forEach(t -> out.add(t.asText()));
        }
        return out;
    }

    /** JSON Schema equality: numbers compare by value (1 equals 1.0), everything else structurally. */
    static boolean sameValue(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            BigDecimal x = a.decimalValue();
            BigDecimal y = b.decimalValue();
            return x.compareTo(y) == 0;
        }
        return a.equals(b);
    }
}
