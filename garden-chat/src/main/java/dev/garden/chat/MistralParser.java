package dev.garden.chat;

import java.util.List;
import java.util.Set;

/**
 * Mistral's {@code [TOOL_CALLS]}, in both of its forms: the JSON array of Mistral 7B v0.3 and Nemo,
 * {@code [TOOL_CALLS][{"name": "f", "arguments": {...}, "id": "a1b2c3d4e"}]}, and the form of the tekken v7+
 * tokenizers (Mistral Small 3.x, Devstral, Magistral, Ministral), one marker per call:
 * {@code [TOOL_CALLS]f[ARGS]{...}}, with {@code [CALL_ID]id} before {@code [ARGS]} on Mistral Small 3.2. The ids
 * the model writes are dropped: Garden hands out its own (nine letters and digits, as the templates demand).
 *
 * @see <a href="https://docs.mistral.ai/guides/tokenization/#control-tokens">Mistral control tokens</a>
 */
final class MistralParser extends AnswerParser {
    static final String TOOL_CALLS = "[TOOL_CALLS]";
    static final String ARGS = "[ARGS]";
    static final String CALL_ID = "[CALL_ID]";
    private static final int LONGEST_NAME = 256;

    private enum State { START, ITEM, OBJECT, SEPARATOR, NAME, CALL_ID, ARGUMENTS }

    private State state;
    private CallObjectReader reader;
    private JsonValueScanner scanner;
    private final StringBuilder name = new StringBuilder();

    MistralParser(Events events, Set<String> toolNames) {
        super(events, toolNames);
    }

    @Override
    protected List<String> markers() {
        return List.of(TOOL_CALLS);
    }

    @Override
    protected void beginSection(String marker) {
        state = State.START;
        name.setLength(0);
    }

    @Override
    protected Step section() {
        switch (state) {
            case START -> {
                if (!in.skipWhitespace()) {
                    return Step.NEED_MORE;
                }
                if (in.peek() == '[') {
                    in.advance(1);
                    state = State.ITEM;
                } else {
                    state = State.NAME;
                }
                return Step.PROGRESS;
            }
            case ITEM -> {
                if (!in.skipWhitespace()) {
                    return Step.NEED_MORE;
                }
                if (in.peek() == ']' && committed()) {
                    in.advance(1);
                    return Step.END;
                }
                reader = new CallObjectReader();
                state = State.OBJECT;
                return Step.PROGRESS;
            }
            case OBJECT -> {
                Step step = readCallObject(reader);
                if (step != Step.END) {
                    return step;
                }
                checkpoint();
                state = State.SEPARATOR;
                return Step.PROGRESS;
            }
            case SEPARATOR -> {
                if (!in.skipWhitespace()) {
                    return Step.NEED_MORE;
                }
                char c = in.peek();
                in.advance(1);
                if (c == ',') {
                    state = State.ITEM;
                    return Step.PROGRESS;
                }
                return c == ']' ? Step.END : Step.FAIL;
            }
            case NAME -> {
                while (in.hasMore()) {
                    char c = in.peek();
                    if (c == '[' || c == '{') {
                        return afterName();
                    }
                    if (name.length() >= LONGEST_NAME || Character.isWhitespace(c)) {
                        return Step.FAIL;
                    }
                    name.append(c);
                    in.advance(1);
                }
                return Step.NEED_MORE;
            }
            case CALL_ID -> {
                while (in.hasMore() && in.peek() != '[') {
                    in.advance(1);
                }
                if (!in.hasMore()) {
                    return Step.NEED_MORE;
                }
                return switch (in.match(ARGS)) {
                    case MATCHED -> startArguments();
                    case PARTIAL -> Step.NEED_MORE;
                    case NO -> Step.FAIL;
                };
            }
            case ARGUMENTS -> {
                if (!scanner.started() && !in.skipWhitespace()) {
                    return Step.NEED_MORE;
                }
                int start = in.position();
                boolean done = scanner.scan(in);
                events.arguments(in.text(start, in.position()));
                return done ? Step.END : Step.NEED_MORE;
            }
        }
        throw new AssertionError(state);
    }

    private Step afterName() {
        if (in.peek() == '{') {
            return startArguments();
        }
        Input.Match args = in.match(ARGS);
        if (args == Input.Match.MATCHED) {
            return startArguments();
        }
        Input.Match callId = in.match(CALL_ID);
        if (callId == Input.Match.MATCHED) {
            state = State.CALL_ID;
            return Step.PROGRESS;
        }
        return args == Input.Match.PARTIAL || callId == Input.Match.PARTIAL ? Step.NEED_MORE : Step.FAIL;
    }

    private Step startArguments() {
        if (!commit(name.toString())) {
            return Step.FAIL;
        }
        scanner = new JsonValueScanner();
        state = State.ARGUMENTS;
        return Step.PROGRESS;
    }
}
