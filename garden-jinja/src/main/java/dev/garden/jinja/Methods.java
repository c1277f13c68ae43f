package dev.garden.jinja;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Python methods templates call on strings, dicts and lists ({@code s.startswith(...)}, {@code d.items()}).
 * Like Hugging Face's {@code ImmutableSandboxedEnvironment}, methods that would change a list or dict exist but fail
 * when called, with jinja2's SecurityError message.
 */
final class Methods {
    private static final Set<String> UNSAFE_DICT_METHODS = Set.of("clear", "pop", "popitem", "setdefault", "update");
    private static final Set<String> UNSAFE_LIST_METHODS =
            Set.of("append", "clear", "pop", "reverse", "insert", "sort", "extend", "remove");
    /** markupsafe wraps these so that their string arguments are escaped and the result is Markup again. */
    private static final Set<String> MARKUP_PRESERVING = Set.of("capitalize", "title", "lower", "upper", "replace",
            "ljust", "rjust", "lstrip", "rstrip", "center", "strip", "swapcase", "zfill");

    private Methods() {
    }

    /** A method bound to its object, callable from templates. */
    record BoundMethod(Object self, String name, JinjaFunction body) implements InternalFunction {
        @Override
        public Object call(List<Object> args, Map<String, Object> kwargs) {
            return body.call(args, kwargs);
        }
    }

    /**
     * The method {@code name} of {@code self}; an {@link Undefined} carrying the SecurityError message for a method
     * that would change it (as jinja2's sandbox returns); {@code null} when there is no such method.
     */
    static Object bind(Object self, String name) {
        if (self instanceof Map<?, ?> && UNSAFE_DICT_METHODS.contains(name)) {
            return unsafe(name, "dict");
        }
        if (self instanceof List<?> && !(self instanceof PyTuple) && !(self instanceof PyRange)
                && !(self instanceof DictView) && UNSAFE_LIST_METHODS.contains(name)) {
            return unsafe(name, "list");
        }
        JinjaFunction body = switch (self) {
            case String s -> stringMethod(s, name);
            case Markup m -> markupMethod(m, name);
            case Map<?, ?> map -> dictMethod(map, name);
            case PyTuple tuple -> sequenceMethod(tuple, name, "tuple");
            case DictView ignored -> null;
            case PyRange range -> sequenceMethod(range, name, "range");
            case List<?> list -> sequenceMethod(list, name, "list");
            case null, default -> null;
        };
        return body == null ? null : new BoundMethod(self, name, body);
    }

    private static Undefined unsafe(String name, String type) {
        return Undefined.hint("access to attribute '" + name + "' of '" + type + "' object is unsafe.");
    }

    private static JinjaFunction dictMethod(Map<?, ?> map, String name) {
        return switch (name) {
            case "get" -> (args, kwargs) -> {
                Args a = Args.bind("get", args, kwargs, "key", "default");
                return PyTypes.mapGet(map, PyTypes.key(a.required(0)), a.get(1, null));
            };
            case "items" -> (args, kwargs) -> {
                Args.bind("items", args, kwargs);
                List<Object> items = new ArrayList<>(map.size());
                map.forEach((k, v) -> items.add(PyTuple.of(k, v)));
                return new DictView("dict_items", items);
            };
            case "keys" -> (args, kwargs) -> {
                Args.bind("keys", args, kwargs);
                return new DictView("dict_keys", new ArrayList<>(map.keySet()));
            };
            case "values" -> (args, kwargs) -> {
                Args.bind("values", args, kwargs);
                return new DictView("dict_values", new ArrayList<>(map.values()));
            };
            case "copy" -> (args, kwargs) -> new java.util.LinkedHashMap<>(map);
            default -> null;
        };
    }

    private static JinjaFunction sequenceMethod(List<?> list, String name, String type) {
        return switch (name) {
            case "index" -> (args, kwargs) -> {
                Object item = Args.bind("index", args, kwargs, "value").required(0);
                for (int i = 0; i < list.size(); i++) {
                    if (PyOps.equal(list.get(i), item)) {
                        return (long) i;
                    }
                }
                throw new TemplateRenderException(type.equals("list") ? PyRepr.repr(item) + " is not in list"
                        : type + ".index(x): x not in " + type);
            };
            case "count" -> (args, kwargs) -> {
                Object item = Args.bind("count", args, kwargs, "value").required(0);
                return list.stream().filter(candidate -> PyOps.equal(candidate, item)).count();
            };
            case "copy" -> type.equals("list") ? (args, kwargs) -> new ArrayList<>(list) : null;
            default -> null;
        };
    }

