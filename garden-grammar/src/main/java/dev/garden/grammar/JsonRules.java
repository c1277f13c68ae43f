package dev.garden.grammar;

import java.util.List;
import java.util.Map;

/**
 * The JSON rules every schema grammar shares: whitespace, strings, numbers, and any value.
 *
 * <p>Whitespace is bounded: between two JSON tokens the model may write nothing, one space, or one newline followed
 * by at most {@value #MAX_INDENT} spaces or tabs. That admits compact JSON, {@code ", "}/{@code ": "} spacing and
 * pretty-printing up to 16 levels of two-space indentation, while a small model that starts emitting whitespace
 * cannot do so forever: after each token the grammar forces real JSON again.
 *
 * <p>Strings follow RFC 8259: no raw control characters, the short escapes, and {@code \\u} escapes. A {@code \\u}
 * escape may not name a UTF-16 surrogate, so each escape is exactly one code point, which keeps {@code minLength}
 * and {@code maxLength} exact (characters beyond U+FFFF are written raw instead). Numbers have at most 16 integer
 * digits, 16 fraction digits and a two-digit exponent, so that no reader turns them into infinity.
 */
final class JsonRules {
    static final int MAX_INDENT = 32;
    static final int MAX_INTEGER_DIGITS = 16;

    static final String WS = "ws";
    static final String CHAR = "json-char";
    static final String HEX4 = "json-hex4";
    static final String STRING = "json-string";
    static final String NUMBER = "json-number";
    static final String INTEGER = "json-integer";
    static final String BOOLEAN = "json-boolean";
    static final String NULL = "json-null";
    static final String VALUE = "json-value";
    static final String OBJECT = "json-object";
    static final String MEMBER = "json-member";
    static final String ARRAY = "json-array";

    static final List<String> NAMES = List.of(WS, CHAR, HEX4, STRING, NUMBER, INTEGER, BOOLEAN, NULL, VALUE, OBJECT,
            MEMBER, ARRAY);

    /** Separates two elements or members, whitespace on both sides. */
    static final String COMMA = WS + " \",\" " + WS;

    private static final Map<String, String> BODIES = Map.ofEntries(
            Map.entry(WS, "( \" \" | \"\\n\" [ \\t]{0," + MAX_INDENT + "} )?"),
            Map.entry(CHAR, "[^\\x22\\x5C\\x00-\\x1F] | \"\\\\\" ( [\\x22\\x5C/bfnrt] | \"u\" " + HEX4 + " )"),
            Map.entry(HEX4, "[0-9a-cA-C] [0-9a-fA-F]{3} | [dD] [0-7] [0-9a-fA-F]{2} | [eEfF] [0-9a-fA-F]{3}"),
            Map.entry(STRING, "\"\\\"\" " + CHAR + "* \"\\\"\""),
            Map.entry(NUMBER, "\"-\"? ( \"0\" | [1-9] [0-9]{0," + (MAX_INTEGER_DIGITS - 1) + "} )"
                    + " ( \".\" [0-9]{1,16} )? ( [eE] [-+]? [0-9]{1,2} )?"),
            Map.entry(INTEGER, "\"0\" | \"-\"? [1-9] [0-9]{0," + (MAX_INTEGER_DIGITS - 1) + "}"),
            Map.entry(BOOLEAN, "\"true\" | \"false\""),
            Map.entry(NULL, "\"null\""),
            Map.entry(VALUE, OBJECT + " | " + ARRAY + " | " + STRING + " | " + NUMBER + " | " + BOOLEAN + " | " + NULL),
            Map.entry(OBJECT, "\"{\" " + WS + " ( " + MEMBER + " ( " + COMMA + " " + MEMBER + " )* " + WS + " )? \"}\""),
            Map.entry(MEMBER, STRING + " " + WS + " \":\" " + WS + " " + VALUE),
            Map.entry(ARRAY, "\"[\" " + WS + " ( " + VALUE + " ( " + COMMA + " " + VALUE + " )* " + WS + " )? \"]\""));

    private static final Map<String, List<String>> DEPENDENCIES = Map.ofEntries(
            Map.entry(WS, List.of()),
            Map.entry(CHAR, List.of(HEX4)),
            Map.entry(HEX4, List.of()),
            Map.entry(STRING, List.of(CHAR)),
            Map.entry(NUMBER, List.of()),
            Map.entry(INTEGER, List.of()),
            Map.entry(BOOLEAN, List.of()),
            Map.entry(NULL, List.of()),
            Map.entry(VALUE, List.of(OBJECT, ARRAY, STRING, NUMBER, BOOLEAN, NULL)),
            Map.entry(OBJECT, List.of(WS, MEMBER)),
            Map.entry(MEMBER, List.of(STRING, WS, VALUE)),
            Map.entry(ARRAY, List.of(WS, VALUE)));

    private JsonRules() {
    }

    static String body(String name) {
        return BODIES.get(name);
    }

    static List<String> dependencies(String name) {
        return DEPENDENCIES.get(name);
    }

    /**
     * One JSON-encoded character of a set, as a GBNF expression: the members JSON writes as themselves, then the
     * ones it must escape ({@code "}, {@code \}, control characters) in their escaped forms. Control characters
     * are admitted as {@code \\u00XX} and, for tab, newline and carriage return, as their short escapes too.
     *
     * @return the expression, or null when the set is empty
     */
    static String encodedChar(CharSet set) {
        StringBuilder out = new StringBuilder();
        CharSet raw = set.minus(CharSet.JSON_MUST_ESCAPE);
        if (!raw.isEmpty()) {
            int single = raw.singleMember();
            out.append(single >= 0 ? Gbnf.literal(Character.toString(single)) : raw.toGbnfClass());
        }
        for (int c : new int[]{'"', '\\', '\n', '\r', '\t'}) {
            if (set.contains(c)) {
                alternative(out, Gbnf.literal(Gbnf.jsonEscape(c)));
            }
        }
        CharSet controls = set.intersect(CharSet.range(0, 0x1F));
        if (!controls.isEmpty()) {
            List<String> halves = new java.util.ArrayList<>();
            for (int high = 0; high <= 1; high++) {
                CharSet part = controls.intersect(CharSet.range(high * 16, high * 16 + 15));
                if (!part.isEmpty()) {
                    halves.add("\"" + high + "\" " + lowHexDigits(part, high * 16));
                }
            }
            alternative(out, "\"\\\\u00\" ( " + String.join(" | ", halves) + " )");
        }
        return out.isEmpty() ? null : out.toString();
    }

    /** The last hex digit of the members {@code base..base+15}, both cases. */
    private static String lowHexDigits(CharSet part, int base) {
        CharSet digits = CharSet.EMPTY;
        for (int v = 0; v < 16; v++) {
            if (part.contains(base + v)) {
                digits = digits.union(v < 10 ? CharSet.single('0' + v)
                        : CharSet.of(CharSet.single('a' + v - 10), CharSet.single('A' + v - 10)));
            }
        }
        return digits.toGbnfClass();
    }

    private static void alternative(StringBuilder out, String expression) {
        if (!out.isEmpty()) {
            out.append(" | ");
        }
        out.append(expression);
    }

    /** The JSON-encoded text of a decoded string, as one GBNF terminal (or nothing for the empty string). */
    static String encodedText(String decoded) {
        if (decoded.isEmpty()) {
            return "";
        }
        StringBuilder json = new StringBuilder();
        decoded.codePoints().forEach(c -> json.append(Gbnf.jsonEscape(c)));
        return Gbnf.literal(json.toString());
    }
}
