package dev.garden.jinja;

/**
 * A failure while rendering: what Python's jinja2 would report as {@code UndefinedError}, {@code TypeError},
 * {@code SecurityError} and the like, or a {@link RenderLimits limit} that the template ran into. The message reads
 * like Python's and names the template line where it happened, when known.
 */
public class TemplateRenderException extends RuntimeException {
    private final int line;

    /**
     * A render failure at an unknown line.
     *
     * @param message what went wrong
     */
    public TemplateRenderException(String message) {
        this(message, 0, null);
    }

    /**
     * A render failure.
     *
     * @param message what went wrong
     * @param line    the template line, counted from 1, or 0 when unknown
     * @param cause   the underlying failure, or {@code null}
     */
    public TemplateRenderException(String message, int line, Throwable cause) {
        super(message, cause);
        this.line = line;
    }

    /** The template line where rendering failed, counted from 1, or 0 when unknown. */
    public int line() {
        return line;
    }

    /** The failure without its line: for {@link TemplateRaisedException}, exactly what the template raised. */
    public String reason() {
        return super.getMessage();
    }

    /** The reason followed by the template line, when known. */
    @Override
    public String getMessage() {
        return line > 0 ? super.getMessage() + " (template line " + line + ")" : super.getMessage();
    }

    /** This failure placed at a template line; the same exception when it already has one. */
    TemplateRenderException atLine(int templateLine) {
        return line > 0 || templateLine <= 0 ? this : new TemplateRenderException(reason(), templateLine, this);
    }
}
