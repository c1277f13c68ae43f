package dev.garden.jinja;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * jinja2's filters as they behave with autoescaping off, plus Hugging Face's {@code tojson}. The filters that work
 * on sequences live in {@link SequenceFilters}.
 */
final class Filters {
    @FunctionalInterface
    interface Filter {
        Object apply(Object value, List<Object> args, Map<String, Object> kwargs, Evaluator evaluator);
    }

    /** Filters jinja2 has but this engine does not; templates that use them fail only if they reach them. */
    private static final Set<String> UNSUPPORTED = Set.of("filesizeformat", "pprint", "random", "urlencode", "urlize",
            "wordwrap", "xmlattr");
    private static final Pattern WORD_BEGINNING = Pattern.compile("([-\\s({\\[<]+)", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Map<String, Filter> FILTERS = new HashMap<>();

    static {
        FILTERS.put("abs", (v, a, k, e) -> abs(v, a, k));
        FILTERS.put("capitalize", (v, a, k, e) -> keepMarkup(v, PyStrings.capitalize(softStr("capitalize", v, a, k))));
        FILTERS.put("center", (v, a, k, e) -> keepMarkup(v, PyStrings.pad(PyRepr.str(v),
                Args.bind("center", a, k, "width").getLong(0, 80), " ", '^')));
        FILTERS.put("default", Filters::defaultValue);
        FILTERS.put("d", Filters::defaultValue);
        FILTERS.put("escape", (v, a, k, e) -> Markup.escape(none("escape", v, a, k)));
        FILTERS.put("e", (v, a, k, e) -> Markup.escape(none("e", v, a, k)));
        FILTERS.put("forceescape", (v, a, k, e) -> new Markup(Markup.escapeText(PyRepr.str(none("forceescape", v, a, k)))));
        FILTERS.put("float", (v, a, k, e) -> toFloat(v, Args.bind("float", a, k, "default").get(0, 0.0)));
        FILTERS.put("format", (v, a, k, e) -> format(v, a, k));
        FILTERS.put("indent", (v, a, k, e) -> indent(v, Args.bind("indent", a, k, "width", "first", "blank")));
        FILTERS.put("int", (v, a, k, e) -> {
            Args args = Args.bind("int", a, k, "default", "base");
            return toInt(v, args.get(0, 0L), args.getLong(1, 10));
        });
        FILTERS.put("lower", (v, a, k, e) -> keepMarkup(v, PyStrings.lower(softStr("lower", v, a, k))));
        FILTERS.put("upper", (v, a, k, e) -> keepMarkup(v, PyStrings.upper(softStr("upper", v, a, k))));
        FILTERS.put("replace", (v, a, k, e) -> {
            Args args = Args.bind("replace", a, k, "old", "new", "count");
            Object count = args.get(2, null);
            return PyStrings.replace(PyRepr.str(v), PyRepr.str(args.required(0)), PyRepr.str(args.required(1)),
                    count == null ? -1 : PyTypes.toLong(count));
        });
        FILTERS.put("round", (v, a, k, e) -> round(v, Args.bind("round", a, k, "precision", "method")));
        FILTERS.put("safe", (v, a, k, e) -> v instanceof Markup ? v : new Markup(PyRepr.str(none("safe", v, a, k))));
        FILTERS.put("string", (v, a, k, e) -> v instanceof Markup ? v : PyRepr.str(none("string", v, a, k)));
        FILTERS.put("striptags", (v, a, k, e) -> striptags(PyRepr.str(none("striptags", v, a, k))));
        FILTERS.put("title", (v, a, k, e) -> title(softStr("title", v, a, k)));
        FILTERS.put("tojson", (v, a, k, e) -> {
            Args args = Args.bind("tojson", a, k, "ensure_ascii", "indent", "separators", "sort_keys");
            return JsonEncoder.dumps(v, args.getBoolean(0, false), args.get(1, null), args.get(2, null),
                    args.getBoolean(3, false));
        });
        FILTERS.put("trim", (v, a, k, e) -> {
            String chars = Args.bind("trim", a, k, "chars").getString(0, null);
            return keepMarkup(v, PyStrings.strip(PyRepr.str(v), chars, true, true));
        });
        FILTERS.put("truncate", (v, a, k, e) -> truncate(v, Args.bind("truncate", a, k, "length", "killwords", "end",
                "leeway")));
        FILTERS.put("wordcount", (v, a, k, e) -> {
            Matcher words = WORD.matcher(softStr("wordcount", v, a, k));
            long count = 0;
            while (words.find()) {
                count++;
            }
            return count;
        });
        SequenceFilters.register(FILTERS);
    }

    private Filters() {
    }

    static boolean isKnown(String name) {
        return FILTERS.containsKey(name) || UNSUPPORTED.contains(name);
    }

    static Object apply(String name, Object value, List<Object> args, Map<String, Object> kwargs, Evaluator evaluator) {
        Filter filter = FILTERS.get(name);
        if (filter == null) {
            throw new TemplateRenderException(UNSUPPORTED.contains(name)
                    ? "The filter '" + name + "' is not supported by this template engine."
                    : "No filter named '" + name + "' found.");
        }
        Object result = filter.apply(value, args, kwargs, evaluator);
        if (result instanceof String s) {
            evaluator.limits().checkLength(s.length());
        }
        return result;
    }

    /** A filter that takes no arguments: checks there are none, and passes the value on. */
    private static Object none(String name, Object value, List<Object> args, Map<String, Object> kwargs) {
        Args.bind(name, args, kwargs);
        return value;
    }

    /** jinja2's {@code soft_str}: strings as they are, anything else through {@code str()}. */
    private static String softStr(String name, Object value, List<Object> args, Map<String, Object> kwargs) {
        return PyRepr.str(none(name, value, args, kwargs));
    }

    /** markupsafe keeps Markup through string methods, so the filters that call one keep it too. */
    private static Object keepMarkup(Object input, String result) {
        return input instanceof Markup ? new Markup(result) : result;
    }

    private static Object abs(Object value, List<Object> args, Map<String, Object> kwargs) {
        none("abs", value, args, kwargs);
        if (PyTypes.isFloat(value)) {
            return Math.abs(PyTypes.toDouble(value));
        }
        if (PyTypes.isNumber(value)) {
            return Math.abs(PyTypes.toLong(value));
        }
        throw new TemplateRenderException("bad operand type for abs(): '" + PyTypes.typeName(value) + "'");
    }

    private static Object defaultValue(Object value, List<Object> args, Map<String, Object> kwargs, Evaluator e) {
        Args a = Args.bind("default", args, kwargs, "default_value", "boolean");
        if (value instanceof Undefined || a.getBoolean(1, false) && !PyTypes.truthy(value)) {
            return a.get(0, "");
        }
        return value;
    }

    private static Object toFloat(Object value, Object defaultValue) {
        if (value instanceof Undefined u) {
            throw u.error();
        }
        if (PyTypes.isNumber(value)) {
            return PyTypes.toDouble(value);
        }
        String text = PyTypes.stringOrNull(value);
        if (text != null) {
            Double parsed = parsePythonFloat(text);
            if (parsed != null) {
                return parsed;
            }
        }
        return defaultValue;
    }

    /** Python's {@code float(str)}: surrounding whitespace, underscores between digits, inf and nan allowed. */
    static Double parsePythonFloat(String text) {
        String t = PyStrings.strip(text).toLowerCase();
        String unsigned = t.startsWith("+") || t.startsWith("-") ? t.substring(1) : t;
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (unsigned.equals("nan")) {
            return Double.NaN;
        }
        if (!t.matches("[+-]?(\\d(_?\\d)*)?(\\.(\\d(_?\\d)*)?)?(e[+-]?\\d(_?\\d)*)?") || !t.matches(".*\\d.*")
                || t.matches("[+-]?\\.?e.*")) {
            return null;
        }
        try {
            return Double.parseDouble(t.replace("_", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Object toInt(Object value, Object defaultValue, long base) {
        if (value instanceof Undefined u) {
            throw u.error();
        }
        if (PyTypes.isFloat(value)) {
            double d = PyTypes.toDouble(value);
            return Double.isFinite(d) ? (Object) (long) d : defaultValue;
        }
        if (PyTypes.isNumber(value)) {
            return PyTypes.toLong(value);
        }
        String text = PyTypes.stringOrNull(value);
        if (text == null) {
            return defaultValue;
        }
        Long parsed = parsePythonInt(PyStrings.strip(text), base);
        if (parsed != null) {
            return parsed;
        }
        Double asFloat = parsePythonFloat(text);
        return asFloat != null && Double.isFinite(asFloat) ? (Object) asFloat.longValue() : defaultValue;
    }

    /** Python's {@code int(str, base)}, with base 0 or a matching prefix allowed for bases 2, 8 and 16. */
    private static Long parsePythonInt(String text, long base) {
        String t = text.toLowerCase();
        boolean negative = t.startsWith("-");
        if (negative || t.startsWith("+")) {
            t = t.substring(1);
        }
        long radix = base;
        if (t.length() > 2 && t.charAt(0) == '0' && "box".indexOf(t.charAt(1)) >= 0) {
            long prefixed = switch (t.charAt(1)) {
                case 'b' -> 2;
                case 'o' -> 8;
                default -> 16;
            };
            if (radix == 0 || radix == prefixed) {
                radix = prefixed;
                t = t.substring(2);
                if (t.startsWith("_")) {
                    t = t.substring(1);
                }
            }
        }
        if (radix == 0) {
            radix = 10;
        }
        if (t.isEmpty() || t.startsWith("_") || t.endsWith("_") || t.contains("__") || radix < 2 || radix > 36) {
            return null;
        }
        try {
            long magnitude = Long.parseLong(t.replace("_", ""), (int) radix);
            return negative ? -magnitude : magnitude;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Object format(Object value, List<Object> args, Map<String, Object> kwargs) {
        if (!args.isEmpty() && !kwargs.isEmpty()) {
            throw new TemplateRenderException("can't handle positional and keyword arguments at the same time");
        }
        Object values = kwargs.isEmpty() ? new PyTuple(args) : new java.util.LinkedHashMap<>(kwargs);
        String result = PyFormat.percent(PyRepr.str(value), values);
        return value instanceof Markup ? new Markup(result) : result;
    }

    private static Object indent(Object value, Args args) {
        Object width = args.get(0, 4L);
        boolean first = args.getBoolean(1, false);
        boolean blank = args.getBoolean(2, false);
        if (value instanceof Undefined u) {
            throw u.error();
        }
        String indention = PyTypes.isString(width) ? PyTypes.stringOrNull(width) : " ".repeat((int) Math.max(0, PyTypes.toLong(width)));
        // jinja2 appends a newline first so that splitlines() keeps a trailing empty line.
        List<Object> lines = PyStrings.splitlines(PyRepr.str(value) + "\n", false);
        StringBuilder out = new StringBuilder();
        if (blank) {
            for (int i = 0; i < lines.size(); i++) {
                out.append(i == 0 ? "" : "\n" + indention).append(lines.get(i));
            }
        } else {
            out.append(lines.getFirst());
            for (int i = 1; i < lines.size(); i++) {
                String line = (String) lines.get(i);
                out.append('\n').append(line.isEmpty() ? "" : indention).append(line);
            }
        }
        String result = first ? indention + out : out.toString();
        return keepMarkup(value, result);
    }

    private static Object round(Object value, Args args) {
        long precision = args.getLong(0, 0);
        String method = args.getString(1, "common");
        if (!Set.of("common", "ceil", "floor").contains(method)) {
            throw new TemplateRenderException("method must be common, ceil or floor");
        }
        if (!PyTypes.isNumber(value)) {
            throw new TemplateRenderException("type " + PyTypes.typeName(value) + " doesn't define __round__ method");
        }
        if (method.equals("common")) {
            if (!PyTypes.isFloat(value)) {
                long n = PyTypes.toLong(value);
                return precision >= 0 ? n : new BigDecimal(n).setScale((int) precision, RoundingMode.HALF_EVEN).longValue();
            }
            double d = PyTypes.toDouble(value);
            if (!Double.isFinite(d)) {
                return d;
            }
            return new BigDecimal(d).setScale((int) precision, RoundingMode.HALF_EVEN).doubleValue();
        }
        double scale = Math.pow(10, precision);
        double scaled = PyTypes.toDouble(value) * scale;
        return (method.equals("ceil") ? Math.ceil(scaled) : Math.floor(scaled)) / scale;
    }

    private static String striptags(String value) {
        String withoutComments = value.replaceAll("(?s)<!--.*?-->", "");
        String withoutTags = withoutComments.replaceAll("(?s)<.*?>", "");
        String collapsed = String.join(" ", PyStrings.split(withoutTags, null, -1).stream().map(String.class::cast).toList());
        return collapsed.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&#34;", "\"").replace("&amp;", "&");
    }

    /** jinja2's {@code title}: each piece between dashes, spaces and opening brackets gets one capital. */
    private static String title(String value) {
        StringBuilder out = new StringBuilder();
        Matcher separators = WORD_BEGINNING.matcher(value);
        int last = 0;
        while (separators.find()) {
            appendTitled(out, value.substring(last, separators.start()));
            out.append(separators.group());
            last = separators.end();
        }
        appendTitled(out, value.substring(last));
        return out.toString();
    }

    private static void appendTitled(StringBuilder out, String item) {
        if (!item.isEmpty()) {
            int first = item.codePointAt(0);
            out.append(PyStrings.upper(Character.toString(first)))
                    .append(PyStrings.lower(item.substring(Character.charCount(first))));
        }
    }

    private static Object truncate(Object value, Args args) {
        long length = args.getLong(0, 255);
        boolean killwords = args.getBoolean(1, false);
        String end = args.getString(2, "...");
        long leeway = args.getLong(3, 5);
        if (length < PyStrings.length(end)) {
            throw new TemplateRenderException("expected length >= " + PyStrings.length(end) + ", got " + length);
        }
        if (PyTypes.length(value) <= length + leeway) {
            return value;
        }
        int[] cps = PyStrings.codePoints(PyRepr.str(value));
        String head = PyStrings.fromCodePoints(cps, 0, (int) Math.min(cps.length, length - PyStrings.length(end)));
        if (!killwords) {
            int space = head.lastIndexOf(' ');
            head = space >= 0 ? head.substring(0, space) : head;
        }
        return head + end;
    }
}
