package dev.garden.grammar;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rules of one grammar under construction. Names are unique; a body added twice gets the first name back, so
 * schemas that repeat a shape (two string properties with the same pattern) share a rule. The shared JSON rules
 * ({@link JsonRules}) are added on first use, under names no schema rule can take.
 */
final class RuleSet {
    /** Refuse grammars beyond this size: a schema this big is a mistake or an attack, and llama.cpp would crawl. */
    static final int MAX_GRAMMAR_CHARS = 1 << 20;

    private final Map<String, String> bodies = new TreeMap<>();
    private final Map<String, String> namesByBody = new HashMap<>();
    private int totalChars;

    RuleSet() {
        for (String name : JsonRules.NAMES) {
            bodies.put(name, null);
        }
    }

    /**
     * Adds a rule and returns its name: {@code hint} made a valid GBNF name, with a number added if taken, or the
     * name of an earlier rule with the same body.
     */
    String add(String hint, String body) {
        String existing = namesByBody.get(body);
        if (existing != null) {
            return existing;
        }
        String name = unique(sanitize(hint));
        put(name, body);
        namesByBody.put(body, name);
        return name;
    }

    /** Adds a rule under exactly this name; the caller guarantees it is valid and not taken. */
    void addExact(String name, String body) {
        if (bodies.get(name) != null) {
            throw new IllegalArgumentException("rule " + name + " is already defined");
        }
        put(name, body);
    }

    /**
     * {@code atom} repeated {@code min} to {@code max} times (max below 0: unbounded), written so llama.cpp's parser
     * accepts it. That parser expands {@code x{m,n}} into about n rules, times the rules a parenthesized x creates
     * itself, and refuses more than 2000 ({@code MAX_REPETITION_THRESHOLD} in llama-grammar.cpp). So a
     * parenthesized atom becomes a rule of its own first, and counts above {@value #DIRECT_REPEAT} are written
     * in chunks of {@value #CHUNK}: {@code chunk{0,q-1} x{0,100} | chunk{q} x{0,r}} for up to 100q + r.
     */
    String repeat(String atom, int min, int max, String hint) {
        if (max == 0 || (min == 1 && max == 1)) {
            return max == 0 ? "" : atom;
        }
        // x*, x+ and x? create one rule whatever x holds; only counted repetitions multiply x's rules.
        boolean counted = max > 1 || min > 1;
        String symbol = counted && atom.startsWith("(") ? add(hint, atom.substring(1, atom.length() - 1).strip())
                : atom;
        if (min <= DIRECT_REPEAT && max <= DIRECT_REPEAT) {
            return Gbnf.repeat(symbol, min, max);
        }
        String chunk = add(hint + "-chunk", Gbnf.repeat(symbol, CHUNK, CHUNK));
        String required = join(Gbnf.repeat(chunk, min / CHUNK, min / CHUNK), Gbnf.repeat(symbol, min % CHUNK,
                min % CHUNK));
        if (max < 0) {
            return join(required, symbol + "*");
        }
        int optional = max - min;
        int chunks = optional / CHUNK;
        int rest = optional % CHUNK;
        String more;
        if (chunks == 0) {
            more = Gbnf.repeat(symbol, 0, rest);
        } else {
            // Up to (chunks - 1) chunks and then up to a whole chunk reach every count to chunks * CHUNK; the
            // second alternative adds the counts beyond it.
            String upToLast = join(Gbnf.repeat(chunk, 0, chunks - 1), Gbnf.repeat(symbol, 0, CHUNK));
            more = rest == 0 ? upToLast
                    : "( " + upToLast + " | " + join(Gbnf.repeat(chunk, chunks, chunks), Gbnf.repeat(symbol, 0, rest))
                    + " )";
        }
        return join(required, more);
    }

    static final int DIRECT_REPEAT = 1000;
    static final int CHUNK = 100;

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + " " + b;
    }

    /** Makes sure a shared JSON rule (and the rules it uses) is present; returns its name. */
    String shared(String name) {
        if (bodies.get(name) == null) {
            put(name, JsonRules.body(name));
            for (String dependency : JsonRules.dependencies(name)) {
                shared(dependency);
            }
        }
        return name;
    }

    boolean defines(String name) {
        return bodies.get(name) != null;
    }

    /** Reserves a fresh name for a rule the caller defines later with {@link #addExact}. */
    String reserve(String hint) {
        String name = unique(sanitize(hint));
        bodies.put(name, null);
        return name;
    }

    private void put(String name, String body) {
        totalChars += name.length() + body.length() + 6;
        if (totalChars > MAX_GRAMMAR_CHARS) {
            throw UnsupportedSchemaException.tooLarge(MAX_GRAMMAR_CHARS);
        }
        bodies.put(name, body);
    }

    private String unique(String base) {
        String name = base;
        for (int i = 2; bodies.containsKey(name); i++) {
            name = base + "-" + i;
        }
        return name;
    }

    /**
     * A GBNF rule name from free text: camelCase split with dashes, lower case, anything else a dash. GBNF names
     * are letters, digits and dashes.
     */
    static String sanitize(String hint) {
        String dashed = hint.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return dashed.isEmpty() ? "rule" : dashed;
    }

    /** The grammar text: the root rule first, then the rest by name. */
    String render(String root) {
        StringBuilder out = new StringBuilder();
        String rootBody = bodies.get(root);
        if (rootBody == null) {
            throw new IllegalArgumentException("no rule named " + root);
        }
        out.append(root).append(" ::= ").append(rootBody).append('\n');
        bodies.forEach((name, body) -> {
            if (body != null && !name.equals(root)) {
                out.append(name).append(" ::= ").append(body).append('\n');
            }
        });
        return out.toString();
    }
}
