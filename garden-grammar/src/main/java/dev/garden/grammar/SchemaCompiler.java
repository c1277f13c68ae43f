package dev.garden.grammar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles one schema document into rules of a {@link RuleSet}. {@link #visit} turns a (sub-)schema into a GBNF
 * expression for its JSON text, or null when no instance can satisfy it; what it cannot enforce it refuses with an
 * {@link UnsupportedSchemaException} naming the keyword and its place.
 *
 * <p>Each {@code $ref} target becomes one rule, named after its definition, shared by every reference. A reference
 * to a schema that is still being compiled is a recursive schema, which is refused.
 */
final class SchemaCompiler {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ALL_TYPES = new LinkedHashSet<>(List.of("object", "array", "string", "number",
            "integer", "boolean", "null"));

    private final SchemaDocument document;
    private final RuleSet rules;
    private final Disjointness disjointness;
    private final ObjectRules objects;
    private final ArrayRules arrays;
    private final ScalarRules scalars;
    private final Map<String, String> refRules = new HashMap<>();
    /** The JSON Pointers of the $ref targets being compiled, innermost last. */
    private final Deque<String> active = new ArrayDeque<>();
    private int depth;
    /** Sub-schemas visited and merge parts collected: a bound on compile time (allOf of refs can blow up). */
    private int work;

    SchemaCompiler(JsonNode document, RuleSet rules) {
        this.document = new SchemaDocument(document);
        this.rules = rules;
        this.disjointness = new Disjointness(this.document);
        this.objects = new ObjectRules(this, rules);
        this.arrays = new ArrayRules(this, rules);
        this.scalars = new ScalarRules(rules);
    }

    /** Compiles the whole document as a rule named after {@code name} (made unique); returns the rule's name. */
    String compileRoot(String name) {
        active.addLast("");
        String expression = visit(document.root(), "", name);
        active.removeLast();
        if (expression == null) {
            throw UnsupportedSchemaException.general("", "accepts no JSON value at all");
        }
        return rules.add(name, expression);
    }

    /**
     * The GBNF for the JSON text of instances of {@code schema}, or null when there are none.
     *
     * @param path the schema's JSON Pointer in its document, for messages
     * @param hint the name its rules take
     */
    String visit(JsonNode schema, String path, String hint) {
        spend(path);
        if (++depth > SchemaLimits.MAX_DEPTH) {
            throw UnsupportedSchemaException.general(path, "nests sub-schemas deeper than " + SchemaLimits.MAX_DEPTH);
        }
        try {
            return visitObject(schema, path, hint);
        } finally {
            depth--;
        }
    }

    private void spend(String path) {
        if (++work > SchemaLimits.MAX_WORK) {
            throw UnsupportedSchemaException.general(path, "expands into more than " + SchemaLimits.MAX_WORK
                    + " sub-schemas (through $ref and allOf); simplify it");
        }
    }

    /** Like {@link #visit}, but an expression of several symbols becomes a rule of its own, named after hint. */
    String visitAsRule(JsonNode schema, String path, String hint) {
        String expression = visit(schema, path, hint);
        return expression == null ? null : asRule(expression, hint);
    }

    String asRule(String expression, String hint) {
        return expression.matches("[a-z0-9-]+") ? expression : rules.add(hint, expression);
    }

    private String visitObject(JsonNode schema, String path, String hint) {
        if (schema.isBoolean()) {
            return schema.asBoolean() ? rules.shared(JsonRules.VALUE) : null;
        }
        if (!schema.isObject()) {
            throw UnsupportedSchemaException.general(path, "is neither an object nor a boolean");
        }
        SchemaKeywords.check(schema, path);
        if (schema.path("nullable").asBoolean(false) && !schema.has("enum") && !schema.has("const")) {
            return nullable((ObjectNode) schema, path, hint);
        }
        if (schema.has("$ref")) {
            return reference(schema, path, hint);
        }
        if (schema.has("allOf")) {
            return visit(merge(schema, "allOf", path), path, hint);
        }
        if (schema.has("anyOf") || schema.has("oneOf")) {
            return alternatives(schema, path, hint);
        }
        if (schema.has("enum") || schema.has("const")) {
            return values(schema, path);
        }
        return typed(schema, path, hint);
    }

    /**
     * OpenAPI 3.0's {@code nullable: true}: the schema or null. openai-node's {@code zodResponseFormat} writes
     * zod's {@code .nullable()} this way, and Vertex reads schemas as OpenAPI, so null must be possible. With
     * {@code enum} the keyword is left alone: OpenAPI 3.0.3 admits null there only when the enum lists it.
     */
    private String nullable(ObjectNode schema, String path, String hint) {
        ObjectNode rest = schema.deepCopy();
        rest.remove("nullable");
        String value = visit(rest, path, hint);
        String nullRule = rules.shared(JsonRules.NULL);
        return value == null ? nullRule : group(value) + " | " + nullRule;
    }

    // ---- $ref and allOf ----------------------------------------------------------------------------------------

    private String reference(JsonNode schema, String path, String hint) {
        SchemaDocument.Target target = document.resolve(schema.get("$ref"), path);
        ObjectNode siblings = ((ObjectNode) schema).deepCopy();
        siblings.remove("$ref");
        enter(target.pointer(), path);
        try {
            if (!SchemaKeywords.constrains(siblings)) {
                return refRule(target);
            }
            // A $ref with sibling keywords means both (2019-09 and later); under draft-07 the siblings are
            // ignored, so enforcing them as well only narrows the output.
            return visit(merge(siblings.set("allOf", JSON.createArrayNode().add(target.schema())), "$ref", path),
                    path, hint);
        } finally {
            active.removeLast();
        }
    }

    private String refRule(SchemaDocument.Target target) {
        String existing = refRules.get(target.pointer());
        if (existing != null) {
            return existing;
        }
        String pointer = target.pointer();
        String hint = pointer.isEmpty() ? "root" : pointer.substring(pointer.lastIndexOf('/') + 1);
        String expression = visit(target.schema(), pointer, hint);
        if (expression == null) {
            return null;
        }
        String name = asRule(expression, hint);
        refRules.put(pointer, name);
        return name;
    }

    private void enter(String pointer, String path) {
        if (active.contains(pointer)) {
            throw new UnsupportedSchemaException("$ref", path, "recursive reference to #" + pointer
                    + "; Garden only enforces schemas without recursion");
        }
        active.addLast(pointer);
    }

    /**
     * {@code schema} with its allOf entries (and their $refs and allOfs, recursively) merged into one schema.
     */
    private JsonNode merge(JsonNode schema, String keyword, String path) {
        List<JsonNode> parts = new ArrayList<>();
        flatten(schema, parts, path);
        return SchemaMerger.merge(parts, keyword, path);
    }

    /** Collects the conjuncts of a schema: itself less $ref and allOf, its $ref's target's, its allOf entries'. */
    private void flatten(JsonNode schema, List<JsonNode> parts, String path) {
        spend(path);
        if (!schema.isObject()) {
            parts.add(schema);
            return;
        }
        SchemaKeywords.check(schema, path);
        ObjectNode rest = ((ObjectNode) schema).deepCopy();
        rest.remove("allOf");
        rest.remove("$ref");
        parts.add(rest);
        if (schema.has("$ref")) {
            SchemaDocument.Target target = document.resolve(schema.get("$ref"), path);
            // Entered only while descending: two references to one target side by side are not recursion.
            enter(target.pointer(), path);
            try {
                flatten(target.schema(), parts, target.pointer());
            } finally {
                active.removeLast();
            }
        }
        JsonNode allOf = schema.get("allOf");
        if (allOf != null) {
            if (!allOf.isArray() || allOf.isEmpty()) {
                throw new UnsupportedSchemaException("allOf", path, "allOf must be a non-empty array");
            }
            for (int i = 0; i < allOf.size(); i++) {
                flatten(allOf.get(i), parts, SchemaDocument.child(path, "allOf", i));
            }
        }
    }

    // ---- anyOf / oneOf -----------------------------------------------------------------------------------------

    private String alternatives(JsonNode schema, String path, String hint) {
        if (schema.has("anyOf") && schema.has("oneOf")) {
            throw new UnsupportedSchemaException("oneOf", path, "anyOf and oneOf in one schema cannot be combined");
        }
        String keyword = schema.has("anyOf") ? "anyOf" : "oneOf";
        JsonNode options = schema.get(keyword);
        if (!options.isArray() || options.isEmpty()) {
            throw new UnsupportedSchemaException(keyword, path, keyword + " must be a non-empty array");
        }
        if (keyword.equals("oneOf")) {
            checkDisjoint(options, path);
        }
        ObjectNode siblings = ((ObjectNode) schema).deepCopy();
        siblings.remove(keyword);
        boolean constrained = SchemaKeywords.constrains(siblings);
        List<String> expressions = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            JsonNode option = options.get(i);
            String optionPath = SchemaDocument.child(path, keyword, i);
            if (constrained) {
                // Keywords beside anyOf apply to every alternative: each becomes alternative AND siblings.
                ObjectNode both = siblings.deepCopy();
                both.set("allOf", JSON.createArrayNode().add(option));
                option = merge(both, keyword, optionPath);
            }
            String expression = visit(option, optionPath, hint + "-" + i);
            if (expression != null && !expressions.contains(expression)) {
                expressions.add(expression);
            }
        }
        if (expressions.isEmpty()) {
            return null;
        }
        return String.join(" | ", expressions.stream().map(SchemaCompiler::group).toList());
    }

    /**
     * oneOf is enforced as anyOf, which is only right when no instance can match two alternatives: otherwise
     * the model could write one that matches both, which oneOf rejects.
     */
    private void checkDisjoint(JsonNode options, String path) {
        for (int i = 0; i < options.size(); i++) {
            for (int j = i + 1; j < options.size(); j++) {
                if (!disjointness.disjoint(options.get(i), options.get(j))) {
                    throw new UnsupportedSchemaException("oneOf", path, "alternatives " + i + " and " + j
                            + " may both match one value, which oneOf forbids; use anyOf, or tell them apart"
                            + " by type, const/enum, or a required property with different const values");
                }
            }
        }
    }

    // ---- enum / const ------------------------------------------------------------------------------------------

    private String values(JsonNode schema, String path) {
        for (Map.Entry<String, JsonNode> field : schema.properties()) {
            String keyword = field.getKey();
            if (!SchemaKeywords.ignored(keyword) && !Set.of("enum", "const", "type").contains(keyword)) {
                throw new UnsupportedSchemaException(keyword, path, "\"" + keyword + "\" beside "
                        + (schema.has("enum") ? "enum" : "const") + " is not supported; list only valid values");
            }
        }
        List<JsonNode> candidates = new ArrayList<>();
        if (schema.has("enum")) {
            JsonNode list = schema.get("enum");
            if (!list.isArray()) {
                throw new UnsupportedSchemaException("enum", path, "enum must be an array");
            }
            if (list.size() > SchemaLimits.MAX_ENUM) {
                throw new UnsupportedSchemaException("enum", path, "more than " + SchemaLimits.MAX_ENUM + " values");
            }
            list.forEach(candidates::add);
        }
        if (schema.has("const")) {
            JsonNode constant = schema.get("const");
            if (!schema.has("enum")) {
                candidates.add(constant);
            } else {
                candidates.removeIf(v -> !SchemaMerger.sameValue(v, constant));
            }
        }
        Set<String> types = schema.has("type") ? declaredTypes(schema, path) : ALL_TYPES;
        Set<String> alternatives = new LinkedHashSet<>();
        for (JsonNode value : candidates) {
            String type = Disjointness.typeOf(value);
            if (types.contains(type) || (type.equals("integer") && types.contains("number"))) {
                alternatives.add(Gbnf.literal(text(value)));
            }
        }
        return alternatives.isEmpty() ? null : String.join(" | ", alternatives);
    }

    /** A value as compact JSON: the one spelling of it the grammar admits. */
    private static String text(JsonNode value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- types ---------------------------------------------------------------------------------------------------

    private String typed(JsonNode schema, String path, String hint) {
        Set<String> types = schema.has("type") ? declaredTypes(schema, path) : inferredTypes(schema);
        if (types.contains("number")) {
            types.remove("integer");
        }
        if (!schema.has("type") && !hasTypeKeywords(schema)) {
            return rules.shared(JsonRules.VALUE);
        }
        List<String> alternatives = new ArrayList<>();
        for (String type : types) {
            String expression = switch (type) {
                case "object" -> objects.object(schema, path, hint);
                case "array" -> arrays.array(schema, path, hint);
                case "string" -> scalars.string(schema, path, hint);
                case "number" -> scalars.number(schema, path, false);
                case "integer" -> scalars.number(schema, path, true);
                case "boolean" -> rules.shared(JsonRules.BOOLEAN);
                case "null" -> rules.shared(JsonRules.NULL);
                default -> throw new IllegalStateException(type);
            };
            if (expression != null) {
                alternatives.add(types.size() == 1 ? expression : group(expression));
            }
        }
        return alternatives.isEmpty() ? null : String.join(" | ", alternatives);
    }

    private static Set<String> declaredTypes(JsonNode schema, String path) {
        JsonNode type = schema.get("type");
        Set<String> types = new LinkedHashSet<>();
        if (type.isTextual()) {
            types.add(type.asText());
        } else if (type.isArray() && !type.isEmpty()) {
            type.forEach(t -> types.add(t.asText()));
        } else {
            throw new UnsupportedSchemaException("type", path, "type must be a string or a non-empty array");
        }
        for (String t : types) {
            if (!ALL_TYPES.contains(t)) {
                throw new UnsupportedSchemaException("type", path, "unknown type \"" + t + "\"");
            }
        }
        return types;
    }

    /**
     * Without {@code type}, any type is valid and type-specific keywords only bind their own type. The grammar
     * narrows to the types those keywords name (a subset of what is valid), or all types when there are none.
     */
    private static Set<String> inferredTypes(JsonNode schema) {
        Set<String> types = new LinkedHashSet<>();
        schema.fieldNames().forEachRemaining(k -> {
            String type = SchemaKeywords.TYPE_OF_KEYWORD.get(k);
            if (type != null) {
                types.add(type);
            }
        });
        return types.isEmpty() ? new LinkedHashSet<>(ALL_TYPES) : types;
    }

    private static boolean hasTypeKeywords(JsonNode schema) {
        for (String keyword : SchemaKeywords.TYPE_OF_KEYWORD.keySet()) {
            if (schema.has(keyword)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Parenthesizes an expression unless it is one symbol (a rule name, a terminal without spaces, a character
     * class), so it can be sequenced or quantified.
     */
    static String group(String expression) {
        boolean single = expression.matches("[a-z0-9-]+|\\[[^\\]\\s]*]")
                || (expression.matches("\"[^\\s]*\"") && !expression.substring(1, expression.length() - 1)
                .replace("\\\\", "").replace("\\\"", "").contains("\""));
        return single ? expression : "( " + expression + " )";
    }
}
