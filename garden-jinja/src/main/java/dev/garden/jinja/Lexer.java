package dev.garden.jinja;

import dev.garden.jinja.Token.Kind;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a template into tokens exactly as jinja2's lexer does with {@code trim_blocks=True} and
 * {@code lstrip_blocks=True}, the settings Hugging Face renders chat templates with. All whitespace control happens
 * here: {@code -} and {@code +} markers, the newline after a block tag, the indentation before one.
 */
final class Lexer {
    private static final Pattern FLOAT = Pattern.compile(
            "(?<!\\.)(\\d+_)*\\d+((\\.(\\d+_)*\\d+)?[eE][+\\-]?(\\d+_)*\\d+|\\.(\\d+_)*\\d+)");
    private static final Pattern INTEGER = Pattern.compile(
            "0[bB](_?[01])+|0[oO](_?[0-7])+|0[xX](_?[0-9a-fA-F])+|[1-9](_?\\d)*|0(_?0)*");
    private static final String[] TWO_CHAR_OPERATORS = {"**", "//", "==", "!=", ">=", "<="};
    private static final String ONE_CHAR_OPERATORS = "+-/*%~[](){}><=.:|,;";

    private final SourceText source;
    private final String src;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;
    /** Whether the last thing consumed ended a line: lstrip_blocks also strips indentation at the very start. */
    private boolean lineStarting = true;

    private Lexer(SourceText source) {
        this.source = source;
        this.src = source.text();
    }

    static List<Token> tokenize(SourceText source) {
        Lexer lexer = new Lexer(source);
        lexer.lexRoot();
        return lexer.tokens;
    }

    private void lexRoot() {
        while (pos < src.length()) {
            int tagStart = nextTagStart(pos);
            if (tagStart < 0) {
                addData(src.substring(pos), pos);
                pos = src.length();
                break;
            }
            char kind = src.charAt(tagStart + 1);
            char sign = signAt(tagStart + 2);
            int rawEnd = kind == '%' ? rawBeginEnd(tagStart) : -1;
            String text = stripBeforeTag(src.substring(pos, tagStart), sign, kind != '{');
            addData(text, pos);
            int afterOpener = tagStart + 2 + (sign != 0 ? 1 : 0);
            if (rawEnd >= 0) {
                lineStarting = src.charAt(rawEnd - 1) == '\n';
                lexRaw(rawEnd);
                continue;
            }
            lineStarting = false;
            switch (kind) {
                case '#' -> lexComment(afterOpener);
                case '{' -> lexTag(tagStart, afterOpener, Kind.VARIABLE_BEGIN);
                default -> lexTag(tagStart, afterOpener, Kind.BLOCK_BEGIN);
            }
        }
        tokens.add(new Token(Kind.EOF, "", src.length()));
    }

    private int nextTagStart(int from) {
        for (int i = src.indexOf('{', from); i >= 0 && i + 1 < src.length(); i = src.indexOf('{', i + 1)) {
            char next = src.charAt(i + 1);
            if (next == '{' || next == '%' || next == '#') {
                return i;
            }
        }
        return -1;
    }

    private char signAt(int index) {
        if (index < src.length()) {
            char c = src.charAt(index);
            if (c == '-' || c == '+') {
                return c;
            }
        }
        return 0;
    }

    /**
     * jinja2's OptionalLStrip: {@code -} strips all whitespace before the tag; otherwise, for block and comment tags
     * not marked {@code +}, lstrip_blocks strips the indentation when only whitespace precedes the tag on its line.
     */
    private String stripBeforeTag(String text, char sign, boolean lstripApplies) {
        if (sign == '-') {
            return PyStrings.rstrip(text);
        }
        if (sign != '+' && lstripApplies) {
            int lineStart = text.lastIndexOf('\n') + 1;
            if ((lineStart > 0 || lineStarting) && lineStart < text.length()
                    && PyStrings.isAllSpace(text, lineStart)) {
                return text.substring(0, lineStart);
            }
        }
        return text;
    }

    /** Where {@code {% raw %}} ends when one starts at {@code at} (no trim_blocks newline here, as in jinja2). */
    private int rawBeginEnd(int at) {
        int i = at + 2;
        if (signAt(i) != 0) {
            i++;
        }
        i = skipSpace(i);
        if (!src.startsWith("raw", i)) {
            return -1;
        }
        i = skipSpace(i + 3);
        if (src.startsWith("-%}", i)) {
            return skipSpace(i + 3);
        }
        return src.startsWith("%}", i) ? i + 2 : -1;
    }

