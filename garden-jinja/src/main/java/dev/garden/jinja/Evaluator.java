package dev.garden.jinja;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Evaluates expressions to template values, with Python's semantics. */
final class Evaluator {
    private final Limits limits;

    Evaluator(Limits limits) {
        this.limits = limits;
    }

    Limits limits() {
        return limits;
    }

    Object eval(Expr expr, Scope scope) {
        return switch (expr) {
            case Expr.Literal literal -> literal.value();
            case Expr.Name name -> {
                Object value = scope.lookup(name.name());
                yield value == Scope.MISSING ? Undefined.name(name.name()) : value;
            }
            case Expr.GetAttr get -> Access.attribute(eval(get.target(), scope), get.name());
            case Expr.GetItem get -> {
                Object target = eval(get.target(), scope);
                if (get.key() instanceof Expr.Slice slice) {
                    yield Access.slice(target, evalOrNull(slice.start(), scope), evalOrNull(slice.stop(), scope),
                            evalOrNull(slice.step(), scope));
                }
                yield Access.item(target, eval(get.key(), scope));
            }
            case Expr.Call call -> call(call, scope, Map.of());
            case Expr.Filter filter -> applyFilter(filter, eval(filter.input(), scope), scope);
            case Expr.Test test -> Tests.apply(test.name(), eval(test.input(), scope),
                    positional(test.arguments(), scope), keywords(test.arguments(), scope));
            case Expr.Not not -> !PyTypes.truthy(eval(not.operand(), scope));
            case Expr.And and -> {
                Object left = eval(and.left(), scope);
                yield PyTypes.truthy(left) ? eval(and.right(), scope) : left;
            }
            case Expr.Or or -> {
                Object left = eval(or.left(), scope);
                yield PyTypes.truthy(left) ? left : eval(or.right(), scope);
            }
            case Expr.Conditional conditional -> {
                if (PyTypes.truthy(eval(conditional.test(), scope))) {
                    yield eval(conditional.then(), scope);
                }
                yield conditional.otherwise() != null ? eval(conditional.otherwise(), scope)
                        : Undefined.hint("the inline if-expression evaluated to false and no else section was defined.");
            }
            case Expr.Compare compare -> compare(compare, scope);
            case Expr.Binary binary -> binary(binary.operator(), eval(binary.left(), scope), eval(binary.right(), scope));
            case Expr.Unary unary -> unary.operator().equals("-") ? PyOps.negate(eval(unary.operand(), scope))
                    : PyOps.plus(eval(unary.operand(), scope));
            case Expr.Concat concat -> {
                StringBuilder text = new StringBuilder();
                for (Expr part : concat.parts()) {
                    text.append(PyRepr.str(eval(part, scope)));
                    limits.checkLength(text.length());
                }
                yield text.toString();
            }
            case Expr.ListLiteral list -> {
                List<Object> items = new ArrayList<>(list.items().size());
                list.items().forEach(item -> items.add(eval(item, scope)));
                yield items;
            }
            case Expr.TupleLiteral tuple -> {
                List<Object> items = new ArrayList<>(tuple.items().size());
                tuple.items().forEach(item -> items.add(eval(item, scope)));
                yield new PyTuple(items);
            }
            case Expr.DictLiteral dict -> {
                Map<Object, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < dict.keys().size(); i++) {
                    map.put(PyTypes.key(eval(dict.keys().get(i), scope)), eval(dict.values().get(i), scope));
                }
                yield map;
            }
            case Expr.Slice ignored -> throw new TemplateRenderException("a slice is only valid inside brackets");
            case Expr.NamespaceRef ref -> Access.attribute(eval(new Expr.Name(ref.name()), scope), ref.attribute());
        };
    }

    private Object evalOrNull(Expr expr, Scope scope) {
        return expr == null ? null : eval(expr, scope);
    }

    private Object compare(Expr.Compare compare, Scope scope) {
        Object left = eval(compare.first(), scope);
        for (int i = 0; i < compare.operators().size(); i++) {
            Object right = eval(compare.operands().get(i), scope);
            boolean holds = switch (compare.operators().get(i)) {
                case "==" -> PyOps.equal(left, right);
                case "!=" -> !PyOps.equal(left, right);
                case "in" -> PyOps.contains(right, left);
                case "notin" -> !PyOps.contains(right, left);
                default -> PyOps.compare(compare.operators().get(i), left, right);
            };
            if (!holds) {
                return false;
            }
            left = right;
        }
        return true;
    }

    private Object binary(String operator, Object left, Object right) {
        Object result = switch (operator) {
            case "+" -> PyOps.add(left, right);
            case "-" -> PyOps.subtract(left, right);
            case "*" -> PyOps.multiply(left, right, limits.maxLength());
            case "/" -> PyOps.divide(left, right);
            case "//" -> PyOps.floorDivide(left, right);
            case "%" -> PyOps.modulo(left, right);
            default -> PyOps.power(left, right);
        };
        if (result instanceof String s) {
            limits.checkLength(s.length());
        } else if (result instanceof List<?> list) {
            limits.checkLength(list.size());
        }
        return result;
    }

    List<Object> positional(Expr.Arguments arguments, Scope scope) {
        List<Object> values = new ArrayList<>(arguments.positional().size());
        for (Expr arg : arguments.positional()) {
            values.add(eval(arg, scope));
        }
        if (arguments.varargs() != null) {
            values.addAll(PyTypes.iterate(eval(arguments.varargs(), scope)));
        }
        return values;
    }

    Map<String, Object> keywords(Expr.Arguments arguments, Scope scope) {
        if (arguments.names().isEmpty() && arguments.kwargs() == null) {
            return Map.of();
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < arguments.names().size(); i++) {
            values.put(arguments.names().get(i), eval(arguments.values().get(i), scope));
        }
        if (arguments.kwargs() != null) {
            Object extra = eval(arguments.kwargs(), scope);
            if (!(extra instanceof Map<?, ?> map)) {
                throw new TemplateRenderException("argument after ** must be a mapping, not " + PyTypes.typeName(extra));
            }
            map.forEach((k, v) -> values.put(PyRepr.str(k), v));
        }
        return values;
    }

    /** Evaluates a call; {@code extraKwargs} carries the {@code caller} of a call block. */
    Object call(Expr.Call call, Scope scope, Map<String, Object> extraKwargs) {
        Object callee = eval(call.callee(), scope);
        List<Object> args = positional(call.arguments(), scope);
        Map<String, Object> kwargs = keywords(call.arguments(), scope);
        if (!extraKwargs.isEmpty()) {
            kwargs = new LinkedHashMap<>(kwargs);
            kwargs.putAll(extraKwargs);
        }
        return invoke(callee, args, kwargs);
    }

    Object invoke(Object callee, List<Object> args, Map<String, Object> kwargs) {
        return switch (callee) {
            case InternalFunction function -> function.call(args, kwargs);
            case JinjaFunction function -> callExternal(function, args, kwargs);
            case LoopState loop when loop.recurse() != null -> loop.recurse().call(args, kwargs);
            case LoopState ignored -> throw new TemplateRenderException(
                    "The loop must have the 'recursive' marker to be called recursively.");
            case Undefined undefined -> throw undefined.error();
            case null, default -> throw new TemplateRenderException("'" + PyTypes.typeName(callee)
                    + "' object is not callable");
        };
    }

    /** Calls a caller-supplied function with plain Java values; its own failures become render failures. */
    private static Object callExternal(JinjaFunction function, List<Object> args, Map<String, Object> kwargs) {
        List<Object> plainArgs = new ArrayList<>(args.size());
        args.forEach(arg -> plainArgs.add(plain(arg)));
        Map<String, Object> plainKwargs = new LinkedHashMap<>();
        kwargs.forEach((k, v) -> plainKwargs.put(k, plain(v)));
        try {
            return function.call(plainArgs, plainKwargs);
        } catch (TemplateRenderException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new TemplateRenderException("a template function failed: " + e, 0, e);
        }
    }

    /**
     * A template value as a caller's function should see it: Markup as its text, undefined as null, a namespace as
     * a map, a generator drained into a list; lists and maps are copied only when something inside needs this.
     */
    private static Object plain(Object value) {
        return switch (value) {
            case Markup markup -> markup.text();
            case Undefined ignored -> null;
            case Namespace ns -> Collections.unmodifiableMap(new LinkedHashMap<>((Map<?, ?>) plain(ns.attributes())));
            case PyGenerator generator -> plain(PyTypes.iterate(generator));
            case LoopState loop -> PyRepr.str(loop);
            case Globals.Cycler cycler -> PyRepr.str(cycler);
            case List<?> list -> {
                List<Object> converted = null;
                for (int i = 0; i < list.size(); i++) {
                    Object item = list.get(i);
                    Object plainItem = plain(item);
                    if (plainItem != item && converted == null) {
                        converted = new ArrayList<>(list.subList(0, i));
                    }
                    if (converted != null) {
                        converted.add(plainItem);
                    }
                }
                yield converted == null ? list : Collections.unmodifiableList(converted);
            }
            case Map<?, ?> map -> {
                boolean changed = false;
                Map<Object, Object> converted = new LinkedHashMap<>();
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    Object plainValue = plain(entry.getValue());
                    changed |= plainValue != entry.getValue();
                    converted.put(entry.getKey(), plainValue);
                }
                yield changed ? Collections.unmodifiableMap(converted) : map;
            }
            case null, default -> value;
        };
    }

    private Object applyFilter(Expr.Filter filter, Object input, Scope scope) {
        return Filters.apply(filter.name(), input, positional(filter.arguments(), scope),
                keywords(filter.arguments(), scope), this);
    }

    /** Applies a filter chain whose innermost input is {@code null}: the chain of a filter block or set block. */
    Object applyFilterChain(Expr chain, Object input, Scope scope) {
        Expr.Filter filter = (Expr.Filter) chain;
        Object inner = filter.input() == null ? input : applyFilterChain(filter.input(), input, scope);
        return applyFilter(filter, inner, scope);
    }
}
