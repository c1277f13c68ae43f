package dev.garden.jinja;

import dev.garden.jinja.Token.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The expression half of jinja2's parser, precedence for precedence: conditional, {@code or}, {@code and},
 * {@code not}, comparisons, {@code + -}, {@code ~}, {@code * / // %}, {@code **}, unary, then filters and tests,
 * which bind tighter than any binary operator.
 */
final class ExpressionParser {
    private static final Set<String> COMPARE_OPERATORS = Set.of("==", "!=", "<", "<=", ">", ">=");
    private static final int MAX_NESTING = 200;

    private final TokenStream stream;
    /**
     * jinja2 checks filter and test names when it compiles, except inside an {@code if} statement or an inline
     * {@code if} (its "soft frames"), where an unknown name fails only if evaluated.
     */
    boolean soft;
    private int nesting;

    ExpressionParser(TokenStream stream) {
        this.stream = stream;
    }

    Expr parseExpression() {
        return parseExpression(true);
    }

    Expr parseExpression(boolean withConditional) {
        if (++nesting > MAX_NESTING) {
            throw stream.error("expression nested too deeply");
        }
        try {
            return withConditional ? parseConditional() : parseOr();
        } finally {
            nesting--;
        }
    }

    private Expr parseConditional() {
        Expr expr = parseOr();
        while (stream.skipName("if")) {
            boolean wasSoft = soft;
            soft = true;
            Expr test = parseOr();
            Expr otherwise = stream.skipName("else") ? parseConditional() : null;
            soft = wasSoft;
            expr = new Expr.Conditional(test, expr, otherwise);
        }
        return expr;
    }

    private Expr parseOr() {
        Expr left = parseAnd();
        while (stream.skipName("or")) {
            left = new Expr.Or(left, parseAnd());
        }
        return left;
    }

    private Expr parseAnd() {
        Expr left = parseNot();
        while (stream.skipName("and")) {
            left = new Expr.And(left, parseNot());
        }
        return left;
    }

    private Expr parseNot() {
        if (stream.skipName("not")) {
            return new Expr.Not(parseNot());
        }
        return parseCompare();
    }

    private Expr parseCompare() {
        Expr first = parseMath1();
        List<String> operators = new ArrayList<>();
        List<Expr> operands = new ArrayList<>();
        while (true) {
            Token token = stream.current();
            if (token.is(Kind.OPERATOR) && COMPARE_OPERATORS.contains(token.value())) {
                stream.next();
                operators.add(token.value());
            } else if (stream.skipName("in")) {
                operators.add("in");
            } else if (token.isName("not") && stream.look().isName("in")) {
                stream.next();
                stream.next();
                operators.add("notin");
            } else {
                break;
            }
            operands.add(parseMath1());
        }
        return operators.isEmpty() ? first : new Expr.Compare(first, operators, operands);
    }

    private Expr parseMath1() {
        Expr left = parseConcat();
        while (stream.current().isOperator("+") || stream.current().isOperator("-")) {
            String operator = stream.next().value();
            left = new Expr.Binary(operator, left, parseConcat());
        }
        return left;
    }

    private Expr parseConcat() {
        List<Expr> parts = new ArrayList<>();
        parts.add(parseMath2());
        while (stream.skipOperator("~")) {
            parts.add(parseMath2());
        }
        return parts.size() == 1 ? parts.getFirst() : new Expr.Concat(parts);
    }

    private Expr parseMath2() {
        Expr left = parsePow();
        while (true) {
            Token token = stream.current();
            if (token.is(Kind.OPERATOR) && Set.of("*", "/", "//", "%").contains(token.value())) {
                stream.next();
                left = new Expr.Binary(token.value(), left, parsePow());
            } else {
                return left;
            }
        }
    }

    private Expr parsePow() {
        Expr left = parseUnary(true);
        while (stream.skipOperator("**")) {
            left = new Expr.Binary("**", left, parseUnary(true));
        }
        return left;
    }

    private Expr parseUnary(boolean withFilter) {
        Expr node;
        if (stream.skipOperator("-")) {
            node = new Expr.Unary("-", parseUnary(false));
        } else if (stream.skipOperator("+")) {
            node = new Expr.Unary("+", parseUnary(false));
        } else {
            node = parsePrimary(false);
        }
        node = parsePostfix(node);
        return withFilter ? parseFilterExpr(node) : node;
    }

    Expr parsePrimary(boolean withNamespace) {
        Token token = stream.current();
        switch (token.kind()) {
            case NAME -> {
                stream.next();
                return switch (token.value()) {
                    case "true", "True" -> new Expr.Literal(true);
                    case "false", "False" -> new Expr.Literal(false);
                    case "none", "None" -> new Expr.Literal(null);
                    default -> {
                        if (withNamespace && stream.current().isOperator(".")) {
                            stream.next();
                            yield new Expr.NamespaceRef(token.value(), stream.expect(Kind.NAME, "name").value());
                        }
                        yield new Expr.Name(token.value());
                    }
                };
            }
            case STRING -> {
                StringBuilder text = new StringBuilder(stream.next().value());
                while (stream.current().is(Kind.STRING)) {
                    text.append(stream.next().value());
                }
                return new Expr.Literal(text.toString());
            }
            case INTEGER -> {
                return new Expr.Literal(parseInteger(stream.next()));
            }
            case FLOAT -> {
                return new Expr.Literal(Double.parseDouble(stream.next().value().replace("_", "")));
            }
            case OPERATOR -> {
                switch (token.value()) {
                    case "(" -> {
                        stream.next();
                        Expr inner = parseTuple(false, true, true);
                        stream.expectOperator(")");
                        return inner;
                    }
                    case "[" -> {
                        return parseList();
                    }
                    case "{" -> {
                        return parseDict();
                    }
                    default -> {
                    }
                }
            }
            default -> {
            }
        }
        throw stream.error("unexpected '" + token.describe() + "'");
    }

    private Long parseInteger(Token token) {
        String text = token.value().replace("_", "").toLowerCase();
        try {
            if (text.length() > 1 && text.charAt(0) == '0' && Character.isLetter(text.charAt(1))) {
                int radix = switch (text.charAt(1)) {
                    case 'b' -> 2;
                    case 'o' -> 8;
                    default -> 16;
                };
                return Long.parseLong(text.substring(2), radix);
            }
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw stream.error("integer literal too large", token);
        }
    }

    /**
     * A comma-separated tuple, or a single expression when there is no comma. {@code simplified} parses only names
     * and literals (assignment targets); {@code explicitParentheses} allows the empty tuple.
     */
    Expr parseTuple(boolean simplified, boolean withConditional, boolean explicitParentheses) {
        return parseTuple(simplified, withConditional, explicitParentheses, false);
    }

    Expr parseTuple(boolean simplified, boolean withConditional, boolean explicitParentheses, boolean withNamespace) {
        List<Expr> items = new ArrayList<>();
        boolean isTuple = false;
        while (true) {
            if (!items.isEmpty()) {
                stream.expectOperator(",");
            }
            if (isTupleEnd()) {
                break;
            }
            items.add(simplified ? parsePrimary(withNamespace) : parseExpression(withConditional));
            if (stream.current().isOperator(",")) {
                isTuple = true;
            } else {
                break;
            }
        }
        if (!isTuple) {
            if (!items.isEmpty()) {
                return items.getFirst();
            }
            if (!explicitParentheses) {
                throw stream.error("Expected an expression, got '" + stream.current().describe() + "'");
            }
        }
        return new Expr.TupleLiteral(List.copyOf(items));
    }

    /**
     * Where a tuple ends. jinja2 also takes "extra end rules" ({@code in} after a for loop's targets), but passes
     * them so that they never match, which makes {@code {% for x, in y %}} an error; this does the same.
     */
    private boolean isTupleEnd() {
        Token token = stream.current();
        return token.is(Kind.VARIABLE_END) || token.is(Kind.BLOCK_END) || token.isOperator(")");
    }

    private Expr parseList() {
        stream.expectOperator("[");
        List<Expr> items = new ArrayList<>();
        while (!stream.current().isOperator("]")) {
            if (!items.isEmpty()) {
                stream.expectOperator(",");
            }
            if (stream.current().isOperator("]")) {
                break;
            }
            items.add(parseExpression());
        }
        stream.expectOperator("]");
        return new Expr.ListLiteral(List.copyOf(items));
    }

    private Expr parseDict() {
        stream.expectOperator("{");
        List<Expr> keys = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        while (!stream.current().isOperator("}")) {
            if (!keys.isEmpty()) {
                stream.expectOperator(",");
            }
            if (stream.current().isOperator("}")) {
                break;
            }
            keys.add(parseExpression());
            stream.expectOperator(":");
            values.add(parseExpression());
        }
        stream.expectOperator("}");
        return new Expr.DictLiteral(List.copyOf(keys), List.copyOf(values));
    }

    Expr parsePostfix(Expr node) {
        while (true) {
            Token token = stream.current();
            if (token.isOperator(".") || token.isOperator("[")) {
                node = parseSubscript(node);
            } else if (token.isOperator("(")) {
                node = new Expr.Call(node, parseArguments());
            } else {
                return node;
            }
        }
    }

    private Expr parseFilterExpr(Expr node) {
        while (true) {
            Token token = stream.current();
            if (token.isOperator("|")) {
                node = parseFilter(node, false);
            } else if (token.isName("is")) {
                node = parseTest(node);
            } else if (token.isOperator("(")) {
                node = new Expr.Call(node, parseArguments());
            } else {
                return node;
            }
        }
    }

    private Expr parseSubscript(Expr node) {
        Token token = stream.next();
        if (token.isOperator(".")) {
            Token attribute = stream.next();
            if (attribute.is(Kind.NAME)) {
                return new Expr.GetAttr(node, attribute.value());
            }
            if (!attribute.is(Kind.INTEGER)) {
                throw stream.error("expected name or number", attribute);
            }
            return new Expr.GetItem(node, new Expr.Literal(parseInteger(attribute)));
        }
        List<Expr> keys = new ArrayList<>();
        while (!stream.current().isOperator("]")) {
            if (!keys.isEmpty()) {
                stream.expectOperator(",");
            }
            keys.add(parseSubscribed());
        }
        stream.expectOperator("]");
        return new Expr.GetItem(node, keys.size() == 1 ? keys.getFirst() : new Expr.TupleLiteral(List.copyOf(keys)));
    }

    private Expr parseSubscribed() {
        Expr start = null;
        if (stream.current().isOperator(":")) {
            stream.next();
        } else {
            Expr expr = parseExpression();
            if (!stream.current().isOperator(":")) {
                return expr;
            }
            stream.next();
            start = expr;
        }
        Expr stop = null;
        if (!stream.current().isOperator(":") && !stream.current().isOperator("]") && !stream.current().isOperator(",")) {
            stop = parseExpression();
        }
        Expr step = null;
        if (stream.skipOperator(":") && !stream.current().isOperator("]") && !stream.current().isOperator(",")) {
            step = parseExpression();
        }
        return new Expr.Slice(start, stop, step);
    }

    Expr.Arguments parseArguments() {
        Token open = stream.expectOperator("(");
        List<Expr> positional = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        Expr varargs = null;
        Expr kwargs = null;
        boolean requireComma = false;
        while (!stream.current().isOperator(")")) {
            if (requireComma) {
                stream.expectOperator(",");
                if (stream.current().isOperator(")")) {
                    break;
                }
            }
            if (stream.skipOperator("*")) {
                ensure(varargs == null && kwargs == null, open);
                varargs = parseExpression();
            } else if (stream.skipOperator("**")) {
                ensure(kwargs == null, open);
                kwargs = parseExpression();
            } else if (stream.current().is(Kind.NAME) && stream.look().isOperator("=")) {
                ensure(kwargs == null, open);
                names.add(stream.next().value());
                stream.next();
                values.add(parseExpression());
            } else {
                ensure(varargs == null && kwargs == null && names.isEmpty(), open);
                positional.add(parseExpression());
            }
            requireComma = true;
        }
        stream.expectOperator(")");
        return new Expr.Arguments(List.copyOf(positional), List.copyOf(names), List.copyOf(values), varargs, kwargs);
    }

    private void ensure(boolean condition, Token at) {
        if (!condition) {
            throw stream.error("invalid syntax for function call expression", at);
        }
    }

    /** {@code | name(args) | ...}; with {@code startInline} the first filter has no pipe (filter blocks, set blocks). */
    Expr parseFilter(Expr node, boolean startInline) {
        while (stream.current().isOperator("|") || startInline) {
            if (!startInline) {
                stream.next();
            }
            Token nameToken = stream.expect(Kind.NAME, "name");
            String name = dottedName(nameToken.value());
            checkKnown(name, true, nameToken);
            Expr.Arguments arguments = stream.current().isOperator("(") ? parseArguments() : Expr.Arguments.NONE;
            node = new Expr.Filter(node, name, arguments);
            startInline = false;
        }
        return node;
    }

    private Expr parseTest(Expr node) {
        stream.next();
        boolean negated = stream.skipName("not");
        Token nameToken = stream.expect(Kind.NAME, "name");
        String name = dottedName(nameToken.value());
        checkKnown(name, false, nameToken);
        Expr.Arguments arguments = Expr.Arguments.NONE;
        Token current = stream.current();
        if (current.isOperator("(")) {
            arguments = parseArguments();
        } else if ((current.is(Kind.NAME) || current.is(Kind.STRING) || current.is(Kind.INTEGER)
                || current.is(Kind.FLOAT) || current.isOperator("[") || current.isOperator("{"))
                && !current.isName("else") && !current.isName("or") && !current.isName("and")) {
            if (current.isName("is")) {
                throw stream.error("You cannot chain multiple tests with is");
            }
            Expr argument = parsePostfix(parsePrimary(false));
            arguments = new Expr.Arguments(List.of(argument), List.of(), List.of(), null, null);
        }
        Expr test = new Expr.Test(node, name, arguments);
        return negated ? new Expr.Not(test) : test;
    }

    private String dottedName(String first) {
        StringBuilder name = new StringBuilder(first);
        while (stream.skipOperator(".")) {
            name.append('.').append(stream.expect(Kind.NAME, "name").value());
        }
        return name.toString();
    }

    private void checkKnown(String name, boolean filter, Token at) {
        boolean known = filter ? Filters.isKnown(name) : Tests.isKnown(name);
        if (!known && !soft) {
            throw stream.error("No " + (filter ? "filter" : "test") + " named '" + name + "'.", at);
        }
    }
}
