package dev.garden.grammar;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Builds one grammar from JSON Schema rules and hand-written rules, for output that wraps JSON in fixed text. The
 * tool-calling code, for instance, embeds a function's {@code parameters} schema in a tool-call template:
 * <pre>{@code
 * GrammarBuilder builder = GrammarBuilder.create();
 * String args = builder.schemaRule("get-weather-args", parametersSchema);
 * builder.rule("root", Gbnf.literal("<tool_call>\n{\"name\": \"get_weather\", \"arguments\": ") + " " + args
 *         + " " + Gbnf.literal("}\n</tool_call>"));
 * Grammar grammar = builder.build("root");
 * }</pre>
 * Each schema keeps its own {@code $defs}; rules that come out identical are shared, and names are made unique
 * (which is why the methods return the name actually used). Not thread-safe: build a grammar on one thread.
 */
public final class GrammarBuilder {
    private final RuleSet rules = new RuleSet();

    private GrammarBuilder() {
    }

    /** An empty builder. */
    public static GrammarBuilder create() {
        return new GrammarBuilder();
    }

    /**
     * Adds the rules for a JSON Schema and returns the name of the rule that matches one JSON value valid against
     * it (no whitespace before or after; the caller's text decides that).
     *
     * @param name   the rule name wanted; made a valid GBNF name and unique
     * @param schema the schema document; its {@code $ref}s resolve within it
     * @throws UnsupportedSchemaException when the schema cannot be enforced
     */
    public String schemaRule(String name, JsonNode schema) {
        return new SchemaCompiler(schema, rules).compileRoot(name);
    }

    /**
     * Like {@link #schemaRule(String, JsonNode)}, with the schema as JSON text.
     *
     * @throws UnsupportedSchemaException when the text is not JSON or the schema cannot be enforced
     */
    public String schemaRule(String name, String schemaJson) {
        return schemaRule(name, JsonSchemaGrammars.parse(schemaJson));
    }

    /**
     * Adds a hand-written rule, e.g. {@code Gbnf.literal("<tool_call>\n") + " " + args}. It may use the rules
     * {@link #schemaRule} returned and {@link #whitespace()}.
     *
     * @param name the rule name wanted (letters, digits and dashes); a number is added if it is taken
     * @return the name used
     */
    public String rule(String name, String body) {
        String wanted = RuleSet.sanitize(name);
        String used = rules.reserve(wanted);
        rules.addExact(used, body);
        return used;
    }

    /**
     * The name of the rule for the whitespace allowed between JSON tokens (nothing, a space, or a newline and up to
     * 32 spaces or tabs), for templates that allow the same.
     */
    public String whitespace() {
        return rules.shared(JsonRules.WS);
    }

    /**
     * The grammar, starting at {@code root}.
     *
     * @throws IllegalArgumentException when no rule has that name
     */
    public Grammar build(String root) {
        return new Grammar(rules.render(root), root);
    }
}
