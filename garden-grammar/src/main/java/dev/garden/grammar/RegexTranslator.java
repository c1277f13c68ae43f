package dev.garden.grammar;

import java.util.ArrayList;
import java.util.List;

/**
 * Translates a JSON Schema {@code pattern} (an ECMA-262 regular expression) into a GBNF expression over the
 * JSON-encoded string content, the quotes excluded.
 *
 * <p>A pattern matches anywhere in the string (JSON Schema's search semantics); the grammar admits exactly the
 * strings the whole pattern matches, a subset of those, so anchors {@code ^} and {@code $} are accepted where they
 * mean "start" and "end" (at the ends of the pattern or of a top-level alternative) and refused elsewhere.
 *
 * <p>Translated: literals, escapes ({@code \t \n \r \f \v \0 \xHH \\uHHHH \\u{H..}}, escaped punctuation),
 * {@code .}, classes and negated classes with ranges, {@code \d \w \s \D \W \S}, groups ({@code (..)},
 * {@code (?:..)}, {@code (?<name>..)}), alternation, and the quantifiers {@code * + ? {m} {m,} {m,n}} (lazy forms
 * too: under whole-string matching laziness changes nothing). Classes mean what every dialect agrees on:
 * {@code \d} and {@code \w} are ASCII, {@code \s} is ASCII whitespace, {@code \D \W} admit ASCII only and {@code \S}
 * excludes every dialect's spaces, so Python's Unicode-aware classes and ECMA-262's agree with the output.
 * Refused: lookarounds, backreferences, word boundaries, flags, Unicode property escapes, control escapes.
 */
final class RegexTranslator {
    /** A parsed pattern. */
    sealed interface Node permits Chars, Seq, Alt, Repeat {
    }

    record Chars(CharSet set) implements Node {
    }

    record Seq(List<Node> items) implements Node {
    }

    record Alt(List<Node> options) implements Node {
    }

    /** {@code max} below 0 means unbounded. */
    record Repeat(Node node, int min, int max) implements Node {
    }

    /** The pattern cannot be translated; the message says why. */
    static final class Untranslatable extends Exception {
        Untranslatable(String message) {
            super(message);
        }
    }

    private static final int MAX_DEPTH = 64;

    private final String pattern;
    private int pos;
    private int depth;

    private RegexTranslator(String pattern) {
        this.pattern = pattern;
    }

    static Node parse(String pattern) throws Untranslatable {
        RegexTranslator parser = new RegexTranslator(pattern);
        Node node = parser.alternation(true);
        if (parser.pos < pattern.length()) {
            throw new Untranslatable("unbalanced ')' at offset " + parser.pos);
        }
        return node;
    }

    /** The fewest and most characters a match has; the maximum is -1 when unbounded. */
    static long[] lengthRange(Node node) {
        return switch (node) {
            case Chars c -> new long[]{1, 1};
            case Seq s -> {
                long min = 0;
                long max = 0;
                for (Node item : s.items()) {
                    long[] r = lengthRange(item);
                    min += r[0];
                    max = max < 0 || r[1] < 0 ? -1 : max + r[1];
                }
                yield new long[]{min, max};
            }
            case Alt a -> {
                long min = Long.MAX_VALUE;
                long max = 0;
                for (Node option : a.options()) {
                    long[] r = lengthRange(option);
                    min = Math.min(min, r[0]);
                    max = max < 0 || r[1] < 0 ? -1 : Math.max(max, r[1]);
                }
                yield new long[]{min, max};
            }
            case Repeat r -> {
                long[] inner = lengthRange(r.node());
                long max = r.max() < 0 || inner[1] < 0 ? (inner[1] == 0 ? 0 : -1) : inner[1] * r.max();
                yield new long[]{inner[0] * r.min(), max};
            }
        };
    }

