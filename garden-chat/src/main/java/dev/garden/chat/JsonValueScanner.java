package dev.garden.chat;

/**
 * Finds where one JSON value ends while its text arrives piece by piece, without parsing it: nesting depth and
 * strings (with their escapes) are all it tracks. Arguments are passed on exactly as the model wrote them, so this
 * is all a parser needs to know: how far the value goes.
 */
final class JsonValueScanner {
    private enum Kind { NONE, CONTAINER, STRING, SCALAR }

    private Kind kind = Kind.NONE;
    private int depth;
    private boolean inString;
    private boolean escaped;

    /**
     * Consumes the value's text from the input's read position (which must be at the value or inside it).
     *
     * @return whether the value is complete; the read position is then just past it. Otherwise all available text
     *         was consumed (or, when the generation has ended, the value was cut short).
     */
    boolean scan(Input in) {
        while (in.hasMore()) {
            char c = in.peek();
            switch (kind) {
                case NONE -> {
                    if (c == '{' || c == '[') {
                        kind = Kind.CONTAINER;
                        depth = 1;
                    } else if (c == '"') {
                        kind = Kind.STRING;
                        inString = true;
                    } else {
                        kind = Kind.SCALAR;
                        continue;
                    }
                }
                case CONTAINER, STRING -> {
                    if (inString) {
                        if (escaped) {
                            escaped = false;
                        } else if (c == '\\') {
                            escaped = true;
                        } else if (c == '"') {
                            inString = false;
                            if (kind == Kind.STRING) {
                                in.advance(1);
                                return true;
                            }
                        }
                    } else if (c == '"') {
                        inString = true;
                    } else if (c == '{' || c == '[') {
                        depth++;
                    } else if (c == '}' || c == ']') {
                        depth--;
                        if (depth == 0) {
                            in.advance(1);
                            return true;
                        }
                    }
                }
                case SCALAR -> {
                    if (!(Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '+')) {
                        return true;
                    }
                }
            }
            in.advance(1);
        }
        return kind == Kind.SCALAR && in.ended();
    }

    /** Whether the value has begun. */
    boolean started() {
        return kind != Kind.NONE;
    }
}