    private void lexRaw(int bodyStart) {
        int search = bodyStart;
        while (true) {
            int open = src.indexOf("{%", search);
            if (open < 0) {
                throw source.error("Missing end of raw directive", bodyStart);
            }
            char sign = signAt(open + 2);
            int i = skipSpace(open + 2 + (sign != 0 ? 1 : 0));
            if (src.startsWith("endraw", i)) {
                int end = blockEnd(skipSpace(i + 6));
                if (end >= 0) {
                    addData(stripBeforeTag(src.substring(bodyStart, open), sign, true), bodyStart);
                    lineStarting = src.charAt(end - 1) == '\n';
                    pos = end;
                    return;
                }
            }
            search = open + 2;
        }
    }

    private void lexComment(int bodyStart) {
        int close = src.indexOf("#}", bodyStart);
        if (close < 0) {
            throw source.error("Missing end of comment tag", bodyStart);
        }
        char sign = close > bodyStart ? src.charAt(close - 1) : 0;
        int end = close + 2;
        if (sign == '-') {
            end = skipSpace(end);
        } else if (sign != '+' && end < src.length() && src.charAt(end) == '\n') {
            end++;
        }
        lineStarting = src.charAt(end - 1) == '\n';
        pos = end;
    }

    private void lexTag(int tagStart, int bodyStart, Kind begin) {
        tokens.add(new Token(begin, "", tagStart));
        Deque<Character> balancing = new ArrayDeque<>();
        int i = bodyStart;
        while (i < src.length()) {
            if (balancing.isEmpty()) {
                int end = begin == Kind.BLOCK_BEGIN ? blockEnd(i) : variableEnd(i);
                if (end >= 0) {
                    tokens.add(new Token(begin == Kind.BLOCK_BEGIN ? Kind.BLOCK_END : Kind.VARIABLE_END, "", i));
                    lineStarting = src.charAt(end - 1) == '\n';
                    pos = end;
                    return;
                }
            }
            char c = src.charAt(i);
            if (PyStrings.isSpace(c)) {
                i++;
            } else if (c >= '0' && c <= '9') {
                i = lexNumber(i);
            } else if (c == '\'' || c == '"') {
                i = lexString(i);
            } else if (isNameStart(c)) {
                int end = i + 1;
                while (end < src.length() && isNamePart(src.charAt(end))) {
                    end++;
                }
                tokens.add(new Token(Kind.NAME, src.substring(i, end), i));
                i = end;
            } else {
                i = lexOperator(i, balancing);
            }
        }
        pos = src.length();
    }

    /** Where a block tag ends at {@code i}: {@code +%}}, {@code -%}} and what whitespace follows, or {@code %}} and one newline. */
    private int blockEnd(int i) {
        if (src.startsWith("+%}", i)) {
            return i + 3;
        }
        if (src.startsWith("-%}", i)) {
            return skipSpace(i + 3);
        }
        if (src.startsWith("%}", i)) {
            return i + 2 < src.length() && src.charAt(i + 2) == '\n' ? i + 3 : i + 2;
        }
        return -1;
    }

    private int variableEnd(int i) {
        if (src.startsWith("-}}", i)) {
            return skipSpace(i + 3);
        }
        return src.startsWith("}}", i) ? i + 2 : -1;
    }

    private int lexNumber(int i) {
        Matcher floatMatch = FLOAT.matcher(src).region(i, src.length()).useTransparentBounds(true);
        if (floatMatch.lookingAt()) {
            tokens.add(new Token(Kind.FLOAT, floatMatch.group(), i));
            return floatMatch.end();
        }
        Matcher intMatch = INTEGER.matcher(src).region(i, src.length());
        if (intMatch.lookingAt()) {
            tokens.add(new Token(Kind.INTEGER, intMatch.group(), i));
            return intMatch.end();
        }
        return lexOperator(i, null);
    }

