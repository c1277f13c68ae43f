package dev.garden.chat;

import dev.garden.grammar.Gbnf;
import dev.garden.grammar.GrammarBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** GBNF and trigger-pattern text that the tool-call grammars need beyond the grammar module's JSON rules. */
final class GbnfText {
    /** The whitespace {@link GrammarBuilder#whitespace()} allows, as an ECMAScript regular expression. */
    static final String WHITESPACE_PATTERN = "(?: |\\n[ \\t]{0,32})?";

    private GbnfText() {
    }

    /**
     * Adds rules matching any text that does not contain {@code delimiter} (a thought before {@code </think>}),
     * and returns the name of the first; follow it with the delimiter to match text up to the first delimiter. The text before the delimiter may contain anything but
     * the delimiter: the rules follow the delimiter's Knuth-Morris-Pratt automaton, one rule per matched prefix,
     * and never complete it. Delimiters whose prefix reappears inside them are refused (for them "text, then the
     * delimiter" would not mean "up to the first delimiter").
     */
    static String until(GrammarBuilder builder, String name, String delimiter) {
        int n = delimiter.length();
        for (int k = 1; k < n; k++) {
            if (delimiter.startsWith(delimiter.substring(n - k))) {
                throw new IllegalArgumentException("delimiter overlaps itself: " + delimiter);
            }
        }
        Set<Character> alphabet = new LinkedHashSet<>();
        for (char c : delimiter.toCharArray()) {
            alphabet.add(c);
        }
        String[] states = new String[n];
        for (int k = 0; k < n; k++) {
            states[k] = name + "-" + k;
        }
        List<String> bodies = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            Map<Character, Integer> moves = new LinkedHashMap<>();
            for (char c : alphabet) {
                int next = next(delimiter, k, c);
                if (next != 0) {
                    moves.put(c, next);
                }
            }
            StringBuilder excluded = new StringBuilder();
            moves.keySet().forEach(c -> excluded.append(classChar(c)));
            List<String> alternatives = new ArrayList<>();
            alternatives.add("[^" + excluded + "] " + states[0]);
            moves.forEach((c, next) -> {
                if (next < n) {
                    alternatives.add(Gbnf.literal(String.valueOf(c)) + " " + states[next]);
                }
            });
            bodies.add("( " + String.join(" | ", alternatives) + " )?");
        }
        // The rules refer to each other by name, so each must get exactly the name asked for.
        for (int k = 0; k < n; k++) {
            String used = builder.rule(states[k], bodies.get(k));
            if (!used.equals(states[k])) {
                throw new IllegalStateException("rule name " + states[k] + " is taken");
            }
        }
        return states[0];
    }

    /** The length of the longest prefix of the delimiter that ends the text "delimiter[0..k) + c". */
    private static int next(String delimiter, int k, char c) {
        String text = delimiter.substring(0, k) + c;
        for (int length = Math.min(text.length(), delimiter.length()); length > 0; length--) {
            if (text.endsWith(delimiter.substring(0, length))) {
                return length;
            }
        }
        return 0;
    }

    /** A character inside a GBNF character class. */
    static String classChar(char c) {
        if (Character.isLetterOrDigit(c) && c < 128) {
            return String.valueOf(c);
        }
        return c <= 0xFF ? String.format("\\x%02X", (int) c) : String.format("\\u%04X", (int) c);
    }

    /** A literal text as an ECMAScript regular expression. */
    static String regexLiteral(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if ("\\^$.|?*+()[]{}/".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
