package dev.garden.chat;

import dev.garden.core.inference.ChatMessage;
import dev.garden.core.inference.ContentPart;
import dev.garden.core.inference.Role;
import dev.garden.core.inference.ToolCall;
import dev.garden.core.inference.ToolChoice;
import dev.garden.core.inference.ToolDefinition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What Garden writes into the conversation when the template does not: a description of the tools and of the syntax
 * to call them (for templates that ignore the {@code tools} variable), and, for the generic format, the history's
 * calls and results as text (templates that know nothing of tools cannot render {@code tool_calls} or the
 * {@code tool} role).
 */
final class ToolPrompts {
    private ToolPrompts() {
    }

    /** The system text that describes the tools and how this family calls them. */
    static String describe(ToolCallFamily family, List<ToolDefinition> tools, ToolChoice choice, boolean parallel) {
        String list = tools.stream().map(tool -> TemplateTools.json(TemplateTools.function(tool)))
                .collect(Collectors.joining("\n"));
        StringBuilder text = new StringBuilder();
        text.append("You can call the following tools. Each is described by a JSON object with its name, what it")
                .append(" does and the JSON Schema of its arguments:\n").append(list).append("\n\n");
        if (family == ToolCallFamily.GENERIC) {
            text.append(genericInstructions(choice, parallel));
            return text.toString();
        }
        text.append(switch (choice) {
            case ToolChoice.Required ignored -> "You must call at least one tool.";
            case ToolChoice.Named named -> "You must call the tool " + named.name() + ".";
            default -> "Call a tool when it helps you answer; otherwise answer directly.";
        });
        text.append(" To call a tool, write exactly:\n").append(example(family));
        if (parallel) {
            text.append("\nTo call several tools, write one call after the other.");
        }
        return text.toString();
    }

    private static String genericInstructions(ToolChoice choice, boolean parallel) {
        String calls = "{\"tool_calls\": [{\"name\": \"<tool name>\", \"arguments\": {<the arguments>}}]}";
        String several = parallel ? " (several calls go in the same list)" : " (one call at a time)";
        return switch (choice) {
            case ToolChoice.Required ignored -> "You must call a tool. Answer with a single JSON object and nothing"
                    + " else: " + calls + several + ".";
            case ToolChoice.Named named -> "You must call the tool " + named.name() + ". Answer with a single JSON"
                    + " object and nothing else: " + calls + ".";
            default -> "Answer with a single JSON object and nothing else. To call tools, write " + calls + several
                    + ". To answer the user directly, write {\"response\": \"<your answer>\"}.";
        };
    }

    private static String example(ToolCallFamily family) {
        return switch (family) {
            case HERMES -> "<tool_call>\n{\"name\": \"tool_name\", \"arguments\": {\"argument\": \"value\"}}\n"
                    + "</tool_call>";
            case LLAMA_3 -> "{\"name\": \"tool_name\", \"parameters\": {\"argument\": \"value\"}}";
            case MISTRAL_NEMO -> "[TOOL_CALLS][{\"name\": \"tool_name\", \"arguments\": {\"argument\": \"value\"}}]";
            case MISTRAL -> "[TOOL_CALLS]tool_name[ARGS]{\"argument\": \"value\"}";
            case DEEPSEEK_R1 -> DeepSeekParser.CALLS_BEGIN + DeepSeekParser.CALL_BEGIN + "function"
                    + DeepSeekParser.SEPARATOR + "tool_name\n```json\n{\"argument\": \"value\"}\n```"
                    + DeepSeekParser.CALL_END + DeepSeekParser.CALLS_END;
            case DEEPSEEK_V3_1 -> DeepSeekParser.CALLS_BEGIN + DeepSeekParser.CALL_BEGIN + "tool_name"
                    + DeepSeekParser.SEPARATOR + "{\"argument\": \"value\"}" + DeepSeekParser.CALL_END
                    + DeepSeekParser.CALLS_END;
            case GEMMA_4 -> "<|tool_call>call:tool_name{argument:<|\"|>value<|\"|>}<tool_call|>";
            case GENERIC -> throw new IllegalArgumentException("the generic format has its own instructions");
        };
    }

