package dev.garden.jinja;

/**
 * A template that cannot be parsed: bad syntax, an unknown tag, filter or test. The message names the line and
 * column where parsing stopped, both counted from 1.
 */
public class TemplateSyntaxException extends RuntimeException {
    private final int line;
    private final int column;

    /**
     * A syntax error at a place in the template source.
     *
     * @param message what is wrong, without the position
     * @param line    the line, counted from 1
     * @param column  the column, counted from 1
     */
    public TemplateSyntaxException(String message, int line, int column) {
        super(message + " (line " + line + ", column " + column + ")");
        this.line = line;
        this.column = column;
    }

    /** The line where parsing stopped, counted from 1. */
    public int line() {
        return line;
    }

    /** The column where parsing stopped, counted from 1. */
    public int column() {
        return column;
    }
}
