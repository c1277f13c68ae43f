package dev.garden.chat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Turns Gemma 4's argument notation into JSON while it arrives. Gemma writes objects with bare keys and delimits
 * strings with its {@code <|"|>} token, so that quotes and backslashes inside need no escaping:
 * {@code {city:<|"|>Paris<|"|>,days:3,tags:[<|"|>a<|"|>]}} becomes {@code {"city":"Paris","days":3,"tags":["a"]}}.
 * Numbers, {@code true}, {@code false} and {@code null} are written as in JSON.
 *
 * @see <a href="https://ai.google.dev/gemma/docs/core/prompt-formatting-gemma4">Gemma 4 prompt formatting</a>
 */
final class GemmaArguments {
    static final String QUOTE = "<|\"|>";

    private enum Expect { VALUE, ARRAY_START, KEY_OR_CLOSE, KEY, BARE_KEY, COLON, STRING, SCALAR, AFTER_VALUE, DONE }

    private final Deque<Character> open = new ArrayDeque<>();
    private Expect expect = Expect.VALUE;
    private boolean stringIsKey;
    private boolean failed;

    /**
     * Translates what is available, appending JSON to {@code out}.
     *
     * @return whether the value is complete
     */
    boolean translate(Input in, StringBuilder out) {
        while (!failed && expect != Expect.DONE) {
            if (!step(in, out)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the text broke the notation. */
    boolean failed() {
        return failed;
    }

    private boolean step(Input in, StringBuilder out) {
        switch (expect) {
            case VALUE -> {
                if (!in.skipWhitespace()) {
                    return false;
                }
                Input.Match quote = in.match(QUOTE);
                if (quote == Input.Match.PARTIAL) {
                    return false;
                }
                if (quote == Input.Match.MATCHED) {
                    out.append('"');
                    stringIsKey = false;
                    expect = Expect.STRING;
                    return true;
                }
                char c = in.peek();
                if (c == '{') {
                    in.advance(1);
                    out.append('{');
                    open.push('}');
                    expect = Expect.KEY_OR_CLOSE;
                } else if (c == '[') {
                    in.advance(1);
                    out.append('[');
                    open.push(']');
                    expect = Expect.ARRAY_START;
                } else {
                    expect = Expect.SCALAR;
                }
            }
            case ARRAY_START, KEY_OR_CLOSE -> {
                if (!in.skipWhitespace()) {
                    return false;
                }
                char close = expect == Expect.ARRAY_START ? ']' : '}';
                if (in.peek() == close) {
                    in.advance(1);
                    out.append(close);
                    open.pop();
                    afterValue();
                } else {
                    expect = expect == Expect.ARRAY_START ? Expect.VALUE : Expect.KEY;
                }
            }
            case KEY -> {
                if (!in.skipWhitespace()) {
                    return false;
                }
                Input.Match quote = in.match(QUOTE);
                if (quote == Input.Match.PARTIAL) {
                    return false;
                }
                out.append('"');
                stringIsKey = quote == Input.Match.MATCHED;
                expect = stringIsKey ? Expect.STRING : Expect.BARE_KEY;
            }
            case BARE_KEY -> {
                while (in.hasMore()) {
                    char c = in.peek();
                    if (c == ':') {
                        out.append('"');
                        expect = Expect.COLON;
                        return true;
                    }
                    if (c == '}' || c == ',') {
                        failed = true;
                        return true;
                    }
                    escape(c, out);
                    in.advance(1);
                }
                return false;
            }
            case COLON -> {
                if (!in.skipWhitespace()) {
                    return false;
                }
                if (in.peek() != ':') {
                    failed = true;
                    return true;
                }
                in.advance(1);
                out.append(':');
                expect = Expect.VALUE;
            }
            case STRING -> {
                int end = in.indexOf(QUOTE);
                int stop = end >= 0 ? end : in.limit() - in.heldForMarkers(in.position(), List.of(QUOTE));
                while (in.position() < stop) {
                    escape(in.peek(), out);
                    in.advance(1);
                }
                if (end < 0) {
                    return false;
                }
                in.advance(QUOTE.length());
                out.append('"');
                if (stringIsKey) {
                    expect = Expect.COLON;
                } else {
                    afterValue();
                }
            }
            case SCALAR -> {
                while (in.hasMore()) {
                    char c = in.peek();
                    if (c == ',' || c == '}' || c == ']' || Character.isWhitespace(c)) {
                        afterValue();
                        return true;
                    }
                    out.append(c);
                    in.advance(1);
                }
                if (in.ended()) {
                    afterValue();
                    return true;
                }
                return false;
            }
            case AFTER_VALUE -> {
                if (!in.skipWhitespace()) {
                    return false;
                }
                char c = in.peek();
                in.advance(1);
                char close = open.peek();
                if (c == ',') {
                    out.append(',');
                    expect = close == '}' ? Expect.KEY : Expect.VALUE;
                } else if (c == close) {
                    out.append(close);
                    open.pop();
                    afterValue();
                } else {
                    failed = true;
                }
            }
            case DONE -> {
                return true;
            }
        }
        return true;
    }

    private void afterValue() {
        expect = open.isEmpty() ? Expect.DONE : Expect.AFTER_VALUE;
    }

    private static void escape(char c, StringBuilder out) {
        switch (c) {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            default -> {
                if (c < 0x20) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
    }
}
