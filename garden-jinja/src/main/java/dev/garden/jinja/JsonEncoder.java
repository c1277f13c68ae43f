package dev.garden.jinja;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code json.dumps}, which Hugging Face's {@code tojson} filter calls with {@code ensure_ascii=False}
 * and keys in insertion order: separators {@code ", "} and {@code ": "}, or {@code ","} before each newline when
 * indenting, and floats written as Python writes them.
 */
final class JsonEncoder {
    private final String indent;
    private final String itemSeparator;
    private final String keySeparator;
    private final boolean sortKeys;
    private final boolean ensureAscii;
    private final StringBuilder out = new StringBuilder();

    private JsonEncoder(String indent, String itemSeparator, String keySeparator, boolean sortKeys, boolean ensureAscii) {
        this.indent = indent;
        this.itemSeparator = itemSeparator;
        this.keySeparator = keySeparator;
        this.sortKeys = sortKeys;
        this.ensureAscii = ensureAscii;
    }

    /**
     * {@code json.dumps(value, ensure_ascii=..., indent=..., separators=..., sort_keys=...)}.
     *
     * @param indent     {@code null}, a number of spaces, or a string to indent with
     * @param separators {@code null} or a pair {@code (item_separator, key_separator)}
     */
    static String dumps(Object value, boolean ensureAscii, Object indent, Object separators, boolean sortKeys) {
        String indentText = null;
        if (indent != null) {
            indentText = PyTypes.isString(indent) ? PyTypes.stringOrNull(indent)
                    : " ".repeat((int) Math.max(0, PyTypes.toLong(indent)));
        }
        String itemSeparator = indentText == null ? ", " : ",";
        String keySeparator = ": ";
        if (separators != null) {
            List<Object> pair = PyTypes.iterate(separators);
            if (pair.size() != 2) {
                throw new TemplateRenderException("separators must be a pair of strings");
            }
            itemSeparator = PyRepr.str(pair.get(0));
            keySeparator = PyRepr.str(pair.get(1));
        }
        JsonEncoder encoder = new JsonEncoder(indentText, itemSeparator, keySeparator, sortKeys, ensureAscii);
        encoder.write(value, 0);
        return encoder.out.toString();
    }

    private void write(Object value, int level) {
        switch (value) {
            case null -> out.append("null");
            case Boolean b -> out.append(b ? "true" : "false");
            case String s -> writeString(s);
            case Markup m -> writeString(m.text());
            case Double d -> out.append(floatText(d));
            case Float f -> out.append(floatText(f.doubleValue()));
            case Number n when PyTypes.isFloat(n) -> out.append(floatText(n.doubleValue()));
            case Number n -> out.append(n);
            case Map<?, ?> map -> writeObject(map, level);
            case DictView view -> throw notSerializable(view);
            case PyRange range -> throw notSerializable(range);
            case Collection<?> items -> writeArray(items, level);
            default -> throw notSerializable(value);
        }
    }

    private static TemplateRenderException notSerializable(Object value) {
        return new TemplateRenderException("Object of type " + PyTypes.typeName(value) + " is not JSON serializable");
    }

    private static String floatText(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        return PyRepr.floatRepr(d);
    }

    private void newline(int level) {
        if (indent != null) {
            out.append('\n').append(indent.repeat(level));
        }
    }

    private void writeArray(Collection<?> items, int level) {
        if (items.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        boolean first = true;
        for (Object item : items) {
            if (!first) {
                out.append(itemSeparator);
            }
            newline(level + 1);
            write(item, level + 1);
            first = false;
        }
        newline(level);
        out.append(']');
    }

    private void writeObject(Map<?, ?> map, int level) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        List<Map.Entry<String, Object>> entries = new ArrayList<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            entries.add(Map.entry(keyText(entry.getKey()), entry.getValue() == null ? NULL : entry.getValue()));
        }
        if (sortKeys) {
            entries.sort((a, b) -> PyOps.compareCodePoints(a.getKey(), b.getKey()));
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> entry : entries) {
            if (!first) {
                out.append(itemSeparator);
            }
            newline(level + 1);
            writeString(entry.getKey());
            out.append(keySeparator);
            write(entry.getValue() == NULL ? null : entry.getValue(), level + 1);
            first = false;
        }
        newline(level);
        out.append('}');
    }

    /** Map.entry refuses null values; this stands in for JSON's null. */
    private static final Object NULL = new Object();

    private static String keyText(Object key) {
        return switch (key) {
            case String s -> s;
            case Markup m -> m.text();
            case Boolean b -> b ? "true" : "false";
            case null -> "null";
            case Number n when PyTypes.isFloat(n) -> floatText(n.doubleValue());
            case Number n -> n.toString();
            default -> throw new TemplateRenderException("keys must be str, int, float, bool or None, not "
                    + PyTypes.typeName(key));
        };
    }

    private void writeString(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || ensureAscii && c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
