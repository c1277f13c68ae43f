package dev.garden.jinja;

/**
 * markupsafe's {@code Markup}, what the {@code safe} and {@code escape} filters return. Templates print it like any
 * string, but concatenating it with a plain string with {@code +} HTML-escapes the plain one; jinja2 behaves so even
 * with autoescaping off, and chat templates do write {@code "text"|safe + name}.
 */
final class Markup {
    private final String text;

    Markup(String text) {
        this.text = text;
    }

    /** markupsafe's {@code escape}: strings are escaped, Markup is kept as it is. */
    static Markup escape(Object value) {
        if (value instanceof Markup markup) {
            return markup;
        }
        return new Markup(escapeText(PyRepr.str(value)));
    }

    static String escapeText(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            String replacement = switch (text.charAt(i)) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '\'' -> "&#39;";
                case '"' -> "&#34;";
                default -> null;
            };
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(text.charAt(i));
                }
            }
        }
        return out == null ? text : out.toString();
    }

    String text() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Markup markup && markup.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
