package dev.garden.jinja;

/**
 * One lexical token of a template.
 *
 * @param kind   what the token is
 * @param value  its text: the data, the name, the operator, the unescaped string, the number as written
 * @param offset where it starts in the normalized source, for error positions
 */
record Token(Kind kind, String value, int offset) {
    enum Kind {
        DATA, VARIABLE_BEGIN, VARIABLE_END, BLOCK_BEGIN, BLOCK_END, NAME, STRING, INTEGER, FLOAT, OPERATOR, EOF
    }

    boolean is(Kind expected) {
        return kind == expected;
    }

    boolean isName(String name) {
        return kind == Kind.NAME && value.equals(name);
    }

    boolean isOperator(String operator) {
        return kind == Kind.OPERATOR && value.equals(operator);
    }

    /** How jinja2 names the token in "unexpected ..." messages. */
    String describe() {
        return switch (kind) {
            case EOF -> "end of template";
            case VARIABLE_END -> "end of print statement";
            case BLOCK_END -> "end of statement block";
            case VARIABLE_BEGIN -> "begin of print statement";
            case BLOCK_BEGIN -> "begin of statement block";
            case DATA -> "template data / text";
            default -> value;
        };
    }
}
