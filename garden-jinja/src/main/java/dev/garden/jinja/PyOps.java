package dev.garden.jinja;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Python's operators on template values: equality, ordering, arithmetic and {@code in}. */
final class PyOps {
    private PyOps() {
    }

    /** Python's {@code ==}. */
    static boolean equal(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a instanceof Undefined || b instanceof Undefined) {
            return a instanceof Undefined && b instanceof Undefined;
        }
        if (PyTypes.isNumber(a) && PyTypes.isNumber(b)) {
            return compareNumbers(a, b) == 0;
        }
        String sa = PyTypes.stringOrNull(a);
        if (sa != null) {
            return sa.equals(PyTypes.stringOrNull(b));
        }
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            return (a instanceof PyTuple) == (b instanceof PyTuple) && (a instanceof PyRange) == (b instanceof PyRange)
                    && sequencesEqual(la, lb);
        }
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            if (ma.size() != mb.size()) {
                return false;
            }
            Object missing = new Object();
            for (Map.Entry<?, ?> entry : ma.entrySet()) {
                Object other = PyTypes.mapGet(mb, entry.getKey(), missing);
                if (other == missing || !equal(entry.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Namespace || a instanceof Macro || a instanceof LoopState) {
            return false;
        }
        return a.equals(b);
    }

    private static boolean sequencesEqual(List<?> a, List<?> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!equal(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static int compareNumbers(Object a, Object b) {
        if (PyTypes.isFloat(a) || PyTypes.isFloat(b)) {
            return Double.compare(PyTypes.toDouble(a) + 0.0, PyTypes.toDouble(b) + 0.0);
        }
        return Long.compare(PyTypes.toLong(a), PyTypes.toLong(b));
    }

    /** Python's {@code <}, {@code <=}, {@code >} and {@code >=}. */
    static boolean compare(String operator, Object a, Object b) {
        int order = order(operator, a, b);
        return switch (operator) {
            case "<" -> order < 0;
            case "<=" -> order <= 0;
            case ">" -> order > 0;
            default -> order >= 0;
        };
    }

    /** The ordering Python's comparison operators and {@code sorted()} use; a TypeError for unorderable pairs. */
    static int order(String operator, Object a, Object b) {
        if (a instanceof Undefined u) {
            throw u.error();
        }
        if (b instanceof Undefined u) {
            throw u.error();
        }
        if (PyTypes.isNumber(a) && PyTypes.isNumber(b)) {
            if (PyTypes.isFloat(a) || PyTypes.isFloat(b)) {
                double x = PyTypes.toDouble(a);
                double y = PyTypes.toDouble(b);
                // Every comparison with NaN is false in Python; 0 keeps "<" and ">" false (not "<=", a rare corner).
                return x < y ? -1 : x > y ? 1 : 0;
            }
            return Long.compare(PyTypes.toLong(a), PyTypes.toLong(b));
        }
        String sa = PyTypes.stringOrNull(a);
        String sb = PyTypes.stringOrNull(b);
        if (sa != null && sb != null) {
            return compareCodePoints(sa, sb);
        }
        if (a instanceof List<?> la && b instanceof List<?> lb && (a instanceof PyTuple) == (b instanceof PyTuple)) {
            for (int i = 0; i < Math.min(la.size(), lb.size()); i++) {
                if (!equal(la.get(i), lb.get(i))) {
                    return order(operator, la.get(i), lb.get(i));
                }
            }
            return Integer.compare(la.size(), lb.size());
        }
        throw new TemplateRenderException("'" + operator + "' not supported between instances of '"
                + PyTypes.typeName(a) + "' and '" + PyTypes.typeName(b) + "'");
    }

    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    private static void failIfUndefined(Object a, Object b) {
        if (a instanceof Undefined u) {
            throw u.error();
        }
        if (b instanceof Undefined u) {
            throw u.error();
        }
    }

    private static boolean intLike(Object value) {
        return PyTypes.isInt(value) || value instanceof Boolean;
    }

    private static TemplateRenderException unsupported(String operator, Object a, Object b) {
        return new TemplateRenderException("unsupported operand type(s) for " + operator + ": '"
                + PyTypes.typeName(a) + "' and '" + PyTypes.typeName(b) + "'");
    }

    private static TemplateRenderException overflow() {
        return new TemplateRenderException("integer result too large for this template engine");
    }

    static Object add(Object a, Object b) {
        failIfUndefined(a, b);
        if (PyTypes.isNumber(a) && PyTypes.isNumber(b)) {
            if (intLike(a) && intLike(b)) {
                try {
                    return Math.addExact(PyTypes.toLong(a), PyTypes.toLong(b));
                } catch (ArithmeticException e) {
                    throw overflow();
                }
            }
            return PyTypes.toDouble(a) + PyTypes.toDouble(b);
        }
        if (a instanceof Markup || b instanceof Markup) {
            if (PyTypes.isString(a) && PyTypes.isString(b)) {
                return new Markup(Markup.escape(a).text() + Markup.escape(b).text());
            }
        }
        if (a instanceof String sa) {
            if (b instanceof String sb) {
                return sa.concat(sb);
            }
            throw new TemplateRenderException("can only concatenate str (not \"" + PyTypes.typeName(b) + "\") to str");
        }
        if (a instanceof List<?> la && !(a instanceof DictView) && !(a instanceof PyRange)) {
            String kind = a instanceof PyTuple ? "tuple" : "list";
            if (b instanceof List<?> lb && (a instanceof PyTuple) == (b instanceof PyTuple) && !(b instanceof DictView)
                    && !(b instanceof PyRange)) {
                List<Object> joined = new ArrayList<>(la.size() + lb.size());
                joined.addAll(la);
                joined.addAll(lb);
                return a instanceof PyTuple ? new PyTuple(joined) : joined;
            }
            throw new TemplateRenderException("can only concatenate " + kind + " (not \"" + PyTypes.typeName(b)
                    + "\") to " + kind);
        }
        throw unsupported("+", a, b);
    }

    static Object subtract(Object a, Object b) {
        failIfUndefined(a, b);
        if (PyTypes.isNumber(a) && PyTypes.isNumber(b)) {
            if (intLike(a) && intLike(b)) {
                try {
                    return Math.subtractExact(PyTypes.toLong(a), PyTypes.toLong(b));
                } catch (ArithmeticException e) {
                    throw overflow();
                }
            }
            return PyTypes.toDouble(a) - PyTypes.toDouble(b);
        }
        throw unsupported("-", a, b);
    }

    /** Python's {@code *}; {@code maxLength} bounds a repeated string or list. */
    static Object multiply(Object a, Object b, int maxLength) {
        failIfUndefined(a, b);
        if (PyTypes.isNumber(a) && PyTypes.isNumber(b)) {
            if (intLike(a) && intLike(b)) {
                try {
                    return Math.multiplyExact(PyTypes.toLong(a), PyTypes.toLong(b));
                } catch (ArithmeticException e) {
                    throw overflow();
                }
            }
            return PyTypes.toDouble(a) * PyTypes.toDouble(b);
        }
        if (isRepeatable(b) && PyTypes.isNumber(a)) {
            return multiply(b, a, maxLength);
        }
        if (isRepeatable(a)) {
            if (!intLike(b)) {
                throw new TemplateRenderException("can't multiply sequence by non-int of type '"
                        + PyTypes.typeName(b) + "'");
            }
            long times = Math.max(0, PyTypes.toLong(b));
            long size = a instanceof List<?> list ? list.size() : PyTypes.stringOrNull(a).length();
            if (size * times > maxLength || times > maxLength) {
                throw Limits.exceeded("a repeated value longer than " + maxLength);
            }
            if (a instanceof List<?> list) {
                List<Object> repeated = new ArrayList<>((int) (size * times));
                for (long i = 0; i < times; i++) {
                    repeated.addAll(list);
                }
                return a instanceof PyTuple ? new PyTuple(repeated) : repeated;
            }
            String repeated = PyTypes.stringOrNull(a).repeat((int) times);
            return a instanceof Markup ? new Markup(repeated) : repeated;
        }
        throw unsupported("*", a, b);
    }

    private static boolean isRepeatable(Object value) {
        return PyTypes.isString(value) || value instanceof List<?> && !(value instanceof DictView)
                && !(value instanceof PyRange);
    }

    static Object divide(Object a, Object b) {
        failIfUndefined(a, b);
        if (PyTypes.isNumber(a) && PyTypes.isNumber(b)) {
            double divisor = PyTypes.toDouble(b);
            if (divisor == 0) {
                throw new TemplateRenderException(PyTypes.isFloat(a) || PyTypes.isFloat(b)
                        ? "float division by zero" : "division by zero");
            }
            return PyTypes.toDouble(a) / divisor;
        }
        throw unsupported("/", a, b);
    }

    static Object floorDivide(Object a, Object b) {
        failIfUndefined(a, b);
        if (PyTypes.isNumber(a) && PyTypes.isNumber(b)) {
            if (intLike(a) && intLike(b)) {
                long divisor = PyTypes.toLong(b);
                if (divisor == 0) {
                    throw new TemplateRenderException("integer division or modulo by zero");
                }
                return Math.floorDiv(PyTypes.toLong(a), divisor);
            }
            return floatDivMod(PyTypes.toDouble(a), PyTypes.toDouble(b), "float floor division by zero")[0];
        }
        throw unsupported("//", a, b);
    }

    /** Python's {@code %}: the remainder of numbers, or printf-style formatting when {@code a} is a string. */
    static Object modulo(Object a, Object b) {
        String template = PyTypes.stringOrNull(a);
        if (template != null) {
            if (a instanceof Markup) {
                // markupsafe escapes the values it formats into Markup.
                Object escaped = b instanceof PyTuple tuple
                        ? new PyTuple(tuple.stream().map(PyOps::escapeIfString).toList()) : escapeIfString(b);
                return new Markup(PyFormat.percent(template, escaped));
            }
            return PyFormat.percent(template, b);
        }
        failIfUndefined(a, b);
        if (PyTypes.isNumber(a) && PyTypes.isNumber(b)) {
            if (intLike(a) && intLike(b)) {
                long divisor = PyTypes.toLong(b);
                if (divisor == 0) {
                    throw new TemplateRenderException("integer division or modulo by zero");
                }
                return Math.floorMod(PyTypes.toLong(a), divisor);
            }
            return floatDivMod(PyTypes.toDouble(a), PyTypes.toDouble(b), "float modulo")[1];
        }
        throw unsupported("%", a, b);
    }

    private static Object escapeIfString(Object value) {
        return PyTypes.isString(value) ? Markup.escape(value).text() : value;
    }

    /** CPython's {@code float_divmod}, so that signs and rounding agree with Python's {@code //} and {@code %}. */
    private static double[] floatDivMod(double a, double b, String zeroMessage) {
        if (b == 0) {
            throw new TemplateRenderException(zeroMessage);
        }
        double mod = a % b;
        double div = (a - mod) / b;
        if (mod != 0) {
            if ((b < 0) != (mod < 0)) {
                mod += b;
                div -= 1.0;
            }
        } else {
            mod = Math.copySign(0.0, b);
        }
        double floorDiv;
        if (div != 0) {
            floorDiv = Math.floor(div);
            if (div - floorDiv > 0.5) {
                floorDiv += 1.0;
            }
        } else {
            floorDiv = Math.copySign(0.0, a / b);
        }
        return new double[] {floorDiv, mod};
    }

    static Object power(Object a, Object b) {
        failIfUndefined(a, b);
        if (PyTypes.isNumber(a) && PyTypes.isNumber(b)) {
            if (intLike(a) && intLike(b) && PyTypes.toLong(b) >= 0) {
                long base = PyTypes.toLong(a);
                long exponent = PyTypes.toLong(b);
                long result = 1;
                try {
                    for (long i = 0; i < exponent; i++) {
                        result = Math.multiplyExact(result, base);
                        if (result == 0 || result == 1 && base == 1) {
                            break;
                        }
                    }
                } catch (ArithmeticException e) {
                    throw overflow();
                }
                return base == -1 ? (exponent % 2 == 0 ? 1L : -1L) : result;
            }
            double x = PyTypes.toDouble(a);
            double y = PyTypes.toDouble(b);
            if (x == 0 && y < 0) {
                throw new TemplateRenderException("0.0 cannot be raised to a negative power");
            }
            return Math.pow(x, y);
        }
        throw unsupported("** or pow()", a, b);
    }

    static Object negate(Object value) {
        if (value instanceof Undefined u) {
            throw u.error();
        }
        if (PyTypes.isFloat(value)) {
            return -PyTypes.toDouble(value);
        }
        if (PyTypes.isNumber(value)) {
            return Math.negateExact(PyTypes.toLong(value));
        }
        throw new TemplateRenderException("bad operand type for unary -: '" + PyTypes.typeName(value) + "'");
    }

    static Object plus(Object value) {
        if (value instanceof Undefined u) {
            throw u.error();
        }
        if (PyTypes.isFloat(value)) {
            return PyTypes.toDouble(value);
        }
        if (PyTypes.isNumber(value)) {
            return PyTypes.toLong(value);
        }
        throw new TemplateRenderException("bad operand type for unary +: '" + PyTypes.typeName(value) + "'");
    }

    /** Python's {@code item in container}. */
    static boolean contains(Object container, Object item) {
        String text = PyTypes.stringOrNull(container);
        if (text != null) {
            String needle = PyTypes.stringOrNull(item);
            if (needle == null) {
                if (item instanceof Undefined u) {
                    throw u.error();
                }
                throw new TemplateRenderException("'in <string>' requires string as left operand, not "
                        + PyTypes.typeName(item));
            }
            return text.contains(needle);
        }
        if (container instanceof Map<?, ?> map) {
            Object missing = new Object();
            return PyTypes.mapGet(map, PyTypes.key(item), missing) != missing;
        }
        if (container instanceof Collection<?> items) {
            for (Object candidate : items) {
                if (equal(candidate, item)) {
                    return true;
                }
            }
            return false;
        }
        if (container instanceof PyGenerator generator) {
            for (Iterator<Object> it = generator.iterator(); it.hasNext(); ) {
                if (equal(it.next(), item)) {
                    return true;
                }
            }
            return false;
        }
        if (container instanceof Undefined) {
            return false;
        }
        throw new TemplateRenderException("argument of type '" + PyTypes.typeName(container) + "' is not iterable");
    }
}