    private static JinjaFunction markupMethod(Markup markup, String name) {
        JinjaFunction plain = stringMethod(markup.text(), name);
        if (plain == null) {
            return null;
        }
        if (MARKUP_PRESERVING.contains(name)) {
            return (args, kwargs) -> new Markup(PyRepr.str(plain.call(escapeAll(args), kwargs)));
        }
        return switch (name) {
            case "join" -> (args, kwargs) -> {
                List<String> escaped = new ArrayList<>();
                for (Object item : PyTypes.iterate(Args.bind("join", args, kwargs, "iterable").required(0))) {
                    escaped.add(Markup.escape(item).text());
                }
                return new Markup(String.join(markup.text(), escaped));
            };
            case "split", "rsplit", "splitlines" -> (args, kwargs) -> {
                List<Object> parts = new ArrayList<>();
                for (Object part : (List<?>) plain.call(args, kwargs)) {
                    parts.add(new Markup((String) part));
                }
                return parts;
            };
            case "format" -> (args, kwargs) -> new Markup(PyFormat.format(markup.text(), escapeAll(args),
                    escapeAll(kwargs)));
            default -> plain;
        };
    }

    private static List<Object> escapeAll(List<Object> args) {
        return args.stream().map(arg -> PyTypes.isString(arg) ? (Object) Markup.escape(arg).text() : arg).toList();
    }

    private static Map<String, Object> escapeAll(Map<String, Object> kwargs) {
        Map<String, Object> escaped = new java.util.LinkedHashMap<>();
        kwargs.forEach((k, v) -> escaped.put(k, PyTypes.isString(v) ? Markup.escape(v).text() : v));
        return escaped;
    }

    private static JinjaFunction stringMethod(String s, String name) {
        return switch (name) {
            case "upper" -> noArgs(name, () -> PyStrings.upper(s));
            case "lower", "casefold" -> noArgs(name, () -> PyStrings.lower(s));
            case "title" -> noArgs(name, () -> PyStrings.title(s));
            case "capitalize" -> noArgs(name, () -> PyStrings.capitalize(s));
            case "swapcase" -> noArgs(name, () -> PyStrings.swapcase(s));
            case "strip", "lstrip", "rstrip" -> (args, kwargs) -> {
                String chars = Args.bind(name, args, kwargs, "chars").getString(0, null);
                return PyStrings.strip(s, chars, !name.equals("rstrip"), !name.equals("lstrip"));
            };
            case "split", "rsplit" -> (args, kwargs) -> {
                Args a = Args.bind(name, args, kwargs, "sep", "maxsplit");
                String sep = a.getString(0, null);
                long maxsplit = a.getLong(1, -1);
                return name.equals("split") ? PyStrings.split(s, sep, maxsplit) : PyStrings.rsplit(s, sep, maxsplit);
            };
            case "splitlines" -> (args, kwargs) ->
                    PyStrings.splitlines(s, Args.bind(name, args, kwargs, "keepends").getBoolean(0, false));
            case "startswith", "endswith" -> (args, kwargs) -> affix(s, name, Args.bind(name, args, kwargs,
                    "prefix", "start", "end"));
            case "replace" -> (args, kwargs) -> {
                Args a = Args.bind(name, args, kwargs, "old", "new", "count");
                return PyStrings.replace(s, a.getString(0, null), a.getString(1, null), a.getLong(2, -1));
            };
            case "find", "rfind", "index", "rindex", "count" -> (args, kwargs) -> search(s, name,
                    Args.bind(name, args, kwargs, "sub", "start", "end"));
            case "join" -> (args, kwargs) -> join(s, Args.bind(name, args, kwargs, "iterable").required(0));
            case "format" -> (args, kwargs) -> PyFormat.format(s, args, kwargs);
            case "center", "ljust", "rjust" -> (args, kwargs) -> {
                Args a = Args.bind(name, args, kwargs, "width", "fillchar");
                String fill = a.getString(1, " ");
                if (PyStrings.length(fill) != 1) {
                    throw new TemplateRenderException("The fill character must be exactly one character long");
                }
                char align = name.equals("center") ? '^' : name.equals("ljust") ? '<' : '>';
                return PyStrings.pad(s, PyTypes.toLong(a.required(0)), fill, align);
            };
            case "zfill" -> (args, kwargs) -> PyStrings.zfill(s, PyTypes.toLong(Args.bind(name, args, kwargs,
                    "width").required(0)));
            case "partition", "rpartition" -> (args, kwargs) -> partition(s, name,
                    Args.bind(name, args, kwargs, "sep").getString(0, null));
            case "removeprefix" -> (args, kwargs) -> {
                String prefix = Args.bind(name, args, kwargs, "prefix").getString(0, null);
                return s.startsWith(prefix) ? s.substring(prefix.length()) : s;
            };
            case "removesuffix" -> (args, kwargs) -> {
                String suffix = Args.bind(name, args, kwargs, "suffix").getString(0, null);
                return !suffix.isEmpty() && s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
            };
            case "isdigit", "isdecimal" -> noArgs(name, () -> PyStrings.isDigits(s));
            case "isnumeric" -> noArgs(name, () -> PyStrings.isNumeric(s));
            case "isalpha" -> noArgs(name, () -> PyStrings.isAlpha(s));
            case "isalnum" -> noArgs(name, () -> PyStrings.isAlnum(s));
            case "isspace" -> noArgs(name, () -> PyStrings.isSpaces(s));
            case "islower" -> noArgs(name, () -> PyStrings.isLower(s));
            case "isupper" -> noArgs(name, () -> PyStrings.isUpper(s));
            case "istitle" -> noArgs(name, () -> !s.isEmpty() && PyStrings.title(s).equals(s)
                    && s.codePoints().anyMatch(Character::isLetter));
            default -> null;
        };
    }

