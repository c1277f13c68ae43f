package dev.garden.jinja;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Executes the statements of one template for one render; not shared between renders or threads. */
final class Renderer {
    /** How a statement ended: normally, or by {@code break} or {@code continue}, which end the enclosing loop body. */
    private enum Flow { NORMAL, BREAK, CONTINUE }

    private final Limits limits;
    private final Evaluator evaluator;
    private StringBuilder out = new StringBuilder();

    Renderer(RenderLimits limits) {
        this.limits = new Limits(limits);
        this.evaluator = new Evaluator(this.limits);
    }

    String render(List<Node> template, Map<String, ?> context) {
        renderBody(template, Scope.root(context));
        return out.toString();
    }

    private void write(String text) {
        if (out.length() + (long) text.length() > limits.maxLength()) {
            throw Limits.exceeded("output longer than " + limits.maxLength() + " characters");
        }
        out.append(text);
    }

    /** Renders {@code body} into a string of its own, as macros, set blocks and filter blocks do. */
    private String capture(List<Node> body, Scope scope) {
        StringBuilder outer = out;
        out = new StringBuilder();
        try {
            renderBody(body, scope);
            return out.toString();
        } finally {
            out = outer;
        }
    }

    private Flow renderBody(List<Node> body, Scope scope) {
        for (Node node : body) {
            Flow flow;
            try {
                flow = renderNode(node, scope);
            } catch (TemplateRenderException e) {
                throw e.atLine(node.line());
            }
            if (flow != Flow.NORMAL) {
                return flow;
            }
        }
        return Flow.NORMAL;
    }

    private Flow renderNode(Node node, Scope scope) {
        switch (node) {
            case Node.Text text -> write(text.text());
            case Node.Print print -> write(PyRepr.str(evaluator.eval(print.expr(), scope)));
            case Node.If branch -> {
                for (int i = 0; i < branch.conditions().size(); i++) {
                    if (PyTypes.truthy(evaluator.eval(branch.conditions().get(i), scope))) {
                        return renderBody(branch.bodies().get(i), scope);
                    }
                }
                return renderBody(branch.otherwise(), scope);
            }
            case Node.For loop -> {
                return renderFor(loop, evaluator.eval(loop.iterable(), scope), scope, 0);
            }
            case Node.Set set -> assign(set.target(), evaluator.eval(set.value(), scope), scope);
            case Node.SetBlock block -> {
                Object value = capture(block.body(), scope.child());
                if (block.filter() != null) {
                    value = evaluator.applyFilterChain(block.filter(), value, scope);
                }
                assign(block.target(), value, scope);
            }
            case Node.Macro macro -> scope.set(macro.name(), new Macro(macro, scope, this));
            case Node.CallBlock call -> {
                Map<String, Object> extra = new LinkedHashMap<>();
                extra.put("caller", new Macro(call.caller(), scope, this));
                write(PyRepr.str(evaluator.call(call.call(), scope, extra)));
            }
            case Node.FilterBlock block -> {
                String body = capture(block.body(), scope.child());
                write(PyRepr.str(evaluator.applyFilterChain(block.filter(), body, scope)));
            }
            case Node.With with -> {
                Scope inner = scope.child();
                for (int i = 0; i < with.targets().size(); i++) {
                    assign(with.targets().get(i), evaluator.eval(with.values().get(i), scope), inner);
                }
                return renderBody(with.body(), inner);
            }
            case Node.Scoped scoped -> {
                return renderBody(scoped.body(), scope.child());
            }
            case Node.Break ignored -> {
                return Flow.BREAK;
            }
            case Node.Continue ignored -> {
                return Flow.CONTINUE;
            }
        }
        return Flow.NORMAL;
    }

