package dev.garden.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Block YAML as gcloud prints resources (PyYAML's style): two-space indents, a list's items at its key's indent,
 * strings quoted only where YAML would read them as something else ({@code uniqueId: '1049...'}).
 */
final class Yaml {
    // Strings PyYAML would resolve as numbers, dates, times, booleans or null; over-matching only adds quotes.
    private static final Pattern NUMBER_OR_TIME = Pattern.compile("[-+.]?[0-9][0-9_:.,eE+\\-TtZz ]*");
    private static final Set<String> RESERVED = Set.of("yes", "no", "true", "false", "on", "off", "null",
            "~", ".nan", ".inf", "-.inf", "+.inf");
    private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";

    private Yaml() {
    }

    /** A map as a YAML document (without the {@code ---} that separates documents). */
    static String write(Map<String, ?> document) {
        StringBuilder out = new StringBuilder();
        map(out, document, 0);
        return out.toString();
    }

    private static void map(StringBuilder out, Map<String, ?> map, int indent) {
        for (Map.Entry<String, ?> entry : map.entrySet()) {
            out.append(" ".repeat(indent)).append(scalar(entry.getKey())).append(':');
            value(out, entry.getValue(), indent, indent + 2);
        }
    }

    /** Writes a value after "key:" or "-": inline if scalar or empty, else on the next lines. */
    private static void value(StringBuilder out, Object value, int listIndent, int mapIndent) {
        if (value instanceof Map<?, ?> nested && !nested.isEmpty()) {
            out.append('\n');
            @SuppressWarnings("unchecked") Map<String, ?> typed = (Map<String, ?>) nested;
            map(out, typed, mapIndent);
        } else if (value instanceof List<?> list && !list.isEmpty()) {
            out.append('\n');
            list(out, list, listIndent);
        } else {
            out.append(' ').append(value instanceof Map<?, ?> ? "{}" : value instanceof List<?> ? "[]"
                    : scalar(value)).append('\n');
        }
    }

    private static void list(StringBuilder out, List<?> list, int indent) {
        for (Object item : list) {
            if (item instanceof Map<?, ?> nested && !nested.isEmpty()) {
                // "- " takes the place of the first entry's indent; the other entries line up under it.
                StringBuilder body = new StringBuilder();
                @SuppressWarnings("unchecked") Map<String, ?> typed = (Map<String, ?>) nested;
                map(body, typed, indent + 2);
                out.append(" ".repeat(indent)).append("- ").append(body, indent + 2, body.length());
            } else if (item instanceof List<?> inner && !inner.isEmpty()) {
                out.append(" ".repeat(indent)).append("-");
                value(out, inner, indent + 2, indent + 2);
            } else {
                out.append(" ".repeat(indent)).append('-');
                value(out, item, indent + 2, indent + 2);
            }
        }
    }

    static String scalar(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Boolean || value instanceof Number) {
            return value.toString();
        }
        String text = value.toString();
        if (text.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return Json.pretty(text).strip(); // a JSON string is a valid double-quoted YAML scalar
        }
        boolean quote = text.isEmpty()
                || RESERVED.contains(text.toLowerCase(Locale.ROOT))
                || NUMBER_OR_TIME.matcher(text).matches()
                || INDICATORS.indexOf(text.charAt(0)) >= 0
                || Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(text.length() - 1))
                || text.contains(": ") || text.contains(" #") || text.endsWith(":");
        return quote ? "'" + text.replace("'", "''") + "'" : text;
    }
}
