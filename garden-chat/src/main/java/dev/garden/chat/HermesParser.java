package dev.garden.chat;

import java.util.List;
import java.util.Set;

/**
 * Hermes 2/3 Pro, Qwen 2.5/3, QwQ, Granite 4 and the other templates that follow Nous Research's convention: each
 * call is a JSON object inside {@code <tool_call>...</tool_call>}, one after another for parallel calls.
 *
 * <pre>{@code
 * <tool_call>
 * {"name": "get_weather", "arguments": {"city": "Paris"}}
 * </tool_call>
 * }</pre>
 *
 * @see <a href="https://github.com/NousResearch/Hermes-Function-Calling">Hermes function calling</a>
 * @see <a href="https://qwen.readthedocs.io/en/latest/framework/function_call.html">Qwen function calling</a>
 */
final class HermesParser extends AnswerParser {
    static final String OPEN = "<tool_call>";
    static final String CLOSE = "</tool_call>";

    private CallObjectReader reader;
    private boolean objectDone;

    HermesParser(Events events, Set<String> toolNames) {
        super(events, toolNames);
    }

    @Override
    protected List<String> markers() {
        return List.of(OPEN);
    }

    @Override
    protected void beginSection(String marker) {
        reader = new CallObjectReader();
        objectDone = false;
    }

    @Override
    protected Step section() {
        if (!objectDone) {
            Step step = readCallObject(reader);
            if (step != Step.END) {
                return step;
            }
            objectDone = true;
            checkpoint();
        }
        if (!in.skipWhitespace()) {
            return Step.NEED_MORE;
        }
        // A missing close tag is forgiven: the call itself was complete.
        return in.match(CLOSE) == Input.Match.PARTIAL ? Step.NEED_MORE : Step.END;
    }
}
