package dev.garden.jinja;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The functions every template sees, as in jinja2's default namespace: {@code range}, {@code dict}, {@code namespace}, {@code cycler}, {@code joiner}. */
final class Globals {
    private static final Map<String, Object> GLOBALS = Map.of(
            "range", (InternalFunction) Globals::range,
            "dict", (InternalFunction) Globals::dict,
            "namespace", (InternalFunction) Globals::namespace,
            "cycler", (InternalFunction) (args, kwargs) -> new Cycler(List.copyOf(args)),
            "joiner", (InternalFunction) Globals::joiner);

    private Globals() {
    }

    /** The global {@code name}, or {@code null}. */
    static Object lookup(String name) {
        return GLOBALS.get(name);
    }

    private static Object range(List<Object> args, Map<String, Object> kwargs) {
        if (!kwargs.isEmpty()) {
            throw new TemplateRenderException("range() takes no keyword arguments");
        }
        return switch (args.size()) {
            case 1 -> new PyRange(0, PyTypes.toLong(args.get(0)), 1);
            case 2 -> new PyRange(PyTypes.toLong(args.get(0)), PyTypes.toLong(args.get(1)), 1);
            case 3 -> new PyRange(PyTypes.toLong(args.get(0)), PyTypes.toLong(args.get(1)), PyTypes.toLong(args.get(2)));
            default -> throw new TemplateRenderException("range expected at most 3 arguments, got " + args.size());
        };
    }

    /** Python's {@code dict(mapping_or_pairs, **kwargs)}. */
    private static Object dict(List<Object> args, Map<String, Object> kwargs) {
        Map<Object, Object> result = new LinkedHashMap<>();
        if (args.size() > 1) {
            throw new TemplateRenderException("dict expected at most 1 argument, got " + args.size());
        }
        if (!args.isEmpty()) {
            fill(result, args.get(0), "dict");
        }
        result.putAll(kwargs);
        return result;
    }

    private static void fill(Map<Object, Object> target, Object source, String function) {
        if (source instanceof Map<?, ?> map) {
            map.forEach((k, v) -> target.put(PyTypes.key(k), v));
            return;
        }
        int index = 0;
        for (Object pair : PyTypes.iterate(source)) {
            List<Object> items = pair instanceof List<?> || PyTypes.isString(pair) ? PyTypes.iterate(pair) : null;
            if (items == null || items.size() != 2) {
                throw new TemplateRenderException(function + " update sequence element #" + index
                        + (items == null ? " is not a sequence" : " has length " + items.size() + "; 2 is required"));
            }
            target.put(PyTypes.key(items.get(0)), items.get(1));
            index++;
        }
    }

    private static Object namespace(List<Object> args, Map<String, Object> kwargs) {
        Namespace ns = new Namespace();
        Map<Object, Object> initial = new LinkedHashMap<>();
        for (Object arg : args) {
            fill(initial, arg, "dictionary");
        }
        initial.forEach((k, v) -> ns.attributes().put(PyRepr.str(k), v));
        ns.attributes().putAll(kwargs);
        return ns;
    }

    private static Object joiner(List<Object> args, Map<String, Object> kwargs) {
        Object separator = Args.bind("joiner", args, kwargs, "sep").get(0, ", ");
        boolean[] used = {false};
        return (InternalFunction) (callArgs, callKwargs) -> {
            if (!used[0]) {
                used[0] = true;
                return "";
            }
            return separator;
        };
    }

    /** jinja2's {@code cycler(*items)}: {@code next()}, {@code current} and {@code reset()}. */
    static final class Cycler {
        private final List<Object> items;
        private int position;

        Cycler(List<Object> items) {
            if (items.isEmpty()) {
                throw new TemplateRenderException("at least one item has to be provided");
            }
            this.items = new ArrayList<>(items);
        }

        Object attribute(String name) {
            return switch (name) {
                case "current" -> items.get(position);
                case "next" -> (InternalFunction) (args, kwargs) -> {
                    Object current = items.get(position);
                    position = (position + 1) % items.size();
                    return current;
                };
                case "reset" -> (InternalFunction) (args, kwargs) -> {
                    position = 0;
                    return null;
                };
                default -> Access.NOT_FOUND;
            };
        }
    }
}
