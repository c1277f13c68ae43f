package dev.garden.jinja;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Python's view of Java values: types, their names, truthiness, iteration and length. */
final class PyTypes {
    private PyTypes() {
    }

    /** Python {@code int}, booleans excluded. */
    static boolean isInt(Object value) {
        return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger;
    }

    static boolean isFloat(Object value) {
        return value instanceof Double || value instanceof Float || value instanceof BigDecimal;
    }

    /** {@code numbers.Number}, which in Python includes booleans. */
    static boolean isNumber(Object value) {
        return isInt(value) || isFloat(value) || value instanceof Boolean;
    }

    static boolean isString(Object value) {
        return value instanceof String || value instanceof Markup;
    }

    /** The text of a {@code str} (plain or Markup); {@code null} for anything else. */
    static String stringOrNull(Object value) {
        if (value instanceof String s) {
            return s;
        }
        return value instanceof Markup m ? m.text() : null;
    }

    /** A value used as an int: ints and booleans; a {@code TypeError} otherwise. */
    static long toLong(Object value) {
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof BigInteger big) {
            try {
                return big.longValueExact();
            } catch (ArithmeticException e) {
                throw new TemplateRenderException("Python int too large to convert to C long");
            }
        }
        if (isInt(value)) {
            return ((Number) value).longValue();
        }
        throw new TemplateRenderException("'" + typeName(value) + "' object cannot be interpreted as an integer");
    }

    static double toDouble(Object value) {
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        return ((Number) value).doubleValue();
    }

    /** Python's name for the value's type, as in {@code TypeError} messages. */
    static String typeName(Object value) {
        return switch (value) {
            case null -> "NoneType";
            case Boolean ignored -> "bool";
            case String ignored -> "str";
            case Markup ignored -> "Markup";
            case Undefined ignored -> "Undefined";
            case PyTuple ignored -> "tuple";
            case PyRange ignored -> "range";
            case DictView view -> view.kind();
            case List<?> ignored -> "list";
            case Map<?, ?> ignored -> "dict";
            case Namespace ignored -> "Namespace";
            case PyGenerator ignored -> "generator";
            case LoopState ignored -> "LoopContext";
            case Macro ignored -> "Macro";
            case JinjaFunction ignored -> "function";
            default -> isInt(value) ? "int" : isFloat(value) ? "float" : value.getClass().getSimpleName();
        };
    }

    /** jinja2's {@code object_type_repr}, used in "has no attribute" messages: {@code 'dict object'}. */
    static String objectTypeRepr(Object value) {
        if (value == null) {
            return "None";
        }
        return typeName(value) + " object";
    }

    /** Python truthiness. */
    static boolean truthy(Object value) {
        return switch (value) {
            case null -> false;
            case Boolean b -> b;
            case String s -> !s.isEmpty();
            case Markup m -> !m.text().isEmpty();
            case Undefined ignored -> false;
            case Collection<?> c -> !c.isEmpty();
            case Map<?, ?> m -> !m.isEmpty();
            case BigInteger big -> big.signum() != 0;
            case BigDecimal big -> big.signum() != 0;
            case Number n -> isFloat(n) ? n.doubleValue() != 0 : n.longValue() != 0;
            default -> true;
        };
    }

    /** Python's {@code len()}. */
    static long length(Object value) {
        return switch (value) {
            case String s -> PyStrings.length(s);
            case Markup m -> PyStrings.length(m.text());
            case Collection<?> c -> c.size();
            case Map<?, ?> m -> m.size();
            case Undefined ignored -> 0;
            case null, default -> throw new TemplateRenderException(
                    "object of type '" + typeName(value) + "' has no len()");
        };
    }

    /** Python's {@code iter()} drained into a list: a string's characters, a dict's keys, a list's items. */
    static List<Object> iterate(Object value) {
        return switch (value) {
            case List<?> list -> cast(list);
            case Map<?, ?> map -> new ArrayList<>(map.keySet());
            case String s -> characters(s);
            case Markup m -> characters(m.text()).stream().map(c -> (Object) new Markup((String) c)).toList();
            case Undefined ignored -> List.of();
            case Collection<?> c -> new ArrayList<>(c);
            case PyGenerator generator -> {
                List<Object> items = new ArrayList<>();
                generator.iterator().forEachRemaining(items::add);
                yield items;
            }
            case null, default -> throw new TemplateRenderException(
                    "'" + typeName(value) + "' object is not iterable");
        };
    }

    static boolean isIterable(Object value) {
        return value instanceof Collection || value instanceof Map || isString(value) || value instanceof Undefined
                || value instanceof PyGenerator;
    }

    static List<Object> characters(String s) {
        List<Object> chars = new ArrayList<>(s.length());
        s.codePoints().forEach(cp -> chars.add(Character.toString(cp)));
        return chars;
    }

    @SuppressWarnings("unchecked")
    static List<Object> cast(List<?> list) {
        return (List<Object>) list;
    }

    /** The form a value takes as a dict key here, so that Java's hashing agrees with Python's for ints and strings. */
    static Object key(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Markup m) {
            return m.text();
        }
        if (value instanceof List<?> || value instanceof Map<?, ?>) {
            throw new TemplateRenderException("unhashable type: '" + typeName(value) + "'");
        }
        return value;
    }

    /** Looks a key up the way Python does, letting {@code 1}, {@code 1.0} and {@code True} find each other. */
    static Object mapGet(Map<?, ?> map, Object key, Object missing) {
        Object normalized = key instanceof Markup m ? m.text() : key;
        if (normalized != null && !isNumber(normalized)) {
            Object found = map.get(normalized);
            return found != null || map.containsKey(normalized) ? found : missing;
        }
        if (normalized != null && map.containsKey(normalized)) {
            return map.get(normalized);
        }
        if (isNumber(normalized) || normalized == null) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (PyOps.equal(entry.getKey(), normalized)) {
                    return entry.getValue();
                }
            }
        }
        return missing;
    }
}
