package dev.garden.chat;

import java.util.List;
import java.util.Set;

/**
 * Llama 3.1, 3.2 and 3.3 with custom tools: the answer is a bare JSON object,
 * {@code {"name": "get_weather", "parameters": {"city": "Paris"}}}, possibly after {@code <|python_tag|>} (which
 * the 3.1 models write before calls in ipython mode). Several calls, which the template cannot render back, are
 * read when separated by {@code ;} or whitespace.
 *
 * @see <a href="https://www.llama.com/docs/model-cards-and-prompt-formats/llama3_1/#json-based-tool-calling">Llama
 *      3.1 JSON based tool calling</a>
 */
final class Llama3Parser extends AnswerParser {
    static final String PYTHON_TAG = "<|python_tag|>";

    private CallObjectReader reader;
    private boolean between;

    Llama3Parser(Events events, Set<String> toolNames) {
        super(events, toolNames);
    }

    @Override
    protected List<String> markers() {
        return List.of(PYTHON_TAG);
    }

    @Override
    protected boolean callsMayOpenBare() {
        return true;
    }

    @Override
    protected void beginSection(String marker) {
        reader = new CallObjectReader();
        between = false;
    }

    @Override
    protected Step section() {
        if (between) {
            if (!in.skipWhitespace()) {
                return Step.NEED_MORE;
            }
            if (in.peek() == ';') {
                in.advance(1);
                return Step.PROGRESS;
            }
            if (in.peek() != '{') {
                return Step.END;
            }
            reader = new CallObjectReader();
            between = false;
        }
        Step step = readCallObject(reader);
        if (step == Step.END) {
            checkpoint();
            between = true;
            return Step.PROGRESS;
        }
        return step;
    }
}
