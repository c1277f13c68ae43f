package dev.garden.jinja;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * Python's string formatting: {@code str.format} with its format-spec mini-language, and the printf-style
 * {@code %} operator. Floats are rounded half-to-even on their exact binary value, as CPython does.
 */
final class PyFormat {
    private PyFormat() {
    }

    /** {@code template.format(*args, **kwargs)}. */
    static String format(String template, List<Object> args, Map<String, Object> kwargs) {
        StringBuilder out = new StringBuilder();
        int[] autoIndex = {0};
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '}') {
                if (i + 1 < template.length() && template.charAt(i + 1) == '}') {
                    out.append('}');
                    i += 2;
                    continue;
                }
                throw new TemplateRenderException("Single '}' encountered in format string");
            }
            if (c != '{') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 < template.length() && template.charAt(i + 1) == '{') {
                out.append('{');
                i += 2;
                continue;
            }
            int end = matchingBrace(template, i);
            out.append(replacementField(template.substring(i + 1, end), args, kwargs, autoIndex));
            i = end + 1;
        }
        return out.toString();
    }

    private static int matchingBrace(String template, int open) {
        int depth = 0;
        for (int i = open; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        throw new TemplateRenderException("expected '}' before end of string");
    }

    private static String replacementField(String field, List<Object> args, Map<String, Object> kwargs,
                                           int[] autoIndex) {
        int colon = -1;
        int bang = -1;
        int bracket = 0;
        for (int i = 0; i < field.length() && colon < 0; i++) {
            char c = field.charAt(i);
            if (c == '[') {
                bracket++;
            } else if (c == ']') {
                bracket--;
            } else if (bracket == 0 && c == ':') {
                colon = i;
            } else if (bracket == 0 && c == '!' && bang < 0) {
                bang = i;
            }
        }
        String spec = colon >= 0 ? field.substring(colon + 1) : "";
        String head = colon >= 0 ? field.substring(0, colon) : field;
        String conversion = bang >= 0 ? head.substring(bang + 1) : null;
        String name = bang >= 0 ? head.substring(0, bang) : head;
        Object value = resolveField(name, args, kwargs, autoIndex);
        if (conversion != null) {
            value = switch (conversion) {
                case "s" -> PyRepr.str(value);
                case "r", "a" -> PyRepr.repr(value);
                default -> throw new TemplateRenderException("Unknown conversion specifier " + conversion);
            };
        }
        if (spec.indexOf('{') >= 0) {
            spec = format(spec, args, kwargs);
        }
        return formatValue(value, spec);
    }

    private static Object resolveField(String name, List<Object> args, Map<String, Object> kwargs, int[] autoIndex) {
        int end = 0;
        while (end < name.length() && name.charAt(end) != '.' && name.charAt(end) != '[') {
            end++;
        }
        String first = name.substring(0, end);
        Object value;
        if (first.isEmpty()) {
            if (autoIndex[0] < 0) {
                throw new TemplateRenderException(
                        "cannot switch from manual field specification to automatic field numbering");
            }
            value = positional(args, autoIndex[0]++);
        } else if (first.chars().allMatch(Character::isDigit)) {
            if (autoIndex[0] > 0) {
                throw new TemplateRenderException(
                        "cannot switch from automatic field numbering to manual field specification");
            }
            autoIndex[0] = -1;
            value = positional(args, Integer.parseInt(first));
        } else {
            if (!kwargs.containsKey(first)) {
                throw new TemplateRenderException("KeyError: " + PyRepr.repr(first));
            }
            value = kwargs.get(first);
        }
        int i = end;
        while (i < name.length()) {
            if (name.charAt(i) == '.') {
                int next = i + 1;
                while (next < name.length() && name.charAt(next) != '.' && name.charAt(next) != '[') {
                    next++;
                }
                value = Access.attribute(value, name.substring(i + 1, next));
                i = next;
            } else {
                int close = name.indexOf(']', i);
                String key = name.substring(i + 1, close);
                value = Access.item(value, key.chars().allMatch(Character::isDigit) && !key.isEmpty()
                        ? (Object) Long.parseLong(key) : key);
                i = close + 1;
            }
        }
        return value;
    }

    private static Object positional(List<Object> args, int index) {
        if (index >= args.size()) {
            throw new TemplateRenderException("Replacement index " + index + " out of range for positional args tuple");
        }
        return args.get(index);
    }

    /** Python's {@code format(value, spec)}. */
    static String formatValue(Object value, String spec) {
        if (spec.isEmpty()) {
            return PyRepr.str(value);
        }
        FormatSpec parsed = FormatSpec.parse(spec);
        String text = PyTypes.stringOrNull(value);
        if (text != null) {
            if (parsed.type != 0 && parsed.type != 's') {
                throw new TemplateRenderException("Unknown format code '" + parsed.type + "' for object of type 'str'");
            }
            if (parsed.precision >= 0 && parsed.precision < PyStrings.length(text)) {
                int[] cps = PyStrings.codePoints(text);
                text = PyStrings.fromCodePoints(cps, 0, parsed.precision);
            }
            return parsed.align(text, "", '<');
        }
        if (PyTypes.isNumber(value)) {
            return formatNumber(value, parsed);
        }
        throw new TemplateRenderException("unsupported format string passed to " + PyTypes.typeName(value)
                + ".__format__");
    }

    private static String formatNumber(Object value, FormatSpec spec) {
        char type = spec.type;
        boolean integral = !PyTypes.isFloat(value);
        if (integral && (type == 0 || "bcdoxXn".indexOf(type) >= 0)) {
            long n = PyTypes.toLong(value);
            String digits = switch (type) {
                case 'b' -> Long.toBinaryString(Math.abs(n));
                case 'o' -> Long.toOctalString(Math.abs(n));
                case 'x' -> Long.toHexString(Math.abs(n));
                case 'X' -> Long.toHexString(Math.abs(n)).toUpperCase();
                case 'c' -> Character.toString((int) n);
                default -> Long.toString(Math.abs(n));
            };
            if (spec.alternate && "box".indexOf(Character.toLowerCase(type)) >= 0) {
                digits = "0" + (type == 'X' ? 'X' : type) + digits;
            }
            return spec.signed(n < 0, spec.group(digits));
        }
        if ("bcoxX".indexOf(type) >= 0) {
            throw new TemplateRenderException("Unknown format code '" + type + "' for object of type 'float'");
        }
        double d = PyTypes.toDouble(value);
        boolean negative = d < 0 || d == 0 && 1 / d < 0;
        double magnitude = Math.abs(d);
        String body;
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            body = Double.isNaN(d) ? "nan" : "inf";
            if (Character.isUpperCase(type)) {
                body = body.toUpperCase();
            }
        } else {
            body = switch (type) {
                case 'f', 'F' -> fixed(magnitude, spec.precision < 0 ? 6 : spec.precision);
                case 'e', 'E' -> scientific(magnitude, spec.precision < 0 ? 6 : spec.precision, type == 'E');
                case '%' -> fixed(magnitude * 100, spec.precision < 0 ? 6 : spec.precision) + "%";
                case 'g', 'G', 'n' -> general(magnitude, spec.precision < 0 ? 6 : spec.precision, spec.alternate,
                        type == 'G', false);
                default -> spec.precision < 0 ? PyRepr.floatRepr(magnitude)
                        : general(magnitude, spec.precision, spec.alternate, false, true);
            };
        }
        return spec.signed(negative, spec.group(body));
    }

    static String fixed(double magnitude, int precision) {
        return new BigDecimal(magnitude).setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
    }

    static String scientific(double magnitude, int precision, boolean upper) {
        String digits;
        int exponent;
        if (magnitude == 0) {
            digits = "0".repeat(precision + 1);
            exponent = 0;
        } else {
            BigDecimal rounded = new BigDecimal(magnitude).round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
            digits = rounded.unscaledValue().toString();
            exponent = digits.length() - 1 - rounded.scale();
            digits = (digits + "0".repeat(precision + 1)).substring(0, precision + 1);
        }
        StringBuilder out = new StringBuilder().append(digits.charAt(0));
        if (precision > 0) {
            out.append('.').append(digits, 1, digits.length());
        }
        String exp = Integer.toString(Math.abs(exponent));
        return out.append(upper ? 'E' : 'e').append(exponent < 0 ? '-' : '+')
                .append(exp.length() < 2 ? "0" + exp : exp).toString();
    }

    /**
     * The {@code g} presentation; {@code repr} is the empty presentation type with a precision, which keeps at
     * least one digit after the point.
     */
    static String general(double magnitude, int precision, boolean alternate, boolean upper, boolean repr) {
        int p = precision == 0 ? 1 : precision;
        if (magnitude == 0) {
            return alternate ? "0." + "0".repeat(p - 1) : repr ? "0.0" : "0";
        }
        BigDecimal rounded = new BigDecimal(magnitude).round(new MathContext(p, RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - 1 - rounded.scale();
        String out;
        // The empty presentation type switches to scientific notation one digit earlier than 'g' does.
        if (exponent >= -4 && exponent < (repr ? p - 1 : p)) {
            out = fixed(magnitude, p - 1 - exponent);
            if (!alternate && out.indexOf('.') >= 0) {
                out = out.replaceAll("0+$", "");
                out = out.endsWith(".") ? (repr ? out + "0" : out.substring(0, out.length() - 1)) : out;
            }
        } else {
            out = scientific(magnitude, p - 1, upper);
            if (!alternate) {
                int e = out.indexOf(upper ? 'E' : 'e');
                String mantissa = out.substring(0, e);
                if (mantissa.indexOf('.') >= 0) {
                    mantissa = mantissa.replaceAll("0+$", "");
                    mantissa = mantissa.endsWith(".") ? mantissa.substring(0, mantissa.length() - 1) : mantissa;
                }
                out = mantissa + out.substring(e);
            }
        }
        return out;
    }

    /** A parsed {@code [[fill]align][sign][#][0][width][,][.precision][type]}. */
    private static final class FormatSpec {
        char fill = ' ';
        char align;
        char sign = '-';
        boolean alternate;
        int width = -1;
        char grouping;
        int precision = -1;
        char type;

        static FormatSpec parse(String spec) {
            FormatSpec parsed = new FormatSpec();
            int i = 0;
            if (spec.length() >= 2 && "<>=^".indexOf(spec.charAt(1)) >= 0) {
                parsed.fill = spec.charAt(0);
                parsed.align = spec.charAt(1);
                i = 2;
            } else if (!spec.isEmpty() && "<>=^".indexOf(spec.charAt(0)) >= 0) {
                parsed.align = spec.charAt(0);
                i = 1;
            }
            if (i < spec.length() && "+- ".indexOf(spec.charAt(i)) >= 0) {
                parsed.sign = spec.charAt(i++);
            }
            if (i < spec.length() && spec.charAt(i) == '#') {
                parsed.alternate = true;
                i++;
            }
            if (i < spec.length() && spec.charAt(i) == '0') {
                if (parsed.align == 0) {
                    parsed.fill = '0';
                    parsed.align = '=';
                }
                i++;
            }
            int start = i;
            while (i < spec.length() && Character.isDigit(spec.charAt(i))) {
                i++;
            }
            if (i > start) {
                parsed.width = Integer.parseInt(spec.substring(start, i));
            }
            if (i < spec.length() && (spec.charAt(i) == ',' || spec.charAt(i) == '_')) {
                parsed.grouping = spec.charAt(i++);
            }
            if (i < spec.length() && spec.charAt(i) == '.') {
                start = ++i;
                while (i < spec.length() && Character.isDigit(spec.charAt(i))) {
                    i++;
                }
                parsed.precision = Integer.parseInt(spec.substring(start, i));
            }
            if (i < spec.length()) {
                parsed.type = spec.charAt(i++);
            }
            if (i < spec.length()) {
                throw new TemplateRenderException("Invalid format specifier '" + spec + "'");
            }
            return parsed;
        }

        String group(String body) {
            if (grouping == 0) {
                return body;
            }
            int end = 0;
            while (end < body.length() && Character.isDigit(body.charAt(end))) {
                end++;
            }
            StringBuilder grouped = new StringBuilder();
            for (int i = 0; i < end; i++) {
                if (i > 0 && (end - i) % 3 == 0) {
                    grouped.append(grouping);
                }
                grouped.append(body.charAt(i));
            }
            return grouped.append(body.substring(end)).toString();
        }

        String signed(boolean negative, String body) {
            String prefix = negative ? "-" : sign == '+' ? "+" : sign == ' ' ? " " : "";
            return align(body, prefix, '>');
        }

        String align(String body, String prefix, char defaultAlign) {
            int length = PyStrings.length(body) + prefix.length();
            if (width <= length) {
                return prefix + body;
            }
            String padding = String.valueOf(fill).repeat(width - length);
            return switch (align == 0 ? defaultAlign : align) {
                case '<' -> prefix + body + padding;
                case '^' -> {
                    int left = (width - length) / 2;
                    yield padding.substring(0, left) + prefix + body + padding.substring(left);
                }
                case '=' -> prefix + padding + body;
                default -> padding + prefix + body;
            };
        }
    }

    /** The printf-style {@code template % values}. */
    static String percent(String template, Object values) {
        List<?> args = values instanceof PyTuple tuple ? tuple : List.of();
        boolean single = !(values instanceof PyTuple);
        Map<?, ?> mapping = values instanceof Map<?, ?> map ? map : null;
        StringBuilder out = new StringBuilder();
        int next = 0;
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i++);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (i >= template.length()) {
                throw new TemplateRenderException("incomplete format");
            }
            Object value = null;
            boolean haveValue = false;
            if (template.charAt(i) == '(') {
                int close = template.indexOf(')', i);
                if (mapping == null) {
                    throw new TemplateRenderException("format requires a mapping");
                }
                value = PyTypes.mapGet(mapping, template.substring(i + 1, close), null);
                haveValue = true;
                i = close + 1;
            }
            StringBuilder flags = new StringBuilder();
            while (i < template.length() && "-+ #0".indexOf(template.charAt(i)) >= 0) {
                flags.append(template.charAt(i++));
            }
            int width = -1;
            int start = i;
            while (i < template.length() && Character.isDigit(template.charAt(i))) {
                i++;
            }
            if (i > start) {
                width = Integer.parseInt(template.substring(start, i));
            }
            int precision = -1;
            if (i < template.length() && template.charAt(i) == '.') {
                start = ++i;
                while (i < template.length() && Character.isDigit(template.charAt(i))) {
                    i++;
                }
                precision = i > start ? Integer.parseInt(template.substring(start, i)) : 0;
            }
            char conversion = template.charAt(i++);
            if (conversion == '%') {
                out.append('%');
                continue;
            }
            if (!haveValue) {
                if (single) {
                    if (next++ > 0) {
                        throw new TemplateRenderException("not enough arguments for format string");
                    }
                    value = values;
                } else {
                    if (next >= args.size()) {
                        throw new TemplateRenderException("not enough arguments for format string");
                    }
                    value = args.get(next++);
                }
            }
            out.append(percentOne(value, conversion, flags.toString(), width, precision));
        }
        if (mapping == null && (single ? next == 0 : next < args.size())) {
            throw new TemplateRenderException("not all arguments converted during string formatting");
        }
        return out.toString();
    }

    private static String percentOne(Object value, char conversion, String flags, int width, int precision) {
        StringBuilder spec = new StringBuilder();
        if (flags.indexOf('-') >= 0) {
            spec.append('<');
        } else if ("srac".indexOf(conversion) >= 0) {
            // printf right-aligns everything, where format() left-aligns strings.
            spec.append('>');
        } else if (flags.indexOf('0') >= 0 && conversion != 's' && conversion != 'r') {
            spec.append("0=");
        }
        if (flags.indexOf('+') >= 0) {
            spec.append('+');
        } else if (flags.indexOf(' ') >= 0) {
            spec.append(' ');
        }
        if (flags.indexOf('#') >= 0) {
            spec.append('#');
        }
        if (width >= 0) {
            spec.append(width);
        }
        if (precision >= 0) {
            spec.append('.').append(precision);
        }
        return switch (conversion) {
            case 's' -> formatValue(PyRepr.str(value), spec.toString());
            case 'r', 'a' -> formatValue(PyRepr.repr(value), spec.toString());
            case 'd', 'i', 'u' -> {
                if (!PyTypes.isNumber(value)) {
                    throw new TemplateRenderException("%" + conversion + " format: a real number is required, not "
                            + PyTypes.typeName(value));
                }
                long n = PyTypes.isFloat(value) ? (long) PyTypes.toDouble(value) : PyTypes.toLong(value);
                yield formatValue(n, spec.append('d').toString());
            }
            case 'f', 'F', 'e', 'E', 'g', 'G' -> {
                if (!PyTypes.isNumber(value)) {
                    throw new TemplateRenderException("must be real number, not " + PyTypes.typeName(value));
                }
                if (precision < 0) {
                    spec.append(".6");
                }
                yield formatValue(PyTypes.toDouble(value), spec.append(conversion).toString());
            }
            case 'x', 'X', 'o' -> formatValue(PyTypes.toLong(value), spec.append(conversion).toString());
            case 'c' -> formatValue(PyTypes.isString(value) ? value : Character.toString((int) PyTypes.toLong(value)),
                    spec.toString());
            default -> throw new TemplateRenderException("unsupported format character '" + conversion + "'");
        };
    }
}
