package dev.garden.jinja;

import dev.garden.jinja.Token.Kind;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The statement half of jinja2's parser: turns tokens into {@link Node}s, with the tags Hugging Face chat templates
 * use, including {@code generation} and the loop controls {@code break} and {@code continue}.
 */
final class Parser {
    private static final Set<String> UNSUPPORTED_TAGS =
            Set.of("block", "extends", "include", "import", "from", "autoescape", "do", "trans");

    private final TokenStream stream;
    private final ExpressionParser expressions;
    private final List<String> openTags = new ArrayList<>();
    private int loopDepth;

    private Parser(TokenStream stream) {
        this.stream = stream;
        this.expressions = new ExpressionParser(stream);
    }

    static List<Node> parse(SourceText source) {
        Parser parser = new Parser(new TokenStream(Lexer.tokenize(source), source));
        return parser.subparse(null);
    }

    private List<Node> subparse(Set<String> endNames) {
        List<Node> body = new ArrayList<>();
        while (true) {
            Token token = stream.current();
            switch (token.kind()) {
                case DATA -> body.add(new Node.Text(stream.next().value(), stream.lineOf(token)));
                case VARIABLE_BEGIN -> {
                    stream.next();
                    int line = stream.line();
                    body.add(new Node.Print(expressions.parseTuple(false, true, false), line));
                    stream.expect(Kind.VARIABLE_END, "end of print statement");
                }
                case BLOCK_BEGIN -> {
                    stream.next();
                    if (endNames != null && stream.current().is(Kind.NAME) && endNames.contains(stream.current().value())) {
                        return body;
                    }
                    body.add(parseStatement());
                    stream.expect(Kind.BLOCK_END, "end of statement block");
                }
                case EOF -> {
                    if (endNames != null) {
                        throw endOfTemplate(endNames);
                    }
                    return body;
                }
                default -> throw stream.error("unexpected '" + token.describe() + "'");
            }
        }
    }

    private TemplateSyntaxException endOfTemplate(Set<String> endNames) {
        List<String> sorted = endNames.stream().sorted().map(name -> "'" + name + "'").toList();
        return stream.error("Unexpected end of template. Jinja was looking for the following tags: "
                + String.join(" or ", sorted) + ". The innermost block that needs to be closed is '"
                + openTags.getLast() + "'.");
    }

    private Node parseStatement() {
        Token token = stream.current();
        if (!token.is(Kind.NAME)) {
            throw stream.error("tag name expected");
        }
        int line = stream.line();
        openTags.add(token.value());
        try {
            return switch (token.value()) {
                case "if" -> parseIf(line);
                case "for" -> parseFor(line);
                case "set" -> parseSet(line);
                case "macro" -> parseMacro(line);
                case "call" -> parseCallBlock(line);
                case "filter" -> parseFilterBlock(line);
                case "with" -> parseWith(line);
                case "generation" -> {
                    stream.next();
                    yield new Node.Scoped(parseStatements(Set.of("endgeneration"), true, false), line);
                }
                case "print" -> parsePrint(line);
                case "break", "continue" -> {
                    if (loopDepth == 0) {
                        throw stream.error("'" + token.value() + "' outside loop");
                    }
                    stream.next();
                    yield token.value().equals("break") ? new Node.Break(line) : new Node.Continue(line);
                }
                default -> throw stream.error(UNSUPPORTED_TAGS.contains(token.value())
                        ? "The tag '" + token.value() + "' is not supported by this template engine."
                        : "Encountered unknown tag '" + token.value() + "'.");
            };
        } finally {
            openTags.removeLast();
        }
    }

    /**
     * A statement's body up to one of {@code endNames}; the current token is then that end name, or past its tag
     * when {@code dropNeedle}. {@code soft} says whether the body is part of an {@code if} (see
     * {@link ExpressionParser#soft}); loop, macro and block bodies are not.
     */
    private List<Node> parseStatements(Set<String> endNames, boolean dropNeedle, boolean soft) {
        stream.skipOperator(":");
        stream.expect(Kind.BLOCK_END, "end of statement block");
        boolean wasSoft = expressions.soft;
        expressions.soft = soft;
        List<Node> body = subparse(endNames);
        expressions.soft = wasSoft;
        if (dropNeedle) {
            stream.next();
        }
        return body;
    }

    private Node parseIf(int line) {
        stream.expectName("if");
        List<Expr> conditions = new ArrayList<>();
        List<List<Node>> bodies = new ArrayList<>();
        List<Node> otherwise = List.of();
        boolean wasSoft = expressions.soft;
        expressions.soft = true;
        while (true) {
            conditions.add(expressions.parseTuple(false, false, false));
            bodies.add(parseStatements(Set.of("elif", "else", "endif"), false, true));
            Token end = stream.next();
            if (end.isName("elif")) {
                continue;
            }
            if (end.isName("else")) {
                otherwise = parseStatements(Set.of("endif"), true, true);
            }
            break;
        }
        expressions.soft = wasSoft;
        return new Node.If(List.copyOf(conditions), List.copyOf(bodies), otherwise, line);
    }

