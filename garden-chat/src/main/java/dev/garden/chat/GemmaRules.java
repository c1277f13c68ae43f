package dev.garden.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.garden.grammar.Gbnf;
import dev.garden.grammar.GrammarBuilder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Grammar rules for Gemma 4's argument notation ({@link GemmaArguments}) that follow a function's parameters
 * schema: object keys in sorted order, as Gemma's template writes them (required ones present, optional ones
 * optional), string enums and
 * constants, arrays of their items, alternatives of {@code anyOf}/{@code oneOf} and type lists. Numbers, booleans and
 * null are written as in JSON, so their rules (bounds included) come from the grammar module. What the notation
 * cannot carry or this subset does not cover ({@code $ref}, {@code allOf}, string lengths and patterns, extra keys)
 * is loosened to any value in the notation rather than refused: Gemma's own grammar in llama.cpp checks no schema
 * at all.
 */
final class GemmaRules {
    private static final int MAX_DEPTH = 32;

    private final GrammarBuilder builder;
    private final String quote = Gbnf.literal(GemmaArguments.QUOTE);
    private String anyValue;
    private String anyObject;
    private String text;

    GemmaRules(GrammarBuilder builder) {
        this.builder = builder;
    }

    /** The rule for a function's arguments: an object in the notation, following the schema where it can. */
    String arguments(String name, String parametersSchema) {
        JsonNode schema;
        try {
            schema = TemplateTools.JSON.readTree(parametersSchema);
        } catch (JsonProcessingException e) {
            return anyObject();
        }
        return hasType(schema, "object") || schema.has("properties") ? object(schema, name + "-arguments", 0)
                : anyObject();
    }

    private String value(JsonNode schema, String hint, int depth) {
        if (schema == null || !schema.isObject() || depth > MAX_DEPTH) {
            return anyValue();
        }
        if (schema.has("const")) {
            String literal = literal(schema.get("const"));
            return literal == null ? anyValue() : literal;
        }
        if (schema.has("enum") && schema.get("enum").isArray()) {
            List<String> alternatives = new ArrayList<>();
            for (JsonNode option : schema.get("enum")) {
                String literal = literal(option);
                if (literal == null) {
                    return anyValue();
                }
                alternatives.add(literal);
            }
            return alternatives.isEmpty() ? anyValue() : builder.rule(hint, String.join(" | ", alternatives));
        }
        for (String combinator : List.of("anyOf", "oneOf")) {
            if (schema.has(combinator) && schema.get(combinator).isArray()) {
                List<String> alternatives = new ArrayList<>();
                int i = 0;
                for (JsonNode option : schema.get(combinator)) {
                    alternatives.add(value(option, hint + "-" + i++, depth + 1));
                }
                return alternatives.isEmpty() ? anyValue() : builder.rule(hint, String.join(" | ", alternatives));
            }
        }
        JsonNode type = schema.get("type");
        if (type != null && type.isArray()) {
            List<String> alternatives = new ArrayList<>();
            for (JsonNode each : type) {
                alternatives.add(typed(schema, each.asText(), hint + "-" + each.asText(), depth));
            }
            return alternatives.isEmpty() ? anyValue() : builder.rule(hint, String.join(" | ", alternatives));
        }
        if (type != null) {
            return typed(schema, type.asText(), hint, depth);
        }
        if (schema.has("properties")) {
            return object(schema, hint, depth);
        }
        if (schema.has("items")) {
            return typed(schema, "array", hint, depth);
        }
        return anyValue();
    }

    private String typed(JsonNode schema, String type, String hint, int depth) {
        return switch (type) {
            case "string" -> string();
            case "integer", "number", "boolean", "null" -> builder.schemaRule(hint, jsonSchemaOf(schema, type));
            case "array" -> {
                String item = value(schema.get("items"), hint + "-item", depth + 1);
                yield builder.rule(hint, Gbnf.literal("[") + " ( " + item + " ( " + Gbnf.literal(",") + " " + item
                        + " )* )? " + Gbnf.literal("]"));
            }
            case "object" -> object(schema, hint, depth);
            default -> anyValue();
        };
    }