    /**
     * The GBNF for the JSON-encoded text of what the node matches; null when it matches nothing (an empty class).
     * Classes with escapes become rules through {@code rules}, so repeated classes stay small.
     */
    static String toGbnf(Node node, RuleSet rules, String hint) {
        return switch (node) {
            case Chars c -> {
                String encoded = JsonRules.encodedChar(c.set());
                if (encoded == null) {
                    yield null;
                }
                yield encoded.contains(" | ") ? rules.add(hint + "-char", encoded) : encoded;
            }
            case Seq s -> {
                List<String> parts = new ArrayList<>();
                StringBuilder literal = new StringBuilder();
                for (Node item : s.items()) {
                    // Runs of single characters become one terminal: "abc" rather than "a" "b" "c".
                    if (item instanceof Chars c && c.set().singleMember() >= 0) {
                        literal.appendCodePoint(c.set().singleMember());
                        continue;
                    }
                    flush(literal, parts);
                    String part = toGbnf(item, rules, hint);
                    if (part == null) {
                        yield null;
                    }
                    if (!part.isEmpty()) {
                        parts.add(item instanceof Alt ? "( " + part + " )" : part);
                    }
                }
                flush(literal, parts);
                yield String.join(" ", parts);
            }
            case Alt a -> {
                List<String> options = new ArrayList<>();
                boolean empty = false;
                for (Node option : a.options()) {
                    String text = toGbnf(option, rules, hint);
                    if (text == null) {
                        continue;
                    }
                    if (text.isEmpty()) {
                        empty = true;
                    } else {
                        options.add(text);
                    }
                }
                if (options.isEmpty()) {
                    yield empty ? "" : null;
                }
                String joined = String.join(" | ", options);
                yield empty ? "( " + joined + " )?" : joined;
            }
            case Repeat r -> {
                String inner = toGbnf(r.node(), rules, hint);
                if (inner == null) {
                    yield r.min() == 0 ? "" : null;
                }
                if (inner.isEmpty() || r.max() == 0) {
                    yield "";
                }
                yield rules.repeat(SchemaCompiler.group(inner), r.min(), r.max(), hint + "-repeat");
            }
        };
    }

    private static void flush(StringBuilder literal, List<String> parts) {
        if (!literal.isEmpty()) {
            parts.add(JsonRules.encodedText(literal.toString()));
            literal.setLength(0);
        }
    }

    // ---- parsing -------------------------------------------------------------------------------------------

    private Node alternation(boolean topLevel) throws Untranslatable {
        if (++depth > MAX_DEPTH) {
            throw new Untranslatable("groups nested deeper than " + MAX_DEPTH);
        }
        List<Node> options = new ArrayList<>();
        options.add(sequence(topLevel));
        while (pos < pattern.length() && pattern.charAt(pos) == '|') {
            pos++;
            options.add(sequence(topLevel));
        }
        depth--;
        return options.size() == 1 ? options.getFirst() : new Alt(options);
    }

    private Node sequence(boolean topLevel) throws Untranslatable {
        List<Node> items = new ArrayList<>();
        if (topLevel && pos < pattern.length() && pattern.charAt(pos) == '^') {
            pos++;
        }
        while (pos < pattern.length()) {
            char c = pattern.charAt(pos);
            if (c == '|' || c == ')') {
                break;
            }
            if (c == '$') {
                boolean atEnd = pos + 1 == pattern.length() || pattern.charAt(pos + 1) == '|';
                if (!topLevel || !atEnd) {
                    throw new Untranslatable("'$' is only supported at the end of the pattern");
                }
                pos++;
                continue;
            }
            if (c == '^') {
                throw new Untranslatable("'^' is only supported at the start of the pattern");
            }
            Node atom = atom();
            items.add(quantified(atom));
        }
        return items.size() == 1 ? items.getFirst() : new Seq(items);
    }

    private Node quantified(Node atom) throws Untranslatable {
        if (pos >= pattern.length()) {
            return atom;
        }
        char c = pattern.charAt(pos);
        int min;
        int max;
        switch (c) {
            case '*' -> {
                min = 0;
                max = -1;
                pos++;
            }
            case '+' -> {
                min = 1;
                max = -1;
                pos++;
            }
            case '?' -> {
                min = 0;
                max = 1;
                pos++;
            }
            case '{' -> {
                int[] bounds = braces();
                if (bounds == null) {
                    return atom;
                }
                min = bounds[0];
                max = bounds[1];
            }
            default -> {
                return atom;
            }
        }
        if (pos < pattern.length() && pattern.charAt(pos) == '?') {
            pos++;
        }
        if (pos < pattern.length() && "*+?{".indexOf(pattern.charAt(pos)) >= 0) {
            throw new Untranslatable("nothing to repeat at offset " + pos);
        }
        return new Repeat(atom, min, max);
    }

