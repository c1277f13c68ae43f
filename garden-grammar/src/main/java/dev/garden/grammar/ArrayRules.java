package dev.garden.grammar;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Array grammars: {@code items} for every element, or a tuple ({@code prefixItems}, or draft-07's array form of
 * {@code items}) followed by {@code items}/{@code additionalItems} for the rest, within {@code minItems} and
 * {@code maxItems}. {@code uniqueItems: true} is refused (a grammar cannot compare elements) unless
 * {@code maxItems} is at most 1.
 */
final class ArrayRules {
    private final SchemaCompiler compiler;
    private final RuleSet rules;

    ArrayRules(SchemaCompiler compiler, RuleSet rules) {
        this.compiler = compiler;
        this.rules = rules;
    }

    String array(JsonNode schema, String path, String hint) {
        int min = count(schema, "minItems", path, 0);
        int max = count(schema, "maxItems", path, -1);
        JsonNode unique = schema.get("uniqueItems");
        if (unique != null && unique.asBoolean(false) && (max < 0 || max > 1)) {
            throw new UnsupportedSchemaException("uniqueItems", path, "a grammar cannot keep array elements"
                    + " distinct; leave uniqueItems out or check duplicates after generation");
        }

        JsonNode items = schema.get("items");
        JsonNode prefix;
        String prefixKeyword;
        JsonNode rest;
        String restKeyword;
        if (schema.has("prefixItems")) {
            prefix = schema.get("prefixItems");
            prefixKeyword = "prefixItems";
            rest = items;
            restKeyword = "items";
        } else if (items != null && items.isArray()) {
            prefix = items;
            prefixKeyword = "items";
            rest = schema.get("additionalItems");
            restKeyword = "additionalItems";
        } else {
            prefix = null;
            prefixKeyword = null;
            rest = items;
            restKeyword = "items";
        }
        if (prefix != null && !prefix.isArray()) {
            throw new UnsupportedSchemaException(prefixKeyword, path, prefixKeyword + " must be an array");
        }

        List<String> elements = new ArrayList<>();
        if (prefix != null) {
            for (int i = 0; i < prefix.size(); i++) {
                String element = compiler.visitAsRule(prefix.get(i), SchemaDocument.child(path, prefixKeyword, i),
                        hint + "-" + i);
                if (element == null) {
                    break; // no value fits position i, so the array ends before it
                }
                elements.add(element);
            }
        }
        boolean prefixCut = prefix != null && elements.size() < prefix.size();
        String restElement = prefixCut ? null : rest == null ? rules.shared(JsonRules.VALUE)
                : compiler.visitAsRule(rest, SchemaDocument.child(path, restKeyword), hint + "-item");
        int longest = restElement == null ? elements.size() : -1;
        if (max >= 0 && (longest < 0 || max < longest)) {
            longest = max;
        }
        if (longest >= 0 && min > longest) {
            throw UnsupportedSchemaException.general(path, "needs at least " + min + " items, but its item schemas"
                    + " allow at most " + longest);
        }
        rules.shared(JsonRules.WS);
        if (longest == 0) {
            return "\"[\" " + JsonRules.WS + " \"]\"";
        }
        String content = sequence(elements, restElement, 0, min, longest, hint);
        return min == 0
                ? "\"[\" " + JsonRules.WS + " ( " + content + " " + JsonRules.WS + " )? \"]\""
                : "\"[\" " + JsonRules.WS + " " + content + " " + JsonRules.WS + " \"]\"";
    }

    /**
     * The elements from index {@code i} on, at least one of them (the caller makes the whole optional), with
     * {@code i} elements already written; {@code max} below 0 is unbounded.
     */
    private String sequence(List<String> prefix, String rest, int i, int min, int max, String hint) {
        String comma = i == 0 ? "" : JsonRules.COMMA + " ";
        if (i >= prefix.size()) {
            // Only rest elements from here: the first, then up to max - i - 1 more.
            int moreMin = Math.max(0, min - i - 1);
            int moreMax = max < 0 ? -1 : max - i - 1;
            String more = rules.repeat("( " + JsonRules.COMMA + " " + rest + " )", moreMin, moreMax, hint + "-more");
            return comma + rest + (more.isEmpty() ? "" : " " + more);
        }
        String here = comma + prefix.get(i);
        if (max >= 0 && i + 1 >= max || (i + 1 >= prefix.size() && rest == null)) {
            return here;
        }
        String next = sequence(prefix, rest, i + 1, min, max, hint);
        return i + 1 >= min ? here + " ( " + next + " )?" : here + " " + next;
    }

    private static int count(JsonNode schema, String keyword, String path, int absent) {
        JsonNode value = schema.get(keyword);
        if (value == null) {
            return absent;
        }
        if (!value.canConvertToInt() || value.asInt() < 0 || !Disjointness.isIntegral(value)) {
            throw new UnsupportedSchemaException(keyword, path, keyword + " must be a non-negative integer");
        }
        if (value.asInt() > SchemaLimits.MAX_REPEAT) {
            throw new UnsupportedSchemaException(keyword, path, "counts above " + SchemaLimits.MAX_REPEAT
                    + " are not supported");
        }
        return value.asInt();
    }
}