    private int lexString(int start) {
        char quote = src.charAt(start);
        int i = start + 1;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                tokens.add(new Token(Kind.STRING, unescape(src.substring(start + 1, i), start), start));
                return i + 1;
            } else {
                i++;
            }
        }
        throw source.error("unexpected char " + PyRepr.repr(String.valueOf(quote)) + " at " + start, start);
    }

    private int lexOperator(int i, Deque<Character> balancing) {
        String operator = null;
        for (String candidate : TWO_CHAR_OPERATORS) {
            if (src.startsWith(candidate, i)) {
                operator = candidate;
                break;
            }
        }
        if (operator == null && ONE_CHAR_OPERATORS.indexOf(src.charAt(i)) >= 0) {
            operator = String.valueOf(src.charAt(i));
        }
        if (operator == null) {
            throw source.error("unexpected char " + PyRepr.repr(String.valueOf(src.charAt(i))) + " at " + i, i);
        }
        if (balancing != null) {
            balance(operator, balancing, i);
        }
        tokens.add(new Token(Kind.OPERATOR, operator, i));
        return i + operator.length();
    }

    private void balance(String operator, Deque<Character> balancing, int at) {
        switch (operator) {
            case "(" -> balancing.push(')');
            case "[" -> balancing.push(']');
            case "{" -> balancing.push('}');
            case ")", "]", "}" -> {
                if (balancing.isEmpty()) {
                    throw source.error("unexpected '" + operator + "'", at);
                }
                char expected = balancing.pop();
                if (expected != operator.charAt(0)) {
                    throw source.error("unexpected '" + operator + "', expected '" + expected + "'", at);
                }
            }
            default -> {
            }
        }
    }

    private int skipSpace(int i) {
        while (i < src.length() && PyStrings.isSpace(src.charAt(i))) {
            i++;
        }
        return i;
    }

    private void addData(String text, int offset) {
        if (!text.isEmpty()) {
            tokens.add(new Token(Kind.DATA, text, offset));
        }
    }

    private static boolean isNameStart(char c) {
        return c == '_' || Character.isLetter(c) || Character.isUnicodeIdentifierStart(c);
    }

    private static boolean isNamePart(char c) {
        return c == '_' || Character.isLetterOrDigit(c) || Character.isUnicodeIdentifierPart(c)
                && !Character.isIdentifierIgnorable(c);
    }

    /** Python's {@code unicode-escape} decoding, which jinja2 applies to string literals. */
    private String unescape(String body, int offset) {
        if (body.indexOf('\\') < 0) {
            return body;
        }
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 == body.length()) {
                out.append(c);
                continue;
            }
            char e = body.charAt(++i);
            switch (e) {
                case '\n' -> {
                }
                case '\\', '\'', '"' -> out.append(e);
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000b');
                case 'x', 'u', 'U' -> {
                    int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    int codePoint = parseHex(body, i + 1, digits);
                    if (codePoint < 0 || codePoint > Character.MAX_CODE_POINT) {
                        throw source.error("truncated \\" + e + " escape", offset);
                    }
                    out.appendCodePoint(codePoint);
                    i += digits;
                }
                case 'N' -> i = appendNamedCharacter(body, i, out, offset);
                default -> {
                    if (e >= '0' && e <= '7') {
                        int value = e - '0';
                        int used = 1;
                        while (used < 3 && i + 1 < body.length() && body.charAt(i + 1) >= '0' && body.charAt(i + 1) <= '7') {
                            value = value * 8 + body.charAt(++i) - '0';
                            used++;
                        }
                        out.append((char) value);
                    } else {
                        out.append('\\').append(e);
                    }
                }
            }
        }
        return out.toString();
    }

    private int appendNamedCharacter(String body, int i, StringBuilder out, int offset) {
        int close = body.indexOf('}', i);
        if (i + 1 >= body.length() || body.charAt(i + 1) != '{' || close < 0) {
            throw source.error("malformed \\N character escape", offset);
        }
        try {
            out.appendCodePoint(Character.codePointOf(body.substring(i + 2, close)));
        } catch (IllegalArgumentException e) {
            throw source.error("unknown Unicode character name", offset);
        }
        return close;
    }

    private static int parseHex(String text, int from, int digits) {
        if (from + digits > text.length()) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < from + digits; i++) {
            int digit = Character.digit(text.charAt(i), 16);
            if (digit < 0) {
                return -1;
            }
            value = value * 16 + digit;
        }
        return value;
    }
}
