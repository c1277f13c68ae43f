package dev.garden.chat;

import java.util.List;
import java.util.Set;

/** An answer that is all content: no tools were offered, or {@code tool_choice} was {@code none}. */
final class ContentParser extends AnswerParser {
    ContentParser(Events events) {
        super(events, Set.of());
    }

    @Override
    protected List<String> markers() {
        return List.of();
    }

    @Override
    protected void beginSection(String marker) {
        throw new AssertionError("content has no sections");
    }

    @Override
    protected Step section() {
        throw new AssertionError("content has no sections");
    }
}
