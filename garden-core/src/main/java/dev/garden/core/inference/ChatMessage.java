package dev.garden.core.inference;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One turn of a conversation.
 *
 * @param role       who speaks
 * @param content    what was said, in parts; may be empty (an assistant turn that only calls tools)
 * @param name       an optional participant name, or {@code null}
 * @param toolCallId for {@link Role#TOOL} messages, the call this answers; otherwise {@code null}
 * @param toolCalls  for {@link Role#ASSISTANT} messages, the calls it made; otherwise empty
 */
public record ChatMessage(Role role, List<ContentPart> content, String name, String toolCallId,
                          List<ToolCall> toolCalls) {
    public ChatMessage {
        Objects.requireNonNull(role, "role");
        content = List.copyOf(content);
        toolCalls = List.copyOf(toolCalls);
    }

    /** A message of plain text. */
    public static ChatMessage text(Role role, String text) {
        return new ChatMessage(role, List.of(new ContentPart.Text(text)), null, null, List.of());
    }

    /** The text parts joined, for templates and backends that take content as one string. */
    public String textContent() {
        return content.stream()
                .filter(ContentPart.Text.class::isInstance)
                .map(part -> ((ContentPart.Text) part).text())
                .collect(Collectors.joining());
    }
}
