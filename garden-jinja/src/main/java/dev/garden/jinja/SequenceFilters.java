package dev.garden.jinja;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * jinja2's filters over sequences and mappings. Where jinja2 returns a generator ({@code map}, {@code select},
 * {@code unique}, {@code batch}, {@code reverse} of a list), so does this: a one-shot {@link PyGenerator}.
 */
final class SequenceFilters {
    private SequenceFilters() {
    }

    static void register(Map<String, Filters.Filter> filters) {
        filters.put("length", (v, a, k, e) -> length(v, a, k));
        filters.put("count", (v, a, k, e) -> length(v, a, k));
        filters.put("first", (v, a, k, e) -> {
            Args.bind("first", a, k);
            if (v instanceof PyGenerator generator) {
                return generator.iterator().hasNext() ? generator.iterator().next()
                        : Undefined.hint("No first item, sequence was empty.");
            }
            List<Object> items = PyTypes.iterate(v);
            return items.isEmpty() ? Undefined.hint("No first item, sequence was empty.") : items.getFirst();
        });
        filters.put("last", (v, a, k, e) -> {
            Args.bind("last", a, k);
            if (v instanceof PyGenerator) {
                throw new TemplateRenderException("'generator' object is not reversible");
            }
            List<Object> items = PyTypes.iterate(v);
            return items.isEmpty() ? Undefined.hint("No last item, sequence was empty.") : items.getLast();
        });
        filters.put("join", (v, a, k, e) -> {
            Args args = Args.bind("join", a, k, "d", "attribute");
            String separator = PyRepr.str(args.get(0, ""));
            Function<Object, Object> getter = attributeGetter(args.get(1, null), null);
            StringBuilder out = new StringBuilder();
            int index = 0;
            for (Object item : PyTypes.iterate(v)) {
                if (index++ > 0) {
                    out.append(separator);
                }
                out.append(PyRepr.str(getter.apply(item)));
                e.limits().checkLength(out.length());
            }
            return out.toString();
        });
        filters.put("list", (v, a, k, e) -> {
            Args.bind("list", a, k);
            return new ArrayList<>(PyTypes.iterate(v));
        });
        filters.put("items", (v, a, k, e) -> {
            Args.bind("items", a, k);
            if (v instanceof Undefined) {
                return generator(List.of());
            }
            if (!(v instanceof Map<?, ?> map)) {
                throw new TemplateRenderException("Can only get item pairs from a mapping.");
            }
            List<Object> pairs = new ArrayList<>();
            map.forEach((key, value) -> pairs.add(PyTuple.of(key, value)));
            return generator(pairs);
        });
        filters.put("map", SequenceFilters::map);
        filters.put("select", (v, a, k, e) -> selectOrReject(v, a, k, true, false));
        filters.put("reject", (v, a, k, e) -> selectOrReject(v, a, k, false, false));
        filters.put("selectattr", (v, a, k, e) -> selectOrReject(v, a, k, true, true));
        filters.put("rejectattr", (v, a, k, e) -> selectOrReject(v, a, k, false, true));
        filters.put("sort", (v, a, k, e) -> {
            Args args = Args.bind("sort", a, k, "reverse", "case_sensitive", "attribute");
            List<Object> items = new ArrayList<>(PyTypes.iterate(v));
            Function<Object, Object> key = multiAttributeGetter(args.get(2, null), !args.getBoolean(1, false));
            sort(items, key, args.getBoolean(0, false));
            return items;
        });
        filters.put("dictsort", (v, a, k, e) -> {
            Args args = Args.bind("dictsort", a, k, "case_sensitive", "by", "reverse");
            if (v instanceof Undefined u) {
                throw u.error();
            }
            if (!(v instanceof Map<?, ?> map)) {
                throw new TemplateRenderException("'" + PyTypes.typeName(v) + "' object has no attribute 'items'");
            }
            String by = args.getString(1, "key");
            if (!by.equals("key") && !by.equals("value")) {
                throw new TemplateRenderException("You can only sort by either \"key\" or \"value\"");
            }
            int position = by.equals("key") ? 0 : 1;
            boolean ignoreCase = !args.getBoolean(0, false);
            List<Object> pairs = new ArrayList<>();
            map.forEach((key, value) -> pairs.add(PyTuple.of(key, value)));
            sort(pairs, pair -> caseFolded(((PyTuple) pair).get(position), ignoreCase), args.getBoolean(2, false));
            return pairs;
        });
        filters.put("reverse", (v, a, k, e) -> {
            Args.bind("reverse", a, k);
            String text = PyTypes.stringOrNull(v);
            if (text != null) {
                return new StringBuilder(text).reverse().toString();
            }
            List<Object> items = new ArrayList<>(PyTypes.iterate(v));
            Collections.reverse(items);
            return v instanceof PyGenerator ? items : generator(items);
        });
        filters.put("unique", (v, a, k, e) -> {
            Args args = Args.bind("unique", a, k, "case_sensitive", "attribute");
            Function<Object, Object> key = attributeGetter(args.get(1, null), null);
            boolean ignoreCase = !args.getBoolean(0, false);
            List<Object> seen = new ArrayList<>();
            List<Object> unique = new ArrayList<>();
            for (Object item : PyTypes.iterate(v)) {
                Object itemKey = PyTypes.key(caseFolded(key.apply(item), ignoreCase));
                if (seen.stream().noneMatch(s -> PyOps.equal(s, itemKey))) {
                    seen.add(itemKey);
                    unique.add(item);
                }
            }
            return generator(unique);
        });
        filters.put("min", (v, a, k, e) -> minOrMax(v, Args.bind("min", a, k, "case_sensitive", "attribute"), false));
        filters.put("max", (v, a, k, e) -> minOrMax(v, Args.bind("max", a, k, "case_sensitive", "attribute"), true));
        filters.put("sum", (v, a, k, e) -> {
            Args args = Args.bind("sum", a, k, "attribute", "start");
            Function<Object, Object> getter = attributeGetter(args.get(0, null), null);
            Object total = args.get(1, 0L);
            for (Object item : PyTypes.iterate(v)) {
                total = PyOps.add(total, getter.apply(item));
            }
            return total;
        });
        filters.put("batch", (v, a, k, e) -> {
            Args args = Args.bind("batch", a, k, "linecount", "fill_with");
            long size = PyTypes.toLong(args.required(0));
            Object fill = args.get(1, null);
            List<Object> batches = new ArrayList<>();
            List<Object> current = new ArrayList<>();
            for (Object item : PyTypes.iterate(v)) {
                if (current.size() == size) {
                    batches.add(current);
                    current = new ArrayList<>();
                }
                current.add(item);
            }
            if (!current.isEmpty()) {
                while (fill != null && current.size() < size) {
                    current.add(fill);
                }
                batches.add(current);
            }
            return generator(batches);
        });
        filters.put("slice", SequenceFilters::slice);
        filters.put("groupby", SequenceFilters::groupBy);
        filters.put("attr", (v, a, k, e) -> {
            String name = Args.bind("attr", a, k, "name").getString(0, null);
            if (v instanceof Map) {
                Object method = Methods.bind(v, name);
                return method != null ? method : Undefined.member(v, name);
            }
            Object value = Access.attribute(v, name);
            return value;
        });
    }

