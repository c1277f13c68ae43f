package dev.garden.jinja;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Python's {@code str} semantics on Java strings. Python indexes strings by code point, Java by UTF-16 unit; the two
 * agree unless a string holds characters beyond the Basic Multilingual Plane (emoji), which these helpers handle.
 */
final class PyStrings {
    private PyStrings() {
    }

    /** Python's {@code str.isspace()} for one character, which also counts no-break spaces and {@code \x1c}-{@code \x1f}. */
    static boolean isSpace(int c) {
        return c == ' ' || c >= '\t' && c <= '\r' || c >= 0x1c && c <= 0x1f || c == 0x85 || c == 0xa0 || c == 0x1680
                || c >= 0x2000 && c <= 0x200a || c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f
                || c == 0x3000;
    }

    static boolean isAllSpace(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (!isSpace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static int length(String s) {
        return hasSurrogates(s) ? s.codePointCount(0, s.length()) : s.length();
    }

    static boolean hasSurrogates(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The code points of a string, for index and slice arithmetic in Python's terms. */
    static int[] codePoints(String s) {
        return s.codePoints().toArray();
    }

    static String fromCodePoints(int[] codePoints, int from, int to) {
        return new String(codePoints, from, to - from);
    }

    /** The code-point index of a UTF-16 offset. */
    static int index(String s, int offset) {
        return offset < 0 || !hasSurrogates(s) ? offset : s.codePointCount(0, offset);
    }

    static String strip(String s) {
        return rstrip(lstrip(s));
    }

    static String lstrip(String s) {
        int start = 0;
        while (start < s.length() && isSpace(s.charAt(start))) {
            start++;
        }
        return s.substring(start);
    }

    static String rstrip(String s) {
        int end = s.length();
        while (end > 0 && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    /** {@code str.strip(chars)} and its one-sided forms; {@code chars == null} strips whitespace. */
    static String strip(String s, String chars, boolean left, boolean right) {
        if (chars == null) {
            return left && right ? strip(s) : left ? lstrip(s) : rstrip(s);
        }
        int[] cps = codePoints(s);
        int start = 0;
        int end = cps.length;
        while (left && start < end && chars.indexOf(Character.toString(cps[start])) >= 0) {
            start++;
        }
        while (right && end > start && chars.indexOf(Character.toString(cps[end - 1])) >= 0) {
            end--;
        }
        return fromCodePoints(cps, start, end);
    }

    static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static boolean isCased(int cp) {
        return Character.isUpperCase(cp) || Character.isLowerCase(cp) || Character.isTitleCase(cp);
    }

    /** {@code str.title()}: a cased character after a cased one is lowercased, any other is titlecased. */
    static String title(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean previousCased = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (previousCased) {
                out.append(lower(Character.toString(cp)));
            } else {
                out.appendCodePoint(Character.toTitleCase(cp));
            }
            previousCased = isCased(cp);
        }
        return out.toString();
    }

    /** {@code str.capitalize()}: the first character titlecased, the rest lowercased. */
    static String capitalize(String s) {
        if (s.isEmpty()) {
            return s;
        }
        int first = s.codePointAt(0);
        return new StringBuilder().appendCodePoint(Character.toTitleCase(first))
                .append(lower(s.substring(Character.charCount(first)))).toString();
    }

    static String swapcase(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> out.append(Character.isUpperCase(cp) ? lower(Character.toString(cp))
                : Character.isLowerCase(cp) ? upper(Character.toString(cp)) : Character.toString(cp)));
        return out.toString();
    }

    /** {@code str.split(sep, maxsplit)}; {@code sep == null} splits on runs of whitespace. */
    static List<Object> split(String s, String sep, long maxsplit) {
        List<Object> parts = new ArrayList<>();
        long limit = maxsplit < 0 ? Long.MAX_VALUE : maxsplit;
        if (sep == null) {
            int i = 0;
            int n = s.length();
            while (true) {
                while (i < n && isSpace(s.charAt(i))) {
                    i++;
                }
                if (i == n) {
                    break;
                }
                if (parts.size() == limit) {
                    parts.add(s.substring(i));
                    break;
                }
                int start = i;
                while (i < n && !isSpace(s.charAt(i))) {
                    i++;
                }
                parts.add(s.substring(start, i));
            }
            return parts;
        }
        if (sep.isEmpty()) {
            throw new TemplateRenderException("empty separator");
        }
        int start = 0;
        int found;
        while (parts.size() < limit && (found = s.indexOf(sep, start)) >= 0) {
            parts.add(s.substring(start, found));
            start = found + sep.length();
        }
        parts.add(s.substring(start));
        return parts;
    }

    /** {@code str.rsplit(sep, maxsplit)}. */
    static List<Object> rsplit(String s, String sep, long maxsplit) {
        List<Object> parts = new ArrayList<>();
        long limit = maxsplit < 0 ? Long.MAX_VALUE : maxsplit;
        if (sep == null) {
            int i = s.length();
            while (true) {
                while (i > 0 && isSpace(s.charAt(i - 1))) {
                    i--;
                }
                if (i == 0) {
                    break;
                }
                if (parts.size() == limit) {
                    parts.add(s.substring(0, i));
                    break;
                }
                int end = i;
                while (i > 0 && !isSpace(s.charAt(i - 1))) {
                    i--;
                }
                parts.add(s.substring(i, end));
            }
        } else {
            if (sep.isEmpty()) {
                throw new TemplateRenderException("empty separator");
            }
            int end = s.length();
            int found;
            while (parts.size() < limit && (found = s.lastIndexOf(sep, end - sep.length())) >= 0 && end - sep.length() >= 0) {
                parts.add(s.substring(found + sep.length(), end));
                end = found;
            }
            parts.add(s.substring(0, end));
        }
        java.util.Collections.reverse(parts);
        return parts;
    }

    /** {@code str.splitlines(keepends)}, which breaks at every line boundary Python knows. */
    static List<Object> splitlines(String s, boolean keepends) {
        List<Object> lines = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int eol = i + 1;
            if (c == '\r' && eol < s.length() && s.charAt(eol) == '\n') {
                eol++;
            } else if (!(c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || c >= 0x1c && c <= 0x1e || c == 0x85
                    || c == 0x2028 || c == 0x2029)) {
                i++;
                continue;
            }
            lines.add(s.substring(start, keepends ? eol : i));
            start = eol;
            i = eol;
        }
        if (start < s.length()) {
            lines.add(s.substring(start));
        }
        return lines;
    }

    /** {@code str.replace(old, new, count)}, including Python's insertion between characters for an empty {@code old}. */
    static String replace(String s, String old, String replacement, long count) {
        long limit = count < 0 ? Long.MAX_VALUE : count;
        if (old.isEmpty()) {
            StringBuilder out = new StringBuilder();
            int[] cps = codePoints(s);
            long done = 0;
            for (int cp : cps) {
                if (done++ < limit) {
                    out.append(replacement);
                }
                out.appendCodePoint(cp);
            }
            if (done < limit) {
                out.append(replacement);
            }
            return out.toString();
        }
        StringBuilder out = new StringBuilder();
        int start = 0;
        int found;
        long done = 0;
        while (done < limit && (found = s.indexOf(old, start)) >= 0) {
            out.append(s, start, found).append(replacement);
            start = found + old.length();
            done++;
        }
        return out.append(s, start, s.length()).toString();
    }

    /** {@code str.count(sub)}: non-overlapping occurrences. */
    static long count(String s, String sub) {
        if (sub.isEmpty()) {
            return length(s) + 1L;
        }
        long count = 0;
        for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + sub.length())) {
            count++;
        }
        return count;
    }

