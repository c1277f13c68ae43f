package dev.garden.chat;

/**
 * The text a parser has received and not yet consumed, with the helpers every incremental scanner needs: a marker
 * may be cut anywhere between two pieces, so a scanner asks whether what it has is the marker, a prefix of it (wait
 * for more), or something else.
 */
final class Input {
    /** What a literal at the read position turned out to be. */
    enum Match {
        /** The literal is there; it was consumed. */
        MATCHED,
        /** What is there so far is a proper prefix of the literal: more text will tell. */
        PARTIAL,
        /** Something else is there. */
        NO
    }

    private final StringBuilder buffer = new StringBuilder();
    private int offset;
    private int position;
    private boolean ended;

    void append(CharSequence text) {
        buffer.append(text);
    }

    void end() {
        ended = true;
    }

    /** Whether the generation is over: no more text will come. */
    boolean ended() {
        return ended;
    }

    /** The absolute read position (stable across {@link #compact}). */
    int position() {
        return position;
    }

    void seek(int absolute) {
        if (absolute < offset || absolute > limit()) {
            throw new IllegalArgumentException("position " + absolute + " outside " + offset + ".." + limit());
        }
        position = absolute;
    }

    /** The absolute position just past the last character received. */
    int limit() {
        return offset + buffer.length();
    }

    boolean hasMore() {
        return position < limit();
    }

    char peek() {
        return buffer.charAt(position - offset);
    }

    char charAt(int absolute) {
        return buffer.charAt(absolute - offset);
    }

    void advance(int count) {
        seek(position + count);
    }

    /** The text between two absolute positions. */
    String text(int from, int to) {
        return buffer.substring(from - offset, to - offset);
    }

    /** Everything from the read position on, consumed. */
    String takeRest() {
        String rest = text(position, limit());
        position = limit();
        return rest;
    }

    /** The absolute position of a literal at or after the read position, or -1. */
    int indexOf(String literal) {
        int at = buffer.indexOf(literal, position - offset);
        return at < 0 ? -1 : at + offset;
    }

    /**
     * Skips whitespace. Returns whether a non-whitespace character is next; false means the text ran out (which,
     * once the generation has ended, is final).
     */
    boolean skipWhitespace() {
        while (hasMore() && Character.isWhitespace(peek())) {
            position++;
        }
        return hasMore();
    }

    /** Consumes the literal if it is next. */
    Match match(String literal) {
        int available = limit() - position;
        int n = Math.min(available, literal.length());
        for (int i = 0; i < n; i++) {
            if (charAt(position + i) != literal.charAt(i)) {
                return Match.NO;
            }
        }
        if (n == literal.length()) {
            position += n;
            return Match.MATCHED;
        }
        return ended ? Match.NO : Match.PARTIAL;
    }

    /**
     * How many characters at the end of the received text (after {@code from}) could be the start of one of the
     * markers: they must be held back until more text shows whether the marker follows.
     */
    int heldForMarkers(int from, Iterable<String> markers) {
        if (ended) {
            return 0;
        }
        int available = limit() - from;
        int best = 0;
        for (String marker : markers) {
            for (int length = Math.min(marker.length() - 1, available); length > best; length--) {
                if (regionEquals(limit() - length, marker, length)) {
                    best = length;
                    break;
                }
            }
        }
        return best;
    }

    private boolean regionEquals(int absolute, String literal, int length) {
        for (int i = 0; i < length; i++) {
            if (charAt(absolute + i) != literal.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Forgets the text before an absolute position, which no scanner will look at again. */
    void compact(int keepFrom) {
        int drop = Math.min(keepFrom, position) - offset;
        if (drop > 4096 || drop > buffer.length() / 2 && drop > 0) {
            buffer.delete(0, drop);
            offset += drop;
        }
    }
}
