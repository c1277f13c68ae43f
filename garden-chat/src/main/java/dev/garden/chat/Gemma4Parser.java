package dev.garden.chat;

import java.util.List;
import java.util.Set;

/**
 * Gemma 4's native calls, {@code <|tool_call>call:get_weather{city:<|"|>Paris<|"|>}<tool_call|>}, one after another
 * for parallel calls, their arguments turned into JSON by {@link GemmaArguments}. After its calls Gemma writes
 * {@code <|tool_response>} (where the template puts the results); it is dropped.
 *
 * @see <a href="https://ai.google.dev/gemma/docs/core/prompt-formatting-gemma4">Gemma 4 prompt formatting</a>
 */
final class Gemma4Parser extends AnswerParser {
    static final String OPEN = "<|tool_call>";
    static final String CLOSE = "<tool_call|>";
    static final String RESPONSE = "<|tool_response>";
    private static final int LONGEST_NAME = 256;

    private enum State { PREFIX, NAME, ARGUMENTS, CLOSE }

    private State state;
    private final StringBuilder name = new StringBuilder();
    private final StringBuilder json = new StringBuilder();
    private GemmaArguments arguments;

    Gemma4Parser(Events events, Set<String> toolNames) {
        super(events, toolNames);
    }

    @Override
    protected List<String> markers() {
        return List.of(OPEN, RESPONSE);
    }

    @Override
    protected void beginSection(String marker) {
        state = marker.equals(RESPONSE) ? null : State.PREFIX;
        name.setLength(0);
    }

    @Override
    protected Step section() {
        if (state == null) {
            return Step.END;
        }
        switch (state) {
            case PREFIX -> {
                return switch (in.match("call:")) {
                    case MATCHED -> {
                        state = State.NAME;
                        yield Step.PROGRESS;
                    }
                    case PARTIAL -> Step.NEED_MORE;
                    case NO -> Step.FAIL;
                };
            }
            case NAME -> {
                while (in.hasMore()) {
                    char c = in.peek();
                    if (c == '{') {
                        if (!commit(name.toString())) {
                            return Step.FAIL;
                        }
                        arguments = new GemmaArguments();
                        state = State.ARGUMENTS;
                        return Step.PROGRESS;
                    }
                    if (name.length() >= LONGEST_NAME || Character.isWhitespace(c)) {
                        return Step.FAIL;
                    }
                    name.append(c);
                    in.advance(1);
                }
                return Step.NEED_MORE;
            }
            case ARGUMENTS -> {
                json.setLength(0);
                boolean done = arguments.translate(in, json);
                events.arguments(json);
                if (arguments.failed()) {
                    return Step.FAIL;
                }
                if (!done) {
                    return Step.NEED_MORE;
                }
                checkpoint();
                state = State.CLOSE;
                return Step.PROGRESS;
            }
            case CLOSE -> {
                if (!in.skipWhitespace()) {
                    return Step.NEED_MORE;
                }
                return in.match(CLOSE) == Input.Match.PARTIAL ? Step.NEED_MORE : Step.END;
            }
        }
        throw new AssertionError(state);
    }
}
