package dev.garden.chat;

import java.util.List;
import java.util.Set;

/**
 * The generic format, for templates that know nothing of tools: Garden describes the tools in a system message
 * and a grammar makes the model answer with one JSON object, either {@code {"tool_calls": [{"name": ..., "arguments":
 * {...}}, ...]}} or {@code {"response": "..."}} (whose string is the content, decoded as it streams). A single
 * {@code {"tool_call": {...}}} is read too. Output that is no such object (no grammar was applied) is content.
 *
 * @see <a href="https://github.com/ggml-org/llama.cpp/blob/master/docs/function-calling.md">llama.cpp's generic
 *      tool-call format</a>
 */
final class GenericParser extends AnswerParser {
    private enum State { OPEN, KEY, KEY_TEXT, COLON, VALUE, ITEM, OBJECT, SEPARATOR, SINGLE, RESPONSE, CLOSE }

    private State state;
    private final StringBuilder text = new StringBuilder();
    private JsonStringDecoder decoder;
    private CallObjectReader reader;
    private String key;

    GenericParser(Events events, Set<String> toolNames) {
        super(events, toolNames);
    }

    @Override
    protected List<String> markers() {
        return List.of();
    }

    @Override
    protected boolean callsMayOpenBare() {
        return true;
    }

    @Override
    protected void beginSection(String marker) {
        state = State.OPEN;
    }

    @Override
    protected Step section() {
        switch (state) {
            case OPEN -> {
                in.skipWhitespace();
                in.advance(1);
                state = State.KEY;
            }
            case KEY -> {
                if (!in.skipWhitespace()) {
                    return Step.NEED_MORE;
                }
                if (in.peek() != '"') {
                    return Step.FAIL;
                }
                in.advance(1);
                text.setLength(0);
                decoder = new JsonStringDecoder();
                state = State.KEY_TEXT;
            }
            case KEY_TEXT -> {
                if (!decoder.decode(in, text)) {
                    return Step.NEED_MORE;
                }
                key = text.toString();
                if (decoder.failed() || !List.of("tool_calls", "tool_call", "response").contains(key)) {
                    return Step.FAIL;
                }
                state = State.COLON;
            }
            case COLON -> {
                if (!in.skipWhitespace()) {
                    return Step.NEED_MORE;
                }
                if (in.peek() != ':') {
                    return Step.FAIL;
                }
                in.advance(1);
                state = State.VALUE;
            }
            case VALUE -> {
                if (!in.skipWhitespace()) {
                    return Step.NEED_MORE;
                }
                char c = in.peek();
                switch (key) {
                    case "tool_calls" -> {
                        if (c != '[') {
                            return Step.FAIL;
                        }
                        in.advance(1);
                        state = State.ITEM;
                    }
                    case "tool_call" -> {
                        reader = new CallObjectReader();
                        state = State.SINGLE;
                    }
                    default -> {
                        if (c != '"') {
                            return Step.FAIL;
                        }
                        in.advance(1);
                        decoder = new JsonStringDecoder();
                        commitWithoutCall();
                        state = State.RESPONSE;
                    }
                }
            }
            case ITEM -> {
                reader = new CallObjectReader();
                state = State.OBJECT;
            }
            case OBJECT, SINGLE -> {
                Step step = readCallObject(reader);
                if (step != Step.END) {
                    return step;
                }
                checkpoint();
                state = state == State.OBJECT ? State.SEPARATOR : State.CLOSE;
            }
            case SEPARATOR -> {
                if (!in.skipWhitespace()) {
                    return Step.NEED_MORE;
                }
                char c = in.peek();
                in.advance(1);
                if (c == ',') {
                    state = State.ITEM;
                } else if (c == ']') {
                    state = State.CLOSE;
                } else {
                    return Step.FAIL;
                }
            }
            case RESPONSE -> {
                text.setLength(0);
                boolean done = decoder.decode(in, text);
                events.content(text);
                if (!done) {
                    return Step.NEED_MORE;
                }
                state = State.CLOSE;
            }
            case CLOSE -> {
                if (!in.skipWhitespace()) {
                    return Step.NEED_MORE;
                }
                if (in.peek() == '}') {
                    in.advance(1);
                }
                return Step.END;
            }
        }
        return Step.PROGRESS;
    }
}
