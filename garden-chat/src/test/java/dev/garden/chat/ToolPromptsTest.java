package dev.garden.chat;

import dev.garden.core.inference.ChatMessage;
import dev.garden.core.inference.ContentPart;
import dev.garden.core.inference.Role;
import dev.garden.core.inference.ToolCall;
import dev.garden.core.inference.ToolChoice;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ToolPromptsTest {
    @Test
    void historyAsText_callsAndResults_becomeGenericJson() {
        List<ChatMessage> history = List.of(
                ChatMessage.text(Role.USER, "Weather?"),
                new ChatMessage(Role.ASSISTANT, List.of(new ContentPart.Text("Checking.")), null, null,
                        List.of(new ToolCall("call_1", "get_weather", "{\"city\": \"Paris\"}"))),
                new ChatMessage(Role.TOOL, List.of(new ContentPart.Text("21 degrees")), null, "call_1", List.of()),
                new ChatMessage(Role.TOOL, List.of(new ContentPart.Text("[1, 2]")), "search", "call_2", List.of()));

        List<ChatMessage> text = ToolPrompts.historyAsText(history);

        assertThat(text).extracting(ChatMessage::role).containsExactly(Role.USER, Role.ASSISTANT, Role.USER);
        assertThat(text.get(1).textContent()).isEqualTo("Checking.\n{\"tool_calls\":[{\"name\":\"get_weather\","
                + "\"arguments\":{\"city\":\"Paris\"},\"id\":\"call_1\"}]}");
        assertThat(text.get(1).toolCalls()).isEmpty();
        assertThat(text.get(2).textContent()).isEqualTo(
                "{\"tool_response\":{\"name\":\"get_weather\",\"id\":\"call_1\",\"content\":\"21 degrees\"}}\n"
                        + "{\"tool_response\":{\"name\":\"search\",\"id\":\"call_2\",\"content\":[1,2]}}");
    }

    @Test
    void withSystemText_existingSystemMessage_isExtended() {
        List<ChatMessage> messages = ToolPrompts.withSystemText(List.of(ChatMessage.text(Role.SYSTEM, "Be brief."),
                ChatMessage.text(Role.USER, "Hi")), "Tools here.");

        assertThat(messages).hasSize(2);
        assertThat(messages.getFirst().textContent()).isEqualTo("Be brief.\n\nTools here.");
    }

    @Test
    void withSystemText_noSystemMessage_addsOne() {
        List<ChatMessage> messages = ToolPrompts.withSystemText(List.of(ChatMessage.text(Role.USER, "Hi")), "Tools.");

        assertThat(messages).extracting(ChatMessage::role).containsExactly(Role.SYSTEM, Role.USER);
    }

    @Test
    void systemIntoFirstUserTurn_systemMessages_prefixTheFirstUserMessage() {
        List<ChatMessage> messages = ToolPrompts.systemIntoFirstUserTurn(List.of(
                ChatMessage.text(Role.SYSTEM, "Be brief."), ChatMessage.text(Role.USER, "Hi"),
                ChatMessage.text(Role.ASSISTANT, "Hello"), ChatMessage.text(Role.USER, "Bye")));

        assertThat(messages).extracting(ChatMessage::role).containsExactly(Role.USER, Role.ASSISTANT, Role.USER);
        assertThat(messages.getFirst().textContent()).isEqualTo("Be brief.\n\nHi");
    }

    @Test
    void describe_generic_tellsTheJsonShapesPerChoice() {
        String auto = ToolPrompts.describe(ToolCallFamily.GENERIC, Streams.TOOLS, ToolChoice.AUTO, true);
        String required = ToolPrompts.describe(ToolCallFamily.GENERIC, Streams.TOOLS, ToolChoice.REQUIRED, false);
        String named = ToolPrompts.describe(ToolCallFamily.GENERIC, Streams.TOOLS, new ToolChoice.Named("search"),
                true);

        assertThat(auto).contains("{\"name\":\"get_weather\",\"description\":\"Get the current weather in a city\","
                + "\"parameters\":{\"type\":\"object\"", "{\"tool_calls\": [", "{\"response\": ");
        assertThat(required).contains("You must call a tool", "one call at a time").doesNotContain("response");
        assertThat(named).contains("You must call the tool search");
    }

    @Test
    void describe_nativeFamily_showsItsOwnSyntax() {
        assertThat(ToolPrompts.describe(ToolCallFamily.HERMES, Streams.TOOLS, ToolChoice.AUTO, true))
                .contains("<tool_call>\n{\"name\": \"tool_name\"", "one call after the other");
        assertThat(ToolPrompts.describe(ToolCallFamily.LLAMA_3, Streams.TOOLS, ToolChoice.REQUIRED, false))
                .contains("You must call at least one tool", "\"parameters\"").doesNotContain("one call after");
    }
}