    /** {@code str.center}, {@code ljust} and {@code rjust}, padding with a fill character to a width in code points. */
    static String pad(String s, long width, String fill, char align) {
        int length = length(s);
        if (width <= length) {
            return s;
        }
        int total = (int) (width - length);
        int left = switch (align) {
            case '<' -> 0;
            case '>' -> total;
            // Python's center puts the odd extra character on the left when the width is odd.
            default -> total / 2 + (int) (total & width & 1);
        };
        return fill.repeat(left) + s + fill.repeat(total - left);
    }

    static String zfill(String s, long width) {
        int length = length(s);
        if (width <= length) {
            return s;
        }
        String zeros = "0".repeat((int) (width - length));
        if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            return s.charAt(0) + zeros + s.substring(1);
        }
        return zeros + s;
    }

    static boolean isDigits(String s) {
        return !s.isEmpty() && s.codePoints().allMatch(Character::isDigit);
    }

    static boolean isAlpha(String s) {
        return !s.isEmpty() && s.codePoints().allMatch(Character::isLetter);
    }

    static boolean isAlnum(String s) {
        return !s.isEmpty() && s.codePoints().allMatch(Character::isLetterOrDigit);
    }

    static boolean isNumeric(String s) {
        return !s.isEmpty() && s.codePoints().allMatch(cp -> Character.isDigit(cp)
                || Character.getType(cp) == Character.OTHER_NUMBER || Character.getType(cp) == Character.LETTER_NUMBER);
    }

    static boolean isSpaces(String s) {
        return !s.isEmpty() && s.codePoints().allMatch(PyStrings::isSpace);
    }

    /** {@code str.islower()}: some cased character, and no uppercase or titlecase one. */
    static boolean isLower(String s) {
        boolean cased = false;
        for (int cp : codePoints(s)) {
            if (Character.isUpperCase(cp) || Character.isTitleCase(cp)) {
                return false;
            }
            cased |= Character.isLowerCase(cp);
        }
        return cased;
    }

    /** {@code str.isupper()}: some cased character, and no lowercase or titlecase one. */
    static boolean isUpper(String s) {
        boolean cased = false;
        for (int cp : codePoints(s)) {
            if (Character.isLowerCase(cp) || Character.isTitleCase(cp)) {
                return false;
            }
            cased |= Character.isUpperCase(cp);
        }
        return cased;
    }
}
