package dev.garden.jinja;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Python's {@code str()} and {@code repr()} of template values, byte for byte. */
final class PyRepr {
    private PyRepr() {
    }

    /** {@code str(value)}: what {@code {{ value }}} prints. */
    static String str(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Undefined || value instanceof Markup) {
            return value.toString();
        }
        return repr(value);
    }

    /** {@code repr(value)}: how a value prints inside a list or dict. */
    static String repr(Object value) {
        StringBuilder out = new StringBuilder();
        appendRepr(out, value, new IdentityHashMap<>());
        return out.toString();
    }

    private static void appendRepr(StringBuilder out, Object value, IdentityHashMap<Object, Boolean> active) {
        switch (value) {
            case null -> out.append("None");
            case String s -> appendStringRepr(out, s);
            case Boolean b -> out.append(b ? "True" : "False");
            case Double d -> out.append(floatRepr(d));
            case Float f -> out.append(floatRepr(f.doubleValue()));
            case BigDecimal d -> out.append(floatRepr(d.doubleValue()));
            case Number n -> out.append(n);
            case Undefined ignored -> out.append("Undefined");
            case Markup m -> appendStringRepr(out.append("Markup("), m.text()).append(')');
            case PyRange range -> out.append(range.repr());
            case DictView view -> appendSequence(out.append(view.kind()).append('('), view, "[", "]", active).append(')');
            case PyTuple tuple -> {
                appendSequence(out, tuple, "(", "", active);
                out.append(tuple.size() == 1 ? ",)" : ")");
            }
            case List<?> list -> appendSequence(out, list, "[", "]", active);
            case Map<?, ?> map -> appendMap(out, map, active);
            case Namespace ns -> appendMap(out.append("<Namespace "), ns.attributes(), active).append('>');
            case PyGenerator ignored -> out.append("<generator object>");
            case LoopState loop -> out.append("<LoopContext ").append(loop.index()).append('/').append(loop.length()).append('>');
            case Macro macro -> out.append("<Macro ").append(repr(macro.name())).append('>');
            case JinjaFunction ignored -> out.append("<function>");
            default -> out.append(value);
        }
    }

    private static StringBuilder appendSequence(StringBuilder out, Collection<?> items, String open, String close,
                                                IdentityHashMap<Object, Boolean> active) {
        if (active.put(items, Boolean.TRUE) != null) {
            return out.append(open).append("...").append(close.isEmpty() ? ")" : close);
        }
        out.append(open);
        Iterator<?> it = items.iterator();
        while (it.hasNext()) {
            appendRepr(out, it.next(), active);
            if (it.hasNext()) {
                out.append(", ");
            }
        }
        active.remove(items);
        return out.append(close);
    }

    private static StringBuilder appendMap(StringBuilder out, Map<?, ?> map, IdentityHashMap<Object, Boolean> active) {
        if (active.put(map, Boolean.TRUE) != null) {
            return out.append("{...}");
        }
        out.append('{');
        Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<?, ?> entry = it.next();
            appendRepr(out, entry.getKey(), active);
            out.append(": ");
            appendRepr(out, entry.getValue(), active);
            if (it.hasNext()) {
                out.append(", ");
            }
        }
        active.remove(map);
        return out.append('}');
    }

    /** A string literal as Python writes it: single quotes unless the text has one and no double quote. */
    private static StringBuilder appendStringRepr(StringBuilder out, String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        out.append(quote);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (cp == quote) {
                        out.append('\\').append(quote);
                    } else if (isPrintable(cp)) {
                        out.appendCodePoint(cp);
                    } else if (cp < 0x100) {
                        out.append(String.format("\\x%02x", cp));
                    } else if (cp < 0x10000) {
                        out.append(String.format("\\u%04x", cp));
                    } else {
                        out.append(String.format("\\U%08x", cp));
                    }
                }
            }
        }
        return out.append(quote);
    }

    /** Python's {@code str.isprintable()} for one character: not a control, format, separator (but space) or unassigned. */
    private static boolean isPrintable(int cp) {
        if (cp == ' ') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
                 Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }

    /**
     * Python's {@code repr(float)}: the shortest digits that round-trip (Java's {@code Double.toString} finds the same
     * digits since JDK 19), written positionally when the decimal exponent is between -4 and 16, else as
     * {@code 1e+16}.
     */
    static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        String java = Double.toString(Math.abs(d));
        String mantissa = java;
        int exponent = 0;
        int e = java.indexOf('E');
        if (e >= 0) {
            mantissa = java.substring(0, e);
            exponent = Integer.parseInt(java.substring(e + 1));
        }
        int dot = mantissa.indexOf('.');
        String digits = mantissa.substring(0, dot) + mantissa.substring(dot + 1);
        int pointPosition = dot + exponent;
        int leadingZeros = 0;
        while (leadingZeros < digits.length() - 1 && digits.charAt(leadingZeros) == '0') {
            leadingZeros++;
        }
        digits = digits.substring(leadingZeros);
        pointPosition -= leadingZeros;
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        digits = digits.substring(0, end);
        StringBuilder out = new StringBuilder(d < 0 ? "-" : "");
        if (pointPosition > 16 || pointPosition < -3) {
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits, 1, digits.length());
            }
            int exp = pointPosition - 1;
            out.append('e').append(exp < 0 ? '-' : '+');
            String expDigits = Integer.toString(Math.abs(exp));
            return out.append(expDigits.length() < 2 ? "0" + expDigits : expDigits).toString();
        }
        if (pointPosition <= 0) {
            return out.append("0.").append("0".repeat(-pointPosition)).append(digits).toString();
        }
        if (pointPosition >= digits.length()) {
            return out.append(digits).append("0".repeat(pointPosition - digits.length())).append(".0").toString();
        }
        return out.append(digits, 0, pointPosition).append('.').append(digits, pointPosition, digits.length()).toString();
    }
}
