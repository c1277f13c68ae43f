package dev.garden.chat;

import java.util.List;
import java.util.Set;

/**
 * DeepSeek's tool-call tokens. R1 (and its distills, with llama.cpp's or a system-message description of the tools)
 * writes the type, the name and a fenced JSON block:
 *
 * <pre>{@code
 * <｜tool▁calls▁begin｜><｜tool▁call▁begin｜>function<｜tool▁sep｜>get_weather
 * ```json
 * {"city": "Paris"}
 * ```<｜tool▁call▁end｜><｜tool▁calls▁end｜>
 * }</pre>
 *
 * V3.1 drops the type and the fence: {@code <｜tool▁call▁begin｜>get_weather<｜tool▁sep｜>{"city": "Paris"}<｜tool▁call▁end｜>}.
 * Both are read. R1 is known to misspell the opening token now and then; the variants llama.cpp accepts are
 * accepted too.
 *
 * @see <a href="https://huggingface.co/deepseek-ai/DeepSeek-R1-0528">DeepSeek-R1-0528 (tool calling)</a>
 * @see <a href="https://huggingface.co/deepseek-ai/DeepSeek-V3.1">DeepSeek-V3.1 (tool calling)</a>
 */
final class DeepSeekParser extends AnswerParser {
    static final String CALLS_BEGIN = "<｜tool▁calls▁begin｜>";
    static final String CALLS_END = "<｜tool▁calls▁end｜>";
    static final String CALL_BEGIN = "<｜tool▁call▁begin｜>";
    static final String CALL_END = "<｜tool▁call▁end｜>";
    static final String SEPARATOR = "<｜tool▁sep｜>";
    private static final List<String> MARKERS = List.of(CALLS_BEGIN, CALL_BEGIN, "<｜tool_calls_begin｜>",
            "<｜tool calls begin｜>", "<｜tool\\_calls\\_begin｜>", "<｜tool▁calls｜>");
    private static final int LONGEST_HEAD = 256;

    private enum State { CALLS, HEAD, NAME, FENCE, ARGUMENTS, AFTER_ARGUMENTS, CALL_END }

    private State state;
    private final StringBuilder name = new StringBuilder();
    private JsonValueScanner scanner;

    DeepSeekParser(Events events, Set<String> toolNames) {
        super(events, toolNames);
    }

    @Override
    protected List<String> markers() {
        return MARKERS;
    }

    @Override
    protected void beginSection(String marker) {
        state = marker.equals(CALL_BEGIN) ? State.HEAD : State.CALLS;
    }

    @Override
    protected Step section() {
        switch (state) {
            case CALLS -> {
                if (!in.skipWhitespace()) {
                    return Step.NEED_MORE;
                }
                Input.Match call = in.match(CALL_BEGIN);
                if (call == Input.Match.MATCHED) {
                    state = State.HEAD;
                    return Step.PROGRESS;
                }
                Input.Match end = in.match(CALLS_END);
                if (call == Input.Match.PARTIAL || end == Input.Match.PARTIAL) {
                    return Step.NEED_MORE;
                }
                return end == Input.Match.MATCHED || committed() ? Step.END : Step.FAIL;
            }
            case HEAD -> {
                int separator = in.indexOf(SEPARATOR);
                if (separator < 0) {
                    return in.limit() - in.position() > LONGEST_HEAD ? Step.FAIL : Step.NEED_MORE;
                }
                String head = in.text(in.position(), separator).strip();
                in.seek(separator + SEPARATOR.length());
                name.setLength(0);
                if (head.equals("function") || head.isEmpty()) {
                    state = State.NAME;
                    return Step.PROGRESS;
                }
                return startArguments(head);
            }
            case NAME -> {
                while (in.hasMore()) {
                    char c = in.peek();
                    if (c == '\n' || c == '`' || c == '{') {
                        return startArguments(name.toString().strip());
                    }
                    if (name.length() >= LONGEST_HEAD) {
                        return Step.FAIL;
                    }
                    name.append(c);
                    in.advance(1);
                }
                return Step.NEED_MORE;
            }
            case FENCE -> {
                if (!in.skipWhitespace()) {
                    return Step.NEED_MORE;
                }
                Input.Match json = in.match("```json");
                if (json == Input.Match.PARTIAL) {
                    return Step.NEED_MORE;
                }
                if (json == Input.Match.NO && in.match("```") == Input.Match.PARTIAL) {
                    return Step.NEED_MORE;
                }
                state = State.ARGUMENTS;
                return Step.PROGRESS;
            }
            case ARGUMENTS -> {
                if (!scanner.started() && !in.skipWhitespace()) {
                    return Step.NEED_MORE;
                }
                int start = in.position();
                boolean done = scanner.scan(in);
                events.arguments(in.text(start, in.position()));
                if (!done) {
                    return Step.NEED_MORE;
                }
                state = State.AFTER_ARGUMENTS;
                return Step.PROGRESS;
            }
            case AFTER_ARGUMENTS -> {
                if (!in.skipWhitespace()) {
                    return Step.NEED_MORE;
                }
                if (in.match("```") == Input.Match.PARTIAL) {
                    return Step.NEED_MORE;
                }
                state = State.CALL_END;
                return Step.PROGRESS;
            }
            case CALL_END -> {
                if (!in.skipWhitespace()) {
                    return Step.NEED_MORE;
                }
                Input.Match end = in.match(CALL_END);
                if (end == Input.Match.PARTIAL) {
                    return Step.NEED_MORE;
                }
                checkpoint();
                state = State.CALLS;
                return Step.PROGRESS;
            }
        }
        throw new AssertionError(state);
    }

    private Step startArguments(String function) {
        if (!commit(function)) {
            return Step.FAIL;
        }
        scanner = new JsonValueScanner();
        state = State.FENCE;
        return Step.PROGRESS;
    }
}
