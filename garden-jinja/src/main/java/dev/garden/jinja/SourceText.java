package dev.garden.jinja;

import java.util.Arrays;

/**
 * Template source as jinja2 reads it: every {@code \r\n} and {@code \r} turned into {@code \n}, and one trailing
 * newline dropped (jinja2's {@code keep_trailing_newline=False}). Knows the line and column of every offset.
 */
final class SourceText {
    private final String text;
    private final int[] lineStarts;

    private SourceText(String text) {
        this.text = text;
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, count);
    }

    static SourceText of(String source) {
        String normalized = source.replace("\r\n", "\n").replace('\r', '\n');
        if (normalized.endsWith("\n")) {
            normalized = normalized.substring(0, normalized.length() - 1);
        }
        return new SourceText(normalized);
    }

    String text() {
        return text;
    }

    int line(int offset) {
        int index = Arrays.binarySearch(lineStarts, offset);
        return (index >= 0 ? index : -index - 2) + 1;
    }

    int column(int offset) {
        return offset - lineStarts[line(offset) - 1] + 1;
    }

    TemplateSyntaxException error(String message, int offset) {
        int clamped = Math.max(0, Math.min(offset, text.length()));
        return new TemplateSyntaxException(message, line(clamped), column(clamped));
    }
}