    /** Reads {m}, {m,} or {m,n} at pos; null (pos unchanged) when the brace is a literal one. */
    private int[] braces() throws Untranslatable {
        int[] bounds = bracesAhead();
        if (bounds == null) {
            return null;
        }
        pos = pattern.indexOf('}', pos) + 1;
        if (bounds[1] >= 0 && bounds[1] < bounds[0]) {
            throw new Untranslatable("quantifier {" + bounds[0] + "," + bounds[1] + "} has max below min");
        }
        if (bounds[0] > SchemaLimits.MAX_REPEAT || bounds[1] > SchemaLimits.MAX_REPEAT) {
            throw new Untranslatable("quantifiers above " + SchemaLimits.MAX_REPEAT + " are not supported");
        }
        return bounds;
    }

    private int[] bracesAhead() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{(\\d{1,9})(,(\\d{0,9}))?}")
                .matcher(pattern).region(pos, pattern.length());
        if (!m.lookingAt()) {
            return null;
        }
        int min = Integer.parseInt(m.group(1));
        int max = m.group(2) == null ? min : m.group(3).isEmpty() ? -1 : Integer.parseInt(m.group(3));
        return new int[]{min, max};
    }

    private Node atom() throws Untranslatable {
        char c = pattern.charAt(pos);
        switch (c) {
            case '(' -> {
                pos++;
                if (pattern.startsWith("?:", pos)) {
                    pos += 2;
                } else if (pattern.startsWith("?<", pos) && !pattern.startsWith("?<=", pos)
                        && !pattern.startsWith("?<!", pos)) {
                    int close = pattern.indexOf('>', pos);
                    if (close < 0) {
                        throw new Untranslatable("unterminated group name");
                    }
                    pos = close + 1;
                } else if (pattern.startsWith("?=", pos) || pattern.startsWith("?!", pos)
                        || pattern.startsWith("?<", pos)) {
                    throw new Untranslatable("lookaround assertions are not supported");
                } else if (pattern.startsWith("?", pos)) {
                    throw new Untranslatable("group modifiers and inline flags are not supported");
                }
                Node inner = alternation(false);
                if (pos >= pattern.length() || pattern.charAt(pos) != ')') {
                    throw new Untranslatable("unclosed group");
                }
                pos++;
                return inner;
            }
            case '[' -> {
                return new Chars(charClass());
            }
            case '.' -> {
                pos++;
                return new Chars(CharSet.DOT);
            }
            case '\\' -> {
                return new Chars(escape(false).narrow());
            }
            case '*', '+', '?' -> throw new Untranslatable("nothing to repeat at offset " + pos);
            default -> {
                if (c == '{' || c == '}') {
                    // Python reads "{,3}" as a quantifier where ECMA-262 reads literal text; "\\{" is unambiguous.
                    throw new Untranslatable("a literal brace must be escaped (\\{ or \\})");
                }
                int cp = pattern.codePointAt(pos);
                pos += Character.charCount(cp);
                return new Chars(CharSet.single(cp));
            }
        }
    }

    /**
     * What an escape or class member means: {@code narrow} holds what every dialect counts as a member,
     * {@code wide} what any dialect does. A class admits its narrow members; a negated class admits what lies
     * outside all wide members. Python's {@code \\d}, {@code \\w} and {@code \\s} are Unicode-aware and
     * ECMA-262's are not, so a grammar built this way satisfies both.
     */
    private record Member(CharSet narrow, CharSet wide) {
        static Member exactly(CharSet set) {
            return new Member(set, set);
        }
    }

    private static final CharSet NON_ASCII = CharSet.range(0x80, CharSet.MAX);

    private CharSet charClass() throws Untranslatable {
        pos++;
        boolean negated = pos < pattern.length() && pattern.charAt(pos) == '^';
        if (negated) {
            pos++;
        }
        if (pos < pattern.length() && pattern.charAt(pos) == ']') {
            // ECMA-262 reads "[]" as an empty class, Python as the start of a class holding ']'.
            throw new Untranslatable("a class starting with ']' means different things in different dialects");
        }
        CharSet narrow = CharSet.EMPTY;
        CharSet wide = CharSet.EMPTY;
        while (true) {
            if (pos >= pattern.length()) {
                throw new Untranslatable("unterminated character class");
            }
            if (pattern.charAt(pos) == ']') {
                pos++;
                break;
            }
            Member lo = classAtom();
            if (pos + 1 < pattern.length() && pattern.charAt(pos) == '-' && pattern.charAt(pos + 1) != ']') {
                pos++;
                Member hi = classAtom();
                int a = lo.narrow().singleMember();
                int b = hi.narrow().singleMember();
                if (a < 0 || b < 0 || !lo.narrow().equals(lo.wide()) || !hi.narrow().equals(hi.wide())) {
                    throw new Untranslatable("a class range needs single characters at both ends");
                }
                if (a > b) {
                    throw new Untranslatable("class range out of order");
                }
                narrow = narrow.union(CharSet.range(a, b));
                wide = wide.union(CharSet.range(a, b));
            } else {
                narrow = narrow.union(lo.narrow());
                wide = wide.union(lo.wide());
            }
        }
        return negated ? wide.complement() : narrow;
    }

    private Member classAtom() throws Untranslatable {
        if (pattern.charAt(pos) == '\\') {
            return escape(true);
        }
        int cp = pattern.codePointAt(pos);
        pos += Character.charCount(cp);
        return Member.exactly(CharSet.single(cp));
    }

    private Member escape(boolean inClass) throws Untranslatable {
        pos++;
        if (pos >= pattern.length()) {
            throw new Untranslatable("pattern ends with a backslash");
        }
        char c = pattern.charAt(pos++);
        return switch (c) {
            case 'd' -> new Member(CharSet.DIGITS, CharSet.DIGITS.union(NON_ASCII));
            case 'w' -> new Member(CharSet.WORD, CharSet.WORD.union(NON_ASCII));
            case 's' -> new Member(CharSet.SPACE, CharSet.ANY_SPACE);
            case 'D' -> new Member(CharSet.ASCII.minus(CharSet.DIGITS), CharSet.ALL.minus(CharSet.DIGITS));
            case 'W' -> new Member(CharSet.ASCII.minus(CharSet.WORD), CharSet.ALL.minus(CharSet.WORD));
            case 'S' -> new Member(CharSet.ALL.minus(CharSet.ANY_SPACE), CharSet.ALL.minus(CharSet.SPACE));
            case 't' -> Member.exactly(CharSet.single('\t'));
            case 'n' -> Member.exactly(CharSet.single('\n'));
            case 'r' -> Member.exactly(CharSet.single('\r'));
            case 'f' -> Member.exactly(CharSet.single('\f'));
            case 'v' -> Member.exactly(CharSet.single(0x0B));
            case '0' -> {
                if (pos < pattern.length() && Character.isDigit(pattern.charAt(pos))) {
                    throw new Untranslatable("octal escapes are not supported");
                }
                yield Member.exactly(CharSet.single(0));
            }
            case 'b' -> {
                if (!inClass) {
                    throw new Untranslatable("word boundaries (\\b) are not supported");
                }
                yield Member.exactly(CharSet.single('\b'));
            }
            case 'B' -> throw new Untranslatable("word boundaries (\\B) are not supported");
            case 'x' -> Member.exactly(CharSet.single(hex(2)));
            case 'u' -> {
                if (pos < pattern.length() && pattern.charAt(pos) == '{') {
                    int close = pattern.indexOf('}', pos);
                    if (close < 0 || close == pos + 1 || close - pos > 7) {
                        throw new Untranslatable("malformed \\u{...} escape");
                    }
                    int cp = parseHex(pattern.substring(pos + 1, close));
                    pos = close + 1;
                    if (cp > CharSet.MAX) {
                        throw new Untranslatable("code point out of range in \\u{...}");
                    }
                    yield Member.exactly(CharSet.single(cp));
                }
                yield Member.exactly(CharSet.single(hex(4)));
            }
            case 'p', 'P' -> throw new Untranslatable("Unicode property escapes are not supported");
            case 'c' -> throw new Untranslatable("control escapes (\\c) are not supported");
            case 'k' -> throw new Untranslatable("backreferences are not supported");
            default -> {
                if (c >= '1' && c <= '9') {
                    throw new Untranslatable("backreferences are not supported");
                }
                if (Character.isLetterOrDigit(c)) {
                    // ECMA-262 with the u flag and Python both reject unknown letter escapes.
                    throw new Untranslatable("unknown escape \\" + c);
                }
                pos--;
                int cp = pattern.codePointAt(pos);
                pos += Character.charCount(cp);
                yield Member.exactly(CharSet.single(cp));
            }
        };
    }

    private int hex(int digits) throws Untranslatable {
        if (pos + digits > pattern.length()) {
            throw new Untranslatable("truncated hexadecimal escape");
        }
        int value = parseHex(pattern.substring(pos, pos + digits));
        pos += digits;
        return value;
    }

    private static int parseHex(String text) throws Untranslatable {
        if (!text.matches("[0-9a-fA-F]+")) {
            throw new Untranslatable("malformed hexadecimal escape");
        }
        return Integer.parseInt(text, 16);
    }
}
