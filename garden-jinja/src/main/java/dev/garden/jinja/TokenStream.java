package dev.garden.jinja;

import dev.garden.jinja.Token.Kind;

import java.util.List;

/** A cursor over the tokens of one template, with jinja2's {@code expect} and {@code skip_if}. */
final class TokenStream {
    private final List<Token> tokens;
    private final SourceText source;
    private int index;

    TokenStream(List<Token> tokens, SourceText source) {
        this.tokens = tokens;
        this.source = source;
    }

    Token current() {
        return tokens.get(index);
    }

    /** The token after the current one. */
    Token look() {
        return tokens.get(Math.min(index + 1, tokens.size() - 1));
    }

    /** Returns the current token and moves past it. */
    Token next() {
        Token token = tokens.get(index);
        if (token.kind() != Kind.EOF) {
            index++;
        }
        return token;
    }

    int line() {
        return lineOf(current());
    }

    int lineOf(Token token) {
        return source.line(token.offset());
    }

    boolean skipOperator(String operator) {
        if (current().isOperator(operator)) {
            index++;
            return true;
        }
        return false;
    }

    boolean skipName(String name) {
        if (current().isName(name)) {
            index++;
            return true;
        }
        return false;
    }

    Token expect(Kind kind, String description) {
        if (!current().is(kind)) {
            throw unexpected(description);
        }
        return next();
    }

    Token expectOperator(String operator) {
        if (!current().isOperator(operator)) {
            throw unexpected(operator);
        }
        return next();
    }

    Token expectName(String name) {
        if (!current().isName(name)) {
            throw unexpected(name);
        }
        return next();
    }

    TemplateSyntaxException unexpected(String expected) {
        Token token = current();
        if (token.is(Kind.EOF)) {
            return error("unexpected end of template, expected '" + expected + "'.");
        }
        return error("expected token '" + expected + "', got '" + token.describe() + "'");
    }

    TemplateSyntaxException error(String message) {
        return source.error(message, current().offset());
    }

    TemplateSyntaxException error(String message, Token at) {
        return source.error(message, at.offset());
    }
}