    /**
     * An object with the schema's properties in sorted order. Commas go between the members present: the object opens
     * with one of the members that may come first (all before it optional), and each later member brings its own
     * comma.
     */
    private String object(JsonNode schema, String hint, int depth) {
        JsonNode properties = schema.get("properties");
        if (properties == null || !properties.isObject() || properties.isEmpty()) {
            return anyObject();
        }
        Set<String> required = new HashSet<>();
        if (schema.get("required") instanceof JsonNode list && list.isArray()) {
            list.forEach(name -> required.add(name.asText()));
        }
        List<String> members = new ArrayList<>();
        List<Boolean> mandatory = new ArrayList<>();
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(properties.properties());
        // Gemma's template writes keys through Jinja's dictsort (case-insensitive), in declarations and in calls.
        fields.sort(Comparator.comparing((Map.Entry<String, JsonNode> field) -> field.getKey().toLowerCase(Locale.ROOT))
                .thenComparing(Map.Entry::getKey));
        for (Map.Entry<String, JsonNode> field : fields) {
            String key = field.getKey();
            String value = value(field.getValue(), hint + "-" + key, depth + 1);
            members.add(Gbnf.literal(key + ":") + " " + value);
            mandatory.add(required.contains(key));
        }
        int n = members.size();
        String[] tails = new String[n + 1];
        tails[n] = "";
        for (int i = n - 1; i >= 1; i--) {
            String member = "( " + Gbnf.literal(",") + " " + members.get(i) + " )" + (mandatory.get(i) ? "" : "?");
            String body = (member + " " + tails[i + 1]).strip();
            tails[i] = builder.rule(hint + "-tail-" + i, body);
        }
        List<String> openings = new ArrayList<>();
        boolean allOptional = true;
        for (int k = 0; k < n && allOptional; k++) {
            openings.add((members.get(k) + " " + (k + 1 < n ? tails[k + 1] : "")).strip());
            allOptional = !mandatory.get(k);
        }
        String inside = "( " + String.join(" | ", openings) + " )" + (allOptional ? "?" : "");
        return builder.rule(hint, Gbnf.literal("{") + " " + inside + " " + Gbnf.literal("}"));
    }

    /** A scalar schema as a JSON Schema the grammar module compiles, keeping the keywords that bound it. */
    private static String jsonSchemaOf(JsonNode schema, String type) {
        var copy = TemplateTools.JSON.createObjectNode();
        copy.put("type", type);
        for (String keyword : List.of("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf")) {
            if (schema.has(keyword)) {
                copy.set(keyword, schema.get(keyword));
            }
        }
        return copy.toString();
    }

    /** A constant in the notation, or null for objects and arrays (left to the looser rule). */
    private String literal(JsonNode value) {
        if (value.isTextual()) {
            return quote + (value.asText().isEmpty() ? "" : " " + Gbnf.literal(value.asText())) + " " + quote;
        }
        if (value.isNumber() || value.isBoolean() || value.isNull()) {
            return Gbnf.literal(value.toString());
        }
        return null;
    }

    private static boolean hasType(JsonNode schema, String type) {
        JsonNode declared = schema.get("type");
        return declared != null && declared.asText().equals(type);
    }

    private String string() {
        if (text == null) {
            String until = GbnfText.until(builder, "gemma-text", GemmaArguments.QUOTE);
            text = builder.rule("gemma-string", quote + " " + until + " " + quote);
        }
        return text;
    }

    /** Any object in the notation. */
    String anyObject() {
        anyValue();
        return anyObject;
    }

    /** Any value in the notation: the rules llama.cpp's Gemma 4 grammar has. */
    private String anyValue() {
        if (anyValue == null) {
            String string = string();
            String number = builder.schemaRule("gemma-number", "{\"type\": \"number\"}");
            String value = "gemma-value";
            String key = builder.rule("gemma-key", "[^:{}\\[\\],<\"\\x00-\\x20]+");
            String member = builder.rule("gemma-member", key + " " + Gbnf.literal(":") + " " + value);
            anyObject = builder.rule("gemma-object", Gbnf.literal("{") + " ( " + member + " ( " + Gbnf.literal(",")
                    + " " + member + " )* )? " + Gbnf.literal("}"));
            String array = builder.rule("gemma-array", Gbnf.literal("[") + " ( " + value + " ( " + Gbnf.literal(",")
                    + " " + value + " )* )? " + Gbnf.literal("]"));
            anyValue = builder.rule(value, String.join(" | ", string, anyObject, array, number,
                    Gbnf.literal("true"), Gbnf.literal("false"), Gbnf.literal("null")));
            if (!anyValue.equals(value)) {
                throw new IllegalStateException("rule name " + value + " is taken");
            }
        }
        return anyValue;
    }
}
