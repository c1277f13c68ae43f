package dev.garden.jinja;

import java.util.List;

/** A statement of a parsed template. Every statement knows its line, for error messages. */
sealed interface Node {
    int line();

    /** Literal template text. */
    record Text(String text, int line) implements Node {
    }

    /** {@code {{ expr }}}. */
    record Print(Expr expr, int line) implements Node {
    }

    /** {@code {% if %}} with its {@code elif} branches, as parallel lists, and an optional {@code else}. */
    record If(List<Expr> conditions, List<List<Node>> bodies, List<Node> otherwise, int line) implements Node {
    }

    /** {@code {% for target in iterable if filter recursive %}...{% else %}...{% endfor %}}. */
    record For(Expr target, Expr iterable, Expr filter, List<Node> body, List<Node> otherwise, boolean recursive,
               int line) implements Node {
    }

    /** {@code {% set target = value %}}. */
    record Set(Expr target, Expr value, int line) implements Node {
    }

    /** {@code {% set target | filters %}body{% endset %}}; {@code filter} is {@code null} without filters. */
    record SetBlock(Expr target, Expr filter, List<Node> body, int line) implements Node {
    }

    /** {@code {% macro name(params) %}} or the anonymous caller of a {@code {% call %}} block. */
    record Macro(String name, List<String> params, List<Expr> defaults, List<Node> body, boolean catchVarargs,
                 boolean catchKwargs, boolean usesCaller, int line) implements Node {
    }

    /** {@code {% call(params) callee(args) %}body{% endcall %}}: calls {@code call} with {@code caller} set to the body. */
    record CallBlock(Macro caller, Expr.Call call, int line) implements Node {
    }

    /** {@code {% filter name(args) %}body{% endfilter %}}: the body's output through a filter chain. */
    record FilterBlock(Expr filter, List<Node> body, int line) implements Node {
    }

    /** {@code {% with a = 1 %}}: assignments visible only in the body. */
    record With(List<Expr> targets, List<Expr> values, List<Node> body, int line) implements Node {
    }

    /** A body rendered in a scope of its own: Hugging Face's {@code {% generation %}} block. */
    record Scoped(List<Node> body, int line) implements Node {
    }

    /** {@code {% break %}}. */
    record Break(int line) implements Node {
    }

    /** {@code {% continue %}}. */
    record Continue(int line) implements Node {
    }
}
