package dev.garden.chat;

/**
 * Decodes a JSON string while its text arrives piece by piece (an escape such as {@code \u00e9} may be cut
 * anywhere). Starts just after the opening quote.
 */
final class JsonStringDecoder {
    private boolean escaped;
    private int unicodeDigits = -1;
    private int unicodeValue;
    private boolean failed;

    /**
     * Decodes what is available into {@code out}.
     *
     * @return whether the closing quote was reached (and consumed)
     */
    boolean decode(Input in, StringBuilder out) {
        while (in.hasMore()) {
            char c = in.peek();
            in.advance(1);
            if (unicodeDigits >= 0) {
                int digit = Character.digit(c, 16);
                if (digit < 0) {
                    failed = true;
                    return true;
                }
                unicodeValue = unicodeValue * 16 + digit;
                if (++unicodeDigits == 4) {
                    out.append((char) unicodeValue);
                    unicodeDigits = -1;
                }
            } else if (escaped) {
                escaped = false;
                switch (c) {
                    case '"', '\\', '/' -> out.append(c);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        unicodeDigits = 0;
                        unicodeValue = 0;
                    }
                    default -> {
                        failed = true;
                        return true;
                    }
                }
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                return true;
            } else {
                out.append(c);
            }
        }
        return false;
    }

    /** Whether the text was not a valid JSON string (a bad escape). */
    boolean failed() {
        return failed;
    }
}