    private Flow renderFor(Node.For loop, Object iterable, Scope scope, int depth0) {
        List<Object> items = PyTypes.iterate(iterable);
        if (loop.filter() != null) {
            List<Object> kept = new ArrayList<>();
            for (Object item : items) {
                limits.step();
                Scope test = scope.child();
                assign(loop.target(), item, test);
                if (PyTypes.truthy(evaluator.eval(loop.filter(), test))) {
                    kept.add(item);
                }
            }
            items = kept;
        }
        if (items.isEmpty()) {
            // The else block is not part of the loop: a break there ends an enclosing loop, as in jinja2.
            return renderBody(loop.otherwise(), scope.child());
        }
        InternalFunction recurse = null;
        if (loop.recursive()) {
            recurse = (args, kwargs) -> {
                if (args.size() != 1 || !kwargs.isEmpty()) {
                    throw new TemplateRenderException("loop() takes exactly one argument");
                }
                limits.enterCall();
                StringBuilder outer = out;
                out = new StringBuilder();
                try {
                    renderFor(loop, args.getFirst(), scope, depth0 + 1);
                    return out.toString();
                } finally {
                    out = outer;
                    limits.exitCall();
                }
            };
        }
        LoopState state = new LoopState(items, depth0, recurse);
        for (Object item : items) {
            limits.step();
            state.advance();
            Scope iteration = scope.child();
            assign(loop.target(), item, iteration);
            iteration.set("loop", state);
            if (renderBody(loop.body(), iteration) == Flow.BREAK) {
                break;
            }
        }
        return Flow.NORMAL;
    }

    /** Binds a value to a name, unpacks it into a tuple of targets, or sets a namespace attribute. */
    private void assign(Expr target, Object value, Scope scope) {
        switch (target) {
            case Expr.Name name -> scope.set(name.name(), value);
            case Expr.TupleLiteral tuple -> {
                List<Object> values = PyTypes.iterate(value);
                int expected = tuple.items().size();
                if (values.size() < expected) {
                    throw new TemplateRenderException("not enough values to unpack (expected " + expected + ", got "
                            + values.size() + ")");
                }
                if (values.size() > expected) {
                    throw new TemplateRenderException("too many values to unpack (expected " + expected + ")");
                }
                for (int i = 0; i < expected; i++) {
                    assign(tuple.items().get(i), values.get(i), scope);
                }
            }
            case Expr.NamespaceRef ref -> {
                Object namespace = scope.lookup(ref.name());
                if (!(namespace instanceof Namespace ns)) {
                    throw new TemplateRenderException("cannot assign attribute on non-namespace object");
                }
                ns.attributes().put(ref.attribute(), value);
            }
            default -> throw new TemplateRenderException("can't assign to " + target);
        }
    }

    /** Calls a macro the way jinja2's {@code Macro.__call__} binds arguments. */
    Object callMacro(Macro macro, List<Object> args, Map<String, Object> kwargs) {
        Node.Macro definition = macro.definition();
        List<String> params = definition.params();
        limits.step();
        limits.enterCall();
        try {
            Scope scope = macro.closure().child();
            Map<String, Object> remaining = new LinkedHashMap<>(kwargs);
            int firstDefault = params.size() - definition.defaults().size();
            for (int i = 0; i < params.size(); i++) {
                String param = params.get(i);
                Object value;
                if (i < args.size()) {
                    value = args.get(i);
                } else if (remaining.containsKey(param)) {
                    value = remaining.remove(param);
                } else if (i >= firstDefault) {
                    value = evaluator.eval(definition.defaults().get(i - firstDefault), scope);
                } else {
                    value = Undefined.hint("parameter " + PyRepr.repr(param) + " was not provided");
                }
                scope.set(param, value);
            }
            if (definition.usesCaller()) {
                Object caller = remaining.remove("caller");
                scope.set("caller", caller != null ? caller : Undefined.hint("No caller defined"));
            }
            if (definition.catchKwargs()) {
                scope.set("kwargs", remaining);
            } else if (!remaining.isEmpty()) {
                String name = remaining.keySet().iterator().next();
                throw new TemplateRenderException(name.equals("caller")
                        ? "macro " + PyRepr.repr(macro.name()) + " was invoked with two values for the special caller argument. This is most likely a bug."
                        : "macro " + PyRepr.repr(macro.name()) + " takes no keyword argument " + PyRepr.repr(name));
            }
            if (definition.catchVarargs()) {
                scope.set("varargs", new PyTuple(args.size() > params.size() ? args.subList(params.size(), args.size()) : List.of()));
            } else if (args.size() > params.size()) {
                throw new TemplateRenderException("macro " + PyRepr.repr(macro.name()) + " takes not more than "
                        + params.size() + " argument(s)");
            }
            return capture(definition.body(), scope);
        } finally {
            limits.exitCall();
        }
    }
}