    private Node parseFor(int line) {
        stream.expectName("for");
        Expr target = parseAssignTarget(false);
        stream.expectName("in");
        Expr iterable = expressions.parseTuple(false, false, false);
        Expr filter = null;
        if (stream.skipName("if")) {
            boolean wasSoft = expressions.soft;
            expressions.soft = false;
            filter = expressions.parseExpression();
            expressions.soft = wasSoft;
        }
        boolean recursive = stream.skipName("recursive");
        loopDepth++;
        List<Node> body = parseStatements(Set.of("endfor", "else"), false, false);
        loopDepth--;
        List<Node> otherwise = List.of();
        if (stream.next().isName("else")) {
            otherwise = parseStatements(Set.of("endfor"), true, false);
        }
        return new Node.For(target, iterable, filter, body, otherwise, recursive, line);
    }

    private Node parseSet(int line) {
        stream.expectName("set");
        Expr target = parseAssignTarget(true);
        if (stream.skipOperator("=")) {
            return new Node.Set(target, expressions.parseTuple(false, true, false), line);
        }
        Expr filter = stream.current().isOperator("|") ? expressions.parseFilter(null, false) : null;
        List<Node> body = parseStatements(Set.of("endset"), true, false);
        return new Node.SetBlock(target, filter, body, line);
    }

    /** A name, a tuple of names, or (with {@code withNamespace}) {@code ns.attr}. */
    private Expr parseAssignTarget(boolean withNamespace) {
        Token at = stream.current();
        Expr target = expressions.parseTuple(true, true, false, withNamespace);
        checkAssignable(target, at);
        return target;
    }

    private void checkAssignable(Expr target, Token at) {
        switch (target) {
            case Expr.Name name -> checkName(name.name(), at);
            case Expr.NamespaceRef ignored -> {
            }
            case Expr.TupleLiteral tuple -> tuple.items().forEach(item -> checkAssignable(item, at));
            default -> throw stream.error("can't assign to '" + target.getClass().getSimpleName().toLowerCase() + "'", at);
        }
    }

    private void checkName(String name, Token at) {
        if (Set.of("true", "false", "none", "True", "False", "None").contains(name)) {
            throw stream.error("can't assign to 'const'", at);
        }
    }

    private String parseName() {
        Token token = stream.expect(Kind.NAME, "name");
        checkName(token.value(), token);
        return token.value();
    }

    private Node parseMacro(int line) {
        stream.expectName("macro");
        String name = parseName();
        List<String> params = new ArrayList<>();
        List<Expr> defaults = new ArrayList<>();
        parseSignature(params, defaults);
        return macro(name, params, defaults, Set.of("endmacro"), line);
    }

    private Node.Macro macro(String name, List<String> params, List<Expr> defaults, Set<String> end, int line) {
        int outerLoops = loopDepth;
        loopDepth = 0;
        List<Node> body = parseStatements(end, true, false);
        loopDepth = outerLoops;
        Set<String> used = new HashSet<>();
        NameScanner.collect(body, used);
        return new Node.Macro(name, List.copyOf(params), List.copyOf(defaults), body,
                used.contains("varargs"), used.contains("kwargs"),
                used.contains("caller") && !params.contains("caller"), line);
    }

    private void parseSignature(List<String> params, List<Expr> defaults) {
        stream.expectOperator("(");
        while (!stream.current().isOperator(")")) {
            if (!params.isEmpty()) {
                stream.expectOperator(",");
            }
            params.add(parseName());
            if (stream.skipOperator("=")) {
                defaults.add(expressions.parseExpression());
            } else if (!defaults.isEmpty()) {
                throw stream.error("non-default argument follows default argument");
            }
        }
        stream.expectOperator(")");
    }

    private Node parseCallBlock(int line) {
        stream.expectName("call");
        List<String> params = new ArrayList<>();
        List<Expr> defaults = new ArrayList<>();
        if (stream.current().isOperator("(")) {
            parseSignature(params, defaults);
        }
        Token at = stream.current();
        Expr call = expressions.parseExpression();
        if (!(call instanceof Expr.Call callExpr)) {
            throw stream.error("expected call", at);
        }
        Node.Macro caller = macro("caller", params, defaults, Set.of("endcall"), line);
        return new Node.CallBlock(caller, callExpr, line);
    }

    private Node parseFilterBlock(int line) {
        stream.expectName("filter");
        Expr filter = expressions.parseFilter(null, true);
        return new Node.FilterBlock(filter, parseStatements(Set.of("endfilter"), true, false), line);
    }

    private Node parseWith(int line) {
        stream.expectName("with");
        List<Expr> targets = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        while (!stream.current().is(Kind.BLOCK_END)) {
            if (!targets.isEmpty()) {
                stream.expectOperator(",");
            }
            targets.add(parseAssignTarget(false));
            stream.expectOperator("=");
            values.add(expressions.parseExpression());
        }
        return new Node.With(targets, values, parseStatements(Set.of("endwith"), true, false), line);
    }

    private Node parsePrint(int line) {
        stream.expectName("print");
        List<Expr> items = new ArrayList<>();
        while (!stream.current().is(Kind.BLOCK_END)) {
            if (!items.isEmpty()) {
                stream.expectOperator(",");
            }
            items.add(expressions.parseExpression());
        }
        return new Node.Print(items.size() == 1 ? items.getFirst() : new Expr.Concat(List.copyOf(items)), line);
    }
}