    private static JinjaFunction noArgs(String name, java.util.function.Supplier<Object> body) {
        return (args, kwargs) -> {
            Args.bind(name, args, kwargs);
            return body.get();
        };
    }

    private static boolean affix(String s, String name, Args a) {
        Object affix = a.required(0);
        int[] cps = PyStrings.codePoints(s);
        int[] range = sliceRange(cps.length, a.get(1, null), a.get(2, null));
        String window = range[0] > range[1] ? null : PyStrings.fromCodePoints(cps, range[0], range[1]);
        List<?> candidates = affix instanceof PyTuple tuple ? tuple : List.of(affix);
        for (Object candidate : candidates) {
            String text = PyTypes.stringOrNull(candidate);
            if (text == null) {
                throw new TemplateRenderException(affix instanceof PyTuple
                        ? "tuple for " + name + " must only contain str, not " + PyTypes.typeName(candidate)
                        : name + " first arg must be str or a tuple of str, not " + PyTypes.typeName(candidate));
            }
            if (window != null && (name.equals("startswith") ? window.startsWith(text) : window.endsWith(text))) {
                return true;
            }
        }
        return false;
    }

    /** Python's handling of optional {@code start} and {@code end} bounds: negative counts from the end, clamped. */
    private static int[] sliceRange(int length, Object start, Object end) {
        long from = start == null ? 0 : PyTypes.toLong(start);
        long to = end == null ? length : PyTypes.toLong(end);
        if (from < 0) {
            from = Math.max(0, from + length);
        }
        if (to < 0) {
            to = Math.max(0, to + length);
        }
        return new int[] {(int) Math.min(from, length), (int) Math.min(to, length)};
    }

    private static Object search(String s, String name, Args a) {
        String sub = a.getString(0, null);
        int[] cps = PyStrings.codePoints(s);
        int[] range = sliceRange(cps.length, a.get(1, null), a.get(2, null));
        if (range[0] > range[1]) {
            if (name.equals("count")) {
                return 0L;
            }
            return notFound(name);
        }
        String window = PyStrings.fromCodePoints(cps, range[0], range[1]);
        if (name.equals("count")) {
            return PyStrings.count(window, sub);
        }
        int offset = name.startsWith("r") ? window.lastIndexOf(sub) : window.indexOf(sub);
        if (offset < 0) {
            return notFound(name);
        }
        return (long) (PyStrings.index(window, offset) + range[0]);
    }

    private static Object notFound(String name) {
        if (name.endsWith("index")) {
            throw new TemplateRenderException("substring not found");
        }
        return -1L;
    }

    private static Object join(String separator, Object iterable) {
        StringBuilder out = new StringBuilder();
        int index = 0;
        for (Object item : PyTypes.iterate(iterable)) {
            String text = PyTypes.stringOrNull(item);
            if (text == null) {
                throw new TemplateRenderException("sequence item " + index + ": expected str instance, "
                        + PyTypes.typeName(item) + " found");
            }
            if (index++ > 0) {
                out.append(separator);
            }
            out.append(text);
        }
        return out.toString();
    }

    private static Object partition(String s, String name, String sep) {
        if (sep.isEmpty()) {
            throw new TemplateRenderException("empty separator");
        }
        int at = name.equals("partition") ? s.indexOf(sep) : s.lastIndexOf(sep);
        if (at < 0) {
            return name.equals("partition") ? PyTuple.of(s, "", "") : PyTuple.of("", "", s);
        }
        return PyTuple.of(s.substring(0, at), sep, s.substring(at + sep.length()));
    }
}