    /** Adds a system text: appended to the conversation's system message, or as a new first message. */
    static List<ChatMessage> withSystemText(List<ChatMessage> messages, String text) {
        List<ChatMessage> result = new ArrayList<>(messages);
        if (!result.isEmpty() && result.getFirst().role() == Role.SYSTEM) {
            ChatMessage system = result.getFirst();
            result.set(0, withText(system, system.textContent() + "\n\n" + text));
        } else {
            result.addFirst(ChatMessage.text(Role.SYSTEM, text));
        }
        return result;
    }

    /**
     * Moves system messages into the first user message, for templates that refuse the system role (Gemma 2 raises
     * "System role not supported"), as Hugging Face's chat templates for Gemma 3 do themselves.
     */
    static List<ChatMessage> systemIntoFirstUserTurn(List<ChatMessage> messages) {
        StringBuilder system = new StringBuilder();
        List<ChatMessage> result = new ArrayList<>();
        for (ChatMessage message : messages) {
            if (message.role() == Role.SYSTEM) {
                system.append(message.textContent()).append("\n\n");
            } else {
                result.add(message);
            }
        }
        if (system.isEmpty()) {
            return messages;
        }
        for (int i = 0; i < result.size(); i++) {
            if (result.get(i).role() == Role.USER) {
                result.set(i, withText(result.get(i), system + result.get(i).textContent()));
                return result;
            }
        }
        result.addFirst(ChatMessage.text(Role.USER, system.toString().strip()));
        return result;
    }

    /**
     * The history with calls and results as text, in the generic format's own JSON: an assistant turn's calls as
     * {@code {"tool_calls": [...]}}, and each run of tool results as one user turn of
     * {@code {"tool_response": {...}}} lines (templates without tool support insist that user and assistant
     * alternate).
     */
    static List<ChatMessage> historyAsText(List<ChatMessage> messages) {
        Map<String, String> namesById = new HashMap<>();
        List<ChatMessage> result = new ArrayList<>();
        StringBuilder results = new StringBuilder();
        for (ChatMessage message : messages) {
            if (message.role() == Role.TOOL) {
                if (!results.isEmpty()) {
                    results.append('\n');
                }
                results.append(toolResponse(message, namesById));
                continue;
            }
            if (!results.isEmpty()) {
                result.add(ChatMessage.text(Role.USER, results.toString()));
                results.setLength(0);
            }
            if (message.role() == Role.ASSISTANT && !message.toolCalls().isEmpty()) {
                List<Map<String, Object>> calls = new ArrayList<>();
                for (ToolCall call : message.toolCalls()) {
                    namesById.put(call.id(), call.name());
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("name", call.name());
                    entry.put("arguments", TemplateTools.parsedOrText(call.arguments()));
                    entry.put("id", call.id());
                    calls.add(entry);
                }
                String json = TemplateTools.json(Map.of("tool_calls", calls));
                String content = message.textContent();
                result.add(new ChatMessage(Role.ASSISTANT, List.of(new ContentPart.Text(
                        content.isBlank() ? json : content + "\n" + json)), message.name(), null, List.of()));
            } else {
                result.add(message);
            }
        }
        if (!results.isEmpty()) {
            result.add(ChatMessage.text(Role.USER, results.toString()));
        }
        return result;
    }

    private static String toolResponse(ChatMessage message, Map<String, String> namesById) {
        Map<String, Object> response = new LinkedHashMap<>();
        String name = message.name() != null ? message.name() : namesById.get(message.toolCallId());
        if (name != null) {
            response.put("name", name);
        }
        if (message.toolCallId() != null) {
            response.put("id", message.toolCallId());
        }
        response.put("content", TemplateTools.parsedOrText(message.textContent()));
        return TemplateTools.json(Map.of("tool_response", response));
    }

    private static ChatMessage withText(ChatMessage message, String text) {
        return new ChatMessage(message.role(), List.of(new ContentPart.Text(text)), message.name(),
                message.toolCallId(), message.toolCalls());
    }
}
