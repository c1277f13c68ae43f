package dev.garden.jinja;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Attribute and item access as jinja2's sandbox does it: {@code obj.name} tries the attribute (a method, a
 * namespace or loop attribute) before the item, {@code obj[key]} the item before the attribute, and a miss is
 * {@link Undefined} rather than an error. Only an {@link Undefined} object itself makes access fail.
 */
final class Access {
    /** What attribute lookups return for a name the object does not have (None is a value). */
    static final Object NOT_FOUND = new Object();

    private Access() {
    }

    /** {@code obj.name}. */
    static Object attribute(Object obj, String name) {
        if (obj instanceof Undefined undefined) {
            throw undefined.error();
        }
        Object found = ownAttribute(obj, name);
        if (found != NOT_FOUND) {
            return found;
        }
        if (obj instanceof Map<?, ?> map) {
            Object missing = Undefined.member(obj, name);
            return PyTypes.mapGet(map, name, missing);
        }
        return Undefined.member(obj, name);
    }

    /** {@code obj[key]}. */
    static Object item(Object obj, Object key) {
        if (obj instanceof Undefined undefined) {
            throw undefined.error();
        }
        if (obj instanceof Map<?, ?> map) {
            Object missing = new Object();
            Object found = PyTypes.mapGet(map, PyTypes.key(key), missing);
            if (found != missing) {
                return found;
            }
        } else if (obj instanceof List<?> list && !(obj instanceof DictView) && isIndex(key)) {
            long index = PyTypes.toLong(key);
            long resolved = index < 0 ? index + list.size() : index;
            return resolved >= 0 && resolved < list.size() ? list.get((int) resolved) : Undefined.member(obj, key);
        } else if (PyTypes.isString(obj) && isIndex(key)) {
            String text = PyTypes.stringOrNull(obj);
            int[] cps = PyStrings.codePoints(text);
            long index = PyTypes.toLong(key);
            long resolved = index < 0 ? index + cps.length : index;
            if (resolved < 0 || resolved >= cps.length) {
                return Undefined.member(obj, key);
            }
            String character = Character.toString(cps[(int) resolved]);
            return obj instanceof Markup ? new Markup(character) : character;
        }
        String name = PyTypes.stringOrNull(key);
        if (name != null) {
            Object found = ownAttribute(obj, name);
            if (found != NOT_FOUND) {
                return found;
            }
        }
        return Undefined.member(obj, key);
    }

    private static boolean isIndex(Object key) {
        return PyTypes.isInt(key) || key instanceof Boolean;
    }

    /** The attribute proper, not an item; {@link #NOT_FOUND} when there is none. */
    private static Object ownAttribute(Object obj, String name) {
        return switch (obj) {
            case Namespace ns -> ns.attributes().containsKey(name) ? ns.attributes().get(name) : NOT_FOUND;
            case LoopState loop -> loop.attribute(name);
            case Globals.Cycler cycler -> cycler.attribute(name);
            case null, default -> {
                Object method = Methods.bind(obj, name);
                yield method == null ? NOT_FOUND : method;
            }
        };
    }

    /** {@code obj[start:stop:step]} on a list, tuple or string. */
    static Object slice(Object obj, Object start, Object stop, Object step) {
        if (obj instanceof Undefined undefined) {
            throw undefined.error();
        }
        long stepValue = sliceIndex(step, 1);
        if (stepValue == 0) {
            throw new TemplateRenderException("slice step cannot be zero");
        }
        if (PyTypes.isString(obj)) {
            int[] cps = PyStrings.codePoints(PyTypes.stringOrNull(obj));
            StringBuilder out = new StringBuilder();
            for (int i : indices(cps.length, start, stop, stepValue)) {
                out.appendCodePoint(cps[i]);
            }
            return obj instanceof Markup ? new Markup(out.toString()) : out.toString();
        }
        if (obj instanceof PyRange range) {
            long[] bounds = bounds(range.size(), start, stop, stepValue);
            return range.slice(bounds[0], bounds[1], stepValue);
        }
        if (obj instanceof List<?> list && !(obj instanceof DictView)) {
            List<Object> out = new ArrayList<>();
            for (int i : indices(list.size(), start, stop, stepValue)) {
                out.add(list.get(i));
            }
            return obj instanceof PyTuple ? new PyTuple(out) : out;
        }
        // Python raises a TypeError here, which the sandbox's getitem turns into an undefined value.
        return Undefined.member(obj, "slice");
    }

    private static long sliceIndex(Object value, long defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        if (!isIndex(value)) {
            throw new TemplateRenderException("slice indices must be integers or None or have an __index__ method");
        }
        return PyTypes.toLong(value);
    }

    /** CPython's {@code PySlice_AdjustIndices}: the start and stop positions of a slice, clamped. */
    private static long[] bounds(int length, Object startValue, Object stopValue, long step) {
        if (step > 0) {
            return new long[] {clamp(sliceIndex(startValue, 0), length, 0, length),
                    clamp(sliceIndex(stopValue, length), length, 0, length)};
        }
        return new long[] {clamp(sliceIndex(startValue, length - 1L), length, -1, length - 1L),
                clamp(sliceIndex(stopValue, -1L - length), length, -1, length - 1L)};
    }

    /** The positions a slice selects, in order. */
    private static int[] indices(int length, Object startValue, Object stopValue, long step) {
        long[] bounds = bounds(length, startValue, stopValue, step);
        long start = bounds[0];
        long stop = bounds[1];
        int count = step > 0 ? (stop > start ? (int) ((stop - start - 1) / step + 1) : 0)
                : (start > stop ? (int) ((start - stop - 1) / -step + 1) : 0);
        int[] result = new int[count];
        for (int i = 0; i < count; i++) {
            result[i] = (int) (start + i * step);
        }
        return result;
    }

    private static long clamp(long index, int length, long low, long high) {
        long adjusted = index < 0 ? index + length : index;
        return Math.max(low, Math.min(high, adjusted));
    }
}
