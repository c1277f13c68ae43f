package dev.garden.jinja;

import java.util.List;

/** An expression of a parsed template. */
sealed interface Expr {
    /** A constant: a string, a {@link Long}, a {@link Double}, a {@link Boolean} or {@code null}. */
    record Literal(Object value) implements Expr {
    }

    /** A variable. */
    record Name(String name) implements Expr {
    }

    /** {@code ns.attr} as an assignment target. */
    record NamespaceRef(String name, String attribute) implements Expr {
    }

    record ListLiteral(List<Expr> items) implements Expr {
    }

    record TupleLiteral(List<Expr> items) implements Expr {
    }

    record DictLiteral(List<Expr> keys, List<Expr> values) implements Expr {
    }

    /** {@code target.name}. */
    record GetAttr(Expr target, String name) implements Expr {
    }

    /** {@code target[key]}; a {@link Slice} key slices. */
    record GetItem(Expr target, Expr key) implements Expr {
    }

    /** {@code start:stop:step} inside brackets; absent parts are {@code null}. */
    record Slice(Expr start, Expr stop, Expr step) implements Expr {
    }

    /** The arguments of a call, filter or test: positional, keyword (parallel lists), {@code *args}, {@code **kwargs}. */
    record Arguments(List<Expr> positional, List<String> names, List<Expr> values, Expr varargs, Expr kwargs) {
        static final Arguments NONE = new Arguments(List.of(), List.of(), List.of(), null, null);
    }

    record Call(Expr callee, Arguments arguments) implements Expr {
    }

    /** {@code input | name(arguments)}; {@code input} is {@code null} for the chain of a filter block. */
    record Filter(Expr input, String name, Arguments arguments) implements Expr {
    }

    /** {@code input is name(arguments)}. */
    record Test(Expr input, String name, Arguments arguments) implements Expr {
    }

    /** {@code not operand}. */
    record Not(Expr operand) implements Expr {
    }

    /** Unary {@code -} or {@code +}. */
    record Unary(String operator, Expr operand) implements Expr {
    }

    /** {@code + - * / // % **}. */
    record Binary(String operator, Expr left, Expr right) implements Expr {
    }

    /** {@code a ~ b ~ c}. */
    record Concat(List<Expr> parts) implements Expr {
    }

    record And(Expr left, Expr right) implements Expr {
    }

    record Or(Expr left, Expr right) implements Expr {
    }

    /** A chain {@code a < b == c}, as parallel operators and operands; operators include {@code in} and {@code notin}. */
    record Compare(Expr first, List<String> operators, List<Expr> operands) implements Expr {
    }

    /** {@code then if test else otherwise}; {@code otherwise} may be {@code null}. */
    record Conditional(Expr test, Expr then, Expr otherwise) implements Expr {
    }
}
