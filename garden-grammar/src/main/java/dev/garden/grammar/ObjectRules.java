package dev.garden.grammar;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Object grammars. Declared properties come in the order the schema lists them (models follow a declared order
 * best, and strict schemas require them all anyway); one that is not required may be left out. Extra members, when
 * {@code additionalProperties} allows them ({@code true}, absent, or a schema), follow the declared ones, under any
 * name but the declared ones: a duplicate key would let a reader keep the extra value instead of the declared one.
 */
final class ObjectRules {
    private enum Presence { REQUIRED, OPTIONAL, REPEATED }

    private record Member(String expression, Presence presence) {
    }

    private final SchemaCompiler compiler;
    private final RuleSet rules;

    ObjectRules(SchemaCompiler compiler, RuleSet rules) {
        this.compiler = compiler;
        this.rules = rules;
    }

    String object(JsonNode schema, String path, String hint) {
        JsonNode properties = schema.path("properties");
        if (!properties.isMissingNode() && !properties.isObject()) {
            throw new UnsupportedSchemaException("properties", path, "properties must be an object");
        }
        Set<String> required = new LinkedHashSet<>();
        JsonNode requiredNode = schema.path("required");
        if (!requiredNode.isMissingNode() && !requiredNode.isArray()) {
            throw new UnsupportedSchemaException("required", path, "required must be an array of names");
        }
        requiredNode.forEach(name -> required.add(name.asText()));
        JsonNode additional = schema.get("additionalProperties");
        boolean extrasAllowed = additional == null || !(additional.isBoolean() && !additional.asBoolean());

        Map<String, JsonNode> declared = new LinkedHashMap<>();
        properties.properties().forEach(e -> declared.put(e.getKey(), e.getValue()));
        // A required name without a declared schema is still required; additionalProperties judges its value.
        for (String name : required) {
            if (!declared.containsKey(name)) {
                if (!extrasAllowed) {
                    throw UnsupportedSchemaException.general(path, "requires \"" + name + "\", which"
                            + " additionalProperties: false forbids; no object can satisfy it");
                }
                declared.put(name, additional == null ? com.fasterxml.jackson.databind.node.BooleanNode.TRUE
                        : additional);
            }
        }

        List<Member> members = new ArrayList<>();
        int optional = 0;
        for (Map.Entry<String, JsonNode> property : declared.entrySet()) {
            String name = property.getKey();
            boolean isRequired = required.contains(name);
            String propertyPath = properties.has(name) ? SchemaDocument.child(SchemaDocument.child(path, "properties"),
                    name) : SchemaDocument.child(path, "additionalProperties");
            String value = compiler.visitAsRule(property.getValue(), propertyPath, hint + "-" + name);
            if (value == null) {
                if (isRequired) {
                    throw UnsupportedSchemaException.general(propertyPath, "accepts no JSON value, but \"" + name
                            + "\" is required");
                }
                continue; // a property no value satisfies can only be left out
            }
            members.add(new Member(Gbnf.jsonStringLiteral(name) + " " + JsonRules.WS + " \":\" " + JsonRules.WS
                    + " " + value, isRequired ? Presence.REQUIRED : Presence.OPTIONAL));
            if (!isRequired) {
                optional++;
            }
        }

        int requiredCount = members.size() - optional;
        extrasAllowed &= checkCounts(schema, path, requiredCount, members.size());
        if (extrasAllowed) {
            String value = additional == null || additional.isBoolean() ? rules.shared(JsonRules.VALUE)
                    : compiler.visitAsRule(additional, SchemaDocument.child(path, "additionalProperties"),
                    hint + "-additional");
            if (value != null) {
                String key = declared.isEmpty() ? rules.shared(JsonRules.STRING)
                        : rules.add(hint + "-additional-key", otherKey(declared.keySet()));
                members.add(new Member(key + " " + JsonRules.WS + " \":\" " + JsonRules.WS + " " + value,
                        Presence.REPEATED));
            }
        }
        rules.shared(JsonRules.WS);
        return body(members, hint);
    }

    /**
     * Applies minProperties/maxProperties where they follow from what is declared; returns whether extra
     * members may stay (a maxProperties that the declared members already fill rules them out).
     */
    private static boolean checkCounts(JsonNode schema, String path, int requiredCount, int declaredCount) {
        JsonNode min = schema.get("minProperties");
        if (min != null && (!min.canConvertToInt() || min.asInt() > requiredCount)) {
            throw new UnsupportedSchemaException("minProperties", path, "only a minProperties the required"
                    + " properties already satisfy (here " + requiredCount + ") can be enforced");
        }
        JsonNode max = schema.get("maxProperties");
        if (max == null) {
            return true;
        }
        if (!max.canConvertToInt() || max.asInt() < declaredCount) {
            throw new UnsupportedSchemaException("maxProperties", path, "only a maxProperties of at least the"
                    + " number of declared properties (here " + declaredCount + ") can be enforced");
        }
        return false;
    }

