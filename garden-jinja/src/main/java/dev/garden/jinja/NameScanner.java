package dev.garden.jinja;

import java.util.List;
import java.util.Set;

/**
 * Collects the variable names a macro body reads, as jinja2 does to decide whether a macro takes {@code varargs},
 * {@code kwargs} and a {@code caller}.
 */
final class NameScanner {
    private NameScanner() {
    }

    static void collect(List<Node> body, Set<String> names) {
        for (Node node : body) {
            collect(node, names);
        }
    }

    private static void collect(Node node, Set<String> names) {
        switch (node) {
            case Node.Text ignored -> {
            }
            case Node.Print print -> collect(print.expr(), names);
            case Node.If branch -> {
                branch.conditions().forEach(condition -> collect(condition, names));
                branch.bodies().forEach(body -> collect(body, names));
                collect(branch.otherwise(), names);
            }
            case Node.For loop -> {
                collect(loop.iterable(), names);
                collect(loop.filter(), names);
                collect(loop.body(), names);
                collect(loop.otherwise(), names);
            }
            case Node.Set set -> collect(set.value(), names);
            case Node.SetBlock block -> {
                collect(block.filter(), names);
                collect(block.body(), names);
            }
            case Node.Macro macro -> {
                macro.defaults().forEach(value -> collect(value, names));
                collect(macro.body(), names);
            }
            case Node.CallBlock call -> {
                collect(call.caller(), names);
                collect(call.call(), names);
            }
            case Node.FilterBlock block -> {
                collect(block.filter(), names);
                collect(block.body(), names);
            }
            case Node.With with -> {
                with.values().forEach(value -> collect(value, names));
                collect(with.body(), names);
            }
            case Node.Scoped scoped -> collect(scoped.body(), names);
            case Node.Break ignored -> {
            }
            case Node.Continue ignored -> {
            }
        }
    }

    private static void collect(Expr expr, Set<String> names) {
        switch (expr) {
            case null -> {
            }
            case Expr.Name name -> names.add(name.name());
            case Expr.Literal ignored -> {
            }
            case Expr.NamespaceRef ref -> names.add(ref.name());
            case Expr.ListLiteral list -> list.items().forEach(item -> collect(item, names));
            case Expr.TupleLiteral tuple -> tuple.items().forEach(item -> collect(item, names));
            case Expr.DictLiteral dict -> {
                dict.keys().forEach(key -> collect(key, names));
                dict.values().forEach(value -> collect(value, names));
            }
            case Expr.GetAttr get -> collect(get.target(), names);
            case Expr.GetItem get -> {
                collect(get.target(), names);
                collect(get.key(), names);
            }
            case Expr.Slice slice -> {
                collect(slice.start(), names);
                collect(slice.stop(), names);
                collect(slice.step(), names);
            }
            case Expr.Call call -> {
                collect(call.callee(), names);
                collect(call.arguments(), names);
            }
            case Expr.Filter filter -> {
                collect(filter.input(), names);
                collect(filter.arguments(), names);
            }
            case Expr.Test test -> {
                collect(test.input(), names);
                collect(test.arguments(), names);
            }
            case Expr.Not not -> collect(not.operand(), names);
            case Expr.Unary unary -> collect(unary.operand(), names);
            case Expr.Binary binary -> {
                collect(binary.left(), names);
                collect(binary.right(), names);
            }
            case Expr.Concat concat -> concat.parts().forEach(part -> collect(part, names));
            case Expr.And and -> {
                collect(and.left(), names);
                collect(and.right(), names);
            }
            case Expr.Or or -> {
                collect(or.left(), names);
                collect(or.right(), names);
            }
            case Expr.Compare compare -> {
                collect(compare.first(), names);
                compare.operands().forEach(operand -> collect(operand, names));
            }
            case Expr.Conditional conditional -> {
                collect(conditional.test(), names);
                collect(conditional.then(), names);
                collect(conditional.otherwise(), names);
            }
        }
    }

    private static void collect(Expr.Arguments arguments, Set<String> names) {
        arguments.positional().forEach(arg -> collect(arg, names));
        arguments.values().forEach(arg -> collect(arg, names));
        collect(arguments.varargs(), names);
        collect(arguments.kwargs(), names);
    }
}
