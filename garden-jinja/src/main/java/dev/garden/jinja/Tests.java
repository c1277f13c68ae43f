package dev.garden.jinja;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** jinja2's tests, the {@code is ...} half of the language. */
final class Tests {
    private static final Set<String> NAMES = Set.of("odd", "even", "divisibleby", "defined", "undefined", "filter",
            "test", "none", "boolean", "false", "true", "integer", "float", "lower", "upper", "string", "mapping",
            "number", "sequence", "iterable", "callable", "sameas", "escaped", "in", "==", "eq", "equalto", "!=", "ne",
            ">", "gt", "greaterthan", "ge", ">=", "<", "lt", "lessthan", "<=", "le");

    private Tests() {
    }

    static boolean isKnown(String name) {
        return NAMES.contains(name);
    }

    static boolean apply(String name, Object value, List<Object> args, Map<String, Object> kwargs) {
        if (!NAMES.contains(name)) {
            throw new TemplateRenderException("No test named '" + name + "' found.");
        }
        return switch (name) {
            case "defined" -> !(value instanceof Undefined);
            case "undefined" -> value instanceof Undefined;
            case "none" -> value == null;
            case "boolean" -> value instanceof Boolean;
            case "true" -> Boolean.TRUE.equals(value);
            case "false" -> Boolean.FALSE.equals(value);
            case "integer" -> PyTypes.isInt(value);
            case "float" -> PyTypes.isFloat(value);
            case "number" -> PyTypes.isNumber(value);
            case "string" -> PyTypes.isString(value);
            case "mapping" -> value instanceof Map;
            // Python's test: has len() and __getitem__, which Undefined has too.
            case "sequence" -> value instanceof Collection && !(value instanceof DictView) || value instanceof Map
                    || PyTypes.isString(value) || value instanceof Undefined;
            case "iterable" -> PyTypes.isIterable(value);
            case "callable" -> value instanceof JinjaFunction || value instanceof Undefined
                    || value instanceof LoopState;
            case "escaped" -> value instanceof Markup;
            case "lower" -> PyStrings.isLower(PyRepr.str(value));
            case "upper" -> PyStrings.isUpper(PyRepr.str(value));
            case "odd", "even" -> {
                Object remainder = PyOps.modulo(value, 2L);
                yield PyOps.equal(remainder, name.equals("odd") ? 1L : 0L);
            }
            case "divisibleby" -> PyOps.equal(PyOps.modulo(value, argument(name, args, kwargs, "num")), 0L);
            case "filter" -> PyTypes.isString(value) && Filters.isKnown(PyTypes.stringOrNull(value));
            case "test" -> PyTypes.isString(value) && isKnown(PyTypes.stringOrNull(value));
            case "sameas" -> sameAs(value, argument(name, args, kwargs, "other"));
            case "in" -> PyOps.contains(argument(name, args, kwargs, "seq"), value);
            case "==", "eq", "equalto" -> PyOps.equal(value, argument(name, args, kwargs, "b"));
            case "!=", "ne" -> !PyOps.equal(value, argument(name, args, kwargs, "b"));
            case ">", "gt", "greaterthan" -> PyOps.compare(">", value, argument(name, args, kwargs, "b"));
            case ">=", "ge" -> PyOps.compare(">=", value, argument(name, args, kwargs, "b"));
            case "<", "lt", "lessthan" -> PyOps.compare("<", value, argument(name, args, kwargs, "b"));
            default -> PyOps.compare("<=", value, argument(name, args, kwargs, "b"));
        };
    }

    private static Object argument(String name, List<Object> args, Map<String, Object> kwargs, String parameter) {
        return Args.bind(name, args, kwargs, parameter).required(0);
    }

    /** Python's {@code is}: identity, which for the values templates hold means the same None, bool or object. */
    private static boolean sameAs(Object value, Object other) {
        if (value == null || other == null || value instanceof Boolean || other instanceof Boolean) {
            return value == null ? other == null : value.equals(other) && other.getClass() == value.getClass();
        }
        return value == other;
    }
}