    private static PyGenerator generator(List<Object> items) {
        return new PyGenerator(items.iterator());
    }

    private static Object length(Object value, List<Object> args, Map<String, Object> kwargs) {
        Args.bind("length", args, kwargs);
        return PyTypes.length(value);
    }

    private static Object caseFolded(Object value, boolean ignoreCase) {
        return ignoreCase && PyTypes.isString(value) ? PyStrings.lower(PyTypes.stringOrNull(value)) : value;
    }

    /** Python's stable {@code sorted(items, key=key, reverse=reverse)}. */
    private static void sort(List<Object> items, Function<Object, Object> key, boolean reverse) {
        List<Object> keys = new ArrayList<>(items.size());
        for (Object item : items) {
            keys.add(key.apply(item));
        }
        Integer[] order = new Integer[items.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Comparator<Integer> byKey = (x, y) -> PyOps.order("<", keys.get(x), keys.get(y));
        java.util.Arrays.sort(order, reverse ? byKey.reversed() : byKey);
        List<Object> sorted = new ArrayList<>(items.size());
        for (int index : order) {
            sorted.add(items.get(index));
        }
        items.clear();
        items.addAll(sorted);
    }

    /** jinja2's {@code make_attrgetter}: a dotted path of item lookups, digits as integer indices. */
    static Function<Object, Object> attributeGetter(Object attribute, Object defaultValue) {
        if (attribute == null) {
            return item -> item;
        }
        List<Object> parts = attributeParts(attribute);
        return item -> {
            Object value = item;
            for (Object part : parts) {
                value = Access.item(value, part);
                if (defaultValue != null && value instanceof Undefined) {
                    value = defaultValue;
                }
            }
            return value;
        };
    }

    private static List<Object> attributeParts(Object attribute) {
        List<Object> parts = new ArrayList<>();
        if (PyTypes.isString(attribute)) {
            for (Object part : PyStrings.split(PyTypes.stringOrNull(attribute), ".", -1)) {
                String text = (String) part;
                parts.add(PyStrings.isDigits(text) && text.chars().allMatch(c -> c < 128) ? (Object) Long.parseLong(text) : text);
            }
        } else {
            parts.add(attribute);
        }
        return parts;
    }

    /** jinja2's {@code make_multi_attrgetter} for {@code sort}: {@code "age,name"} sorts by a tuple of both. */
    private static Function<Object, Object> multiAttributeGetter(Object attribute, boolean ignoreCase) {
        if (attribute == null || !PyTypes.isString(attribute) || PyTypes.stringOrNull(attribute).indexOf(',') < 0) {
            Function<Object, Object> getter = attributeGetter(attribute, null);
            return item -> caseFolded(getter.apply(item), ignoreCase);
        }
        List<Function<Object, Object>> getters = new ArrayList<>();
        for (Object part : PyStrings.split(PyTypes.stringOrNull(attribute), ",", -1)) {
            getters.add(attributeGetter(part, null));
        }
        return item -> {
            List<Object> key = new ArrayList<>();
            getters.forEach(getter -> key.add(caseFolded(getter.apply(item), ignoreCase)));
            return key;
        };
    }

    private static Object map(Object value, List<Object> args, Map<String, Object> kwargs, Evaluator evaluator) {
        Function<Object, Object> function;
        if (args.isEmpty() && kwargs.containsKey("attribute")) {
            Map<String, Object> rest = new LinkedHashMap<>(kwargs);
            Object attribute = rest.remove("attribute");
            Object defaultValue = rest.remove("default");
            if (!rest.isEmpty()) {
                throw new TemplateRenderException("Unexpected keyword argument '" + rest.keySet().iterator().next() + "'");
            }
            function = attributeGetter(attribute, defaultValue);
        } else {
            if (args.isEmpty()) {
                throw new TemplateRenderException("map requires a filter argument");
            }
            String name = PyRepr.str(args.getFirst());
            List<Object> rest = args.subList(1, args.size());
            function = item -> Filters.apply(name, item, rest, kwargs, evaluator);
        }
        if (!PyTypes.truthy(value)) {
            return generator(List.of());
        }
        List<Object> mapped = new ArrayList<>();
        for (Object item : PyTypes.iterate(value)) {
            mapped.add(function.apply(item));
        }
        return generator(mapped);
    }

    private static Object selectOrReject(Object value, List<Object> args, Map<String, Object> kwargs,
                                         boolean select, boolean byAttribute) {
        if (!PyTypes.truthy(value)) {
            return generator(List.of());
        }
        int offset = 0;
        Function<Object, Object> transform = item -> item;
        if (byAttribute) {
            if (args.isEmpty()) {
                throw new TemplateRenderException("Missing parameter for attribute name");
            }
            transform = attributeGetter(args.getFirst(), null);
            offset = 1;
        }
        Function<Object, Boolean> test;
        if (args.size() > offset) {
            String name = PyRepr.str(args.get(offset));
            List<Object> rest = args.subList(offset + 1, args.size());
            test = item -> Tests.apply(name, item, rest, kwargs);
        } else {
            test = PyTypes::truthy;
        }
        List<Object> kept = new ArrayList<>();
        for (Object item : PyTypes.iterate(value)) {
            if (test.apply(transform.apply(item)) == select) {
                kept.add(item);
            }
        }
        return generator(kept);
    }

    private static Object minOrMax(Object value, Args args, boolean max) {
        boolean ignoreCase = !args.getBoolean(0, false);
        Function<Object, Object> getter = attributeGetter(args.get(1, null), null);
        List<Object> items = PyTypes.iterate(value);
        if (items.isEmpty()) {
            return Undefined.hint("No aggregated item, sequence was empty.");
        }
        Object best = items.getFirst();
        Object bestKey = caseFolded(getter.apply(best), ignoreCase);
        for (Object item : items.subList(1, items.size())) {
            Object key = caseFolded(getter.apply(item), ignoreCase);
            if (max ? PyOps.compare(">", key, bestKey) : PyOps.compare("<", key, bestKey)) {
                best = item;
                bestKey = key;
            }
        }
        return best;
    }

    private static Object slice(Object value, List<Object> args, Map<String, Object> kwargs, Evaluator evaluator) {
        Args a = Args.bind("slice", args, kwargs, "slices", "fill_with");
        long slices = PyTypes.toLong(a.required(0));
        Object fill = a.get(1, null);
        List<Object> items = PyTypes.iterate(value);
        int perSlice = (int) (items.size() / slices);
        int withExtra = (int) (items.size() % slices);
        List<Object> result = new ArrayList<>();
        int offset = 0;
        for (int i = 0; i < slices; i++) {
            int start = offset + i * perSlice;
            if (i < withExtra) {
                offset++;
            }
            int end = offset + (i + 1) * perSlice;
            List<Object> part = new ArrayList<>(items.subList(start, end));
            if (fill != null && i >= withExtra) {
                part.add(fill);
            }
            result.add(part);
        }
        return generator(result);
    }

    private static Object groupBy(Object value, List<Object> args, Map<String, Object> kwargs, Evaluator evaluator) {
        Args a = Args.bind("groupby", args, kwargs, "attribute", "default", "case_sensitive");
        boolean ignoreCase = !a.getBoolean(2, false);
        Function<Object, Object> getter = attributeGetter(a.required(0), a.get(1, null));
        List<Object> items = new ArrayList<>(PyTypes.iterate(value));
        sort(items, item -> caseFolded(getter.apply(item), ignoreCase), false);
        List<Object> groups = new ArrayList<>();
        Iterator<Object> it = items.iterator();
        Object currentKey = null;
        List<Object> current = null;
        while (it.hasNext()) {
            Object item = it.next();
            Object key = caseFolded(getter.apply(item), ignoreCase);
            if (current == null || !PyOps.equal(key, currentKey)) {
                if (current != null) {
                    groups.add(PyTuple.of(groupKey(current, getter), current));
                }
                current = new ArrayList<>();
                currentKey = key;
            }
            current.add(item);
        }
        if (current != null) {
            groups.add(PyTuple.of(groupKey(current, getter), current));
        }
        return groups;
    }

    private static Object groupKey(List<Object> group, Function<Object, Object> getter) {
        return getter.apply(group.getFirst());
    }
}