    /**
     * The members in order: "{" ws then the first member present, then ws "," ws before each later one. With
     * optional members before the first required one, any of them may come first; the tails after each are
     * shared rules so the grammar stays linear in the number of properties.
     */
    private String body(List<Member> members, String hint) {
        if (members.isEmpty()) {
            return "\"{\" " + JsonRules.WS + " \"}\"";
        }
        List<Integer> firsts = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            firsts.add(i);
            if (members.get(i).presence() == Presence.REQUIRED) {
                break;
            }
        }
        boolean canBeEmpty = members.get(firsts.getLast()).presence() != Presence.REQUIRED;
        List<String> alternatives = new ArrayList<>();
        for (int first : firsts) {
            Member head = members.get(first);
            String text = head.expression();
            if (head.presence() == Presence.REPEATED) {
                text = text + " ( " + JsonRules.COMMA + " " + head.expression() + " )*";
            }
            String tail = firsts.size() == 1 ? tail(members, first + 1) : tailRule(members, first + 1, hint);
            alternatives.add(tail.isEmpty() ? text : text + " " + tail);
        }
        String content = alternatives.size() == 1 ? alternatives.getFirst() : "( " + String.join(" | ", alternatives)
                + " )";
        return canBeEmpty
                ? "\"{\" " + JsonRules.WS + " ( " + content + " " + JsonRules.WS + " )? \"}\""
                : "\"{\" " + JsonRules.WS + " " + content + " " + JsonRules.WS + " \"}\"";
    }

    /** The members from {@code from} on, each preceded by its comma. */
    private static String tail(List<Member> members, int from) {
        List<String> parts = new ArrayList<>();
        for (int i = from; i < members.size(); i++) {
            Member member = members.get(i);
            String item = JsonRules.COMMA + " " + member.expression();
            parts.add(switch (member.presence()) {
                case REQUIRED -> item;
                case OPTIONAL -> "( " + item + " )?";
                case REPEATED -> "( " + item + " )*";
            });
        }
        return String.join(" ", parts);
    }

    /** Like {@link #tail}, as a chain of rules (each member, then the rule for the rest), linear in size. */
    private String tailRule(List<Member> members, int from, String hint) {
        if (from >= members.size()) {
            return "";
        }
        String rest = tailRule(members, from + 1, hint);
        String item = tail(members.subList(0, from + 1), from);
        return rules.add(hint + "-tail-" + from, rest.isEmpty() ? item : item + " " + rest);
    }

    /**
     * A JSON string that is none of {@code names}: a trie over the names' JSON-encoded characters, where at each
     * point the key may leave the trie with any other unescaped character (then continue freely) or end, unless a
     * name ends there. Escapes are not allowed before the key has left the trie, so no escape can spell a name.
     */
    private String otherKey(Set<String> names) {
        Trie root = new Trie();
        for (String name : names) {
            Trie node = root;
            for (int c : name.codePoints().toArray()) {
                node = node.children.computeIfAbsent(c, k -> new Trie());
            }
            node.terminal = true;
        }
        rules.shared(JsonRules.CHAR);
        return "\"\\\"\" " + SchemaCompiler.group(trie(root));
    }

    private static final class Trie {
        final Map<Integer, Trie> children = new java.util.TreeMap<>();
        boolean terminal;
    }

    private String trie(Trie node) {
        List<String> alternatives = new ArrayList<>();
        CharSet leave = CharSet.ALL.minus(CharSet.JSON_MUST_ESCAPE);
        for (Map.Entry<Integer, Trie> child : node.children.entrySet()) {
            alternatives.add(JsonRules.encodedText(Character.toString(child.getKey())) + " "
                    + SchemaCompiler.group(trie(child.getValue())));
            leave = leave.minus(CharSet.single(child.getKey()));
        }
        if (!leave.isEmpty()) {
            alternatives.add(leave.toGbnfClass() + " " + JsonRules.CHAR + "* \"\\\"\"");
        }
        if (!node.terminal) {
            alternatives.add("\"\\\"\"");
        }
        return String.join(" | ", alternatives);
    }
}
