package dev.garden.grammar;

/**
 * Text helpers for writing llama.cpp GBNF by hand, for the grammars that wrap schema rules (a tool call's fixed
 * text around its arguments, for instance). GBNF's syntax is described in llama.cpp's {@code grammars/README.md}.
 */
public final class Gbnf {
    private Gbnf() {
    }

    /**
     * A GBNF terminal that matches {@code text} exactly, e.g. {@code <tool_call>} followed by a newline becomes
     * {@code "<tool_call>\n"}. Quotes, backslashes and control characters are escaped; other characters are kept
     * as they are (llama.cpp reads grammars as UTF-8).
     *
     * @throws IllegalArgumentException for the empty string, which GBNF cannot write as a terminal
     */
    public static String literal(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("GBNF has no empty terminal; leave the symbol out instead");
        }
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        text.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7F) {
                        out.append(String.format("\\x%02X", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.append('"').toString();
    }

    /**
     * A GBNF terminal that matches the JSON string literal of {@code value}, quotes included: for {@code get_weather}
     * it matches the eight characters {@code "get_weather"} with their double quotes. The JSON text is the
     * canonical one: only {@code "}, {@code \} and control characters are escaped, as short escapes where JSON has
     * them.
     */
    public static String jsonStringLiteral(String value) {
        return literal(jsonQuote(value));
    }

    /** {@code value} as a JSON string literal, quotes included, escaped as {@link #jsonStringLiteral} describes. */
    static String jsonQuote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        value.codePoints().forEach(c -> out.append(jsonEscape(c)));
        return out.append('"').toString();
    }

    /** How a code point is written inside a JSON string: as itself, or as its canonical escape. */
    static String jsonEscape(int c) {
        return switch (c) {
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case '\b' -> "\\b";
            case '\f' -> "\\f";
            default -> c < 0x20 ? String.format("\\u%04x", c) : Character.toString(c);
        };
    }

    /** A code point as written inside a GBNF character class. */
    static String classChar(int c) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            return Character.toString(c);
        }
        // Escaping every other character keeps class syntax (] - ^ \) and invisible characters unambiguous.
        if (c <= 0xFF) {
            return String.format("\\x%02X", c);
        }
        if (c <= 0xFFFF) {
            return String.format("\\u%04X", c);
        }
        return String.format("\\U%08X", c);
    }

    /** The repetition suffix for {@code min..max} times; max below 0 means unbounded. */
    static String repeat(String atom, int min, int max) {
        if (max == 0) {
            return "";
        }
        if (min == 1 && max == 1) {
            return atom;
        }
        if (max < 0) {
            return switch (min) {
                case 0 -> atom + "*";
                case 1 -> atom + "+";
                default -> atom + "{" + min + ",}";
            };
        }
        if (min == 0 && max == 1) {
            return atom + "?";
        }
        return min == max ? atom + "{" + min + "}" : atom + "{" + min + "," + max + "}";
    }
}
