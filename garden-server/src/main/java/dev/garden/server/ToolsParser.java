package dev.garden.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.garden.wire.openai.ChatCompletionTool;
import dev.garden.wire.openai.ChatCompletionToolChoiceOption;
import dev.garden.wire.openai.FunctionDefinition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static dev.garden.server.JsonFields.TYPE_STRING;
import static dev.garden.server.JsonFields.array;
import static dev.garden.server.JsonFields.bool;
import static dev.garden.server.JsonFields.invalidValue;
import static dev.garden.server.JsonFields.member;
import static dev.garden.server.JsonFields.object;
import static dev.garden.server.JsonFields.required;
import static dev.garden.server.JsonFields.string;

/**
 * Reads {@code tools} and {@code tool_choice}.
 *
 * <ul>
 *   <li>Each tool is {@code {"type": "function", "function": {"name", "description", "parameters", "strict"}}}; the
 *       name matches {@value #NAME_PATTERN_TEXT} and is unique. {@code parameters} is kept as it came (the engine
 *       compiles it); when absent, the domain gets OpenAI's "no parameters".</li>
 *   <li>{@code tool_choice} is {@code none}, {@code auto}, {@code required}, Vertex AI's {@code validated}, or
 *       {@code {"type": "function", "function": {"name"}}} naming a declared tool. As at OpenAI, it is refused
 *       without tools. An empty {@code tools} array counts as none.</li>
 * </ul>
 */
final class ToolsParser {
    private static final String NAME_PATTERN_TEXT = "^[a-zA-Z0-9_-]{1,64}$";
    private static final Pattern NAME_PATTERN = Pattern.compile(NAME_PATTERN_TEXT);
    private static final String TOOL_TYPE = "ChatCompletionTool";
    private static final String TOOL_CHOICE_TYPE = "TYPE_STRING or ChatCompletionNamedToolChoice";
    /** Vertex AI's modes and OpenAI's; {@code validated} is Gemini's FunctionCallingConfig mode VALIDATED. */
    private static final Set<String> MODES = Set.of("none", "auto", "required", "validated");
    private static final String MODE_LIST = "none, auto, required, validated";
    private static final int MAX_NAMED_TOOLS = 8;

    private ToolsParser() {
    }

    /** The tools, or {@code null} when the member is absent. */
    static List<ChatCompletionTool> tools(JsonNode value) {
        if (value == null) {
            return null;
        }
        ArrayNode array = array(value, "tools", "array of " + TOOL_TYPE);
        List<ChatCompletionTool> tools = new ArrayList<>(array.size());
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < array.size(); i++) {
            String path = "tools[" + i + "]";
            ChatCompletionTool tool = tool(array.get(i), path);
            Integer earlier = seen.putIfAbsent(tool.function().name(), i);
            if (earlier != null) {
                throw invalidValue(path + ".function.name", TYPE_STRING, array.get(i).get("function").get("name"),
                        "tools[" + earlier + "] has the same name; tool names must be unique.");
            }
            tools.add(tool);
        }
        return tools;
    }

    /**
     * The tool choice, or {@code null} when the member is absent.
     *
     * @param tools the request's tools, as {@link #tools} read them ({@code null} when absent)
     */
    static ChatCompletionToolChoiceOption toolChoice(JsonNode value, List<ChatCompletionTool> tools) {
        if (value == null) {
            return null;
        }
        ChatCompletionToolChoiceOption choice = value.isTextual() ? mode(value) : named(value, tools);
        if (tools == null || tools.isEmpty()) {
            // OpenAI: "'tool_choice' is only allowed when 'tools' are specified."
            throw invalidValue("tool_choice", TOOL_CHOICE_TYPE, value, "only allowed when tools are given.");
        }
        return choice;
    }

    private static ChatCompletionTool tool(JsonNode value, String path) {
        ObjectNode tool = object(value, path, TOOL_TYPE);
        JsonNode typeValue = required(tool, "type", path + ".type");
        if (!string(typeValue, path + ".type").equals(ChatCompletionTool.TYPE_FUNCTION)) {
            throw invalidValue(path + ".type", TYPE_STRING, typeValue, "must be function.");
        }
        String functionPath = path + ".function";
        ObjectNode function = object(required(tool, "function", functionPath), functionPath, "FunctionDefinition");
        JsonNode nameValue = required(function, "name", functionPath + ".name");
        String name = string(nameValue, functionPath + ".name");
        if (!NAME_PATTERN.matcher(name).matches()) {
            throw invalidValue(functionPath + ".name", TYPE_STRING, nameValue, "must match " + NAME_PATTERN_TEXT + ".");
        }
        JsonNode descriptionValue = member(function, "description");
        String description = descriptionValue == null ? null : string(descriptionValue, functionPath + ".description");
        JsonNode parametersValue = member(function, "parameters");
        JsonNode parameters = parametersValue == null ? null
                : object(parametersValue, functionPath + ".parameters", "FunctionParameters");
        JsonNode strictValue = member(function, "strict");
        Boolean strict = strictValue == null ? null : bool(strictValue, functionPath + ".strict");
        return new ChatCompletionTool(ChatCompletionTool.TYPE_FUNCTION,
                new FunctionDefinition(name, description, parameters, strict));
    }

    private static ChatCompletionToolChoiceOption.Mode mode(JsonNode value) {
        String mode = value.textValue();
        if (!MODES.contains(mode)) {
            throw invalidValue("tool_choice", TOOL_CHOICE_TYPE, value, "must be one of " + MODE_LIST
                                                                       + ", or name a function.");
        }
        return new ChatCompletionToolChoiceOption.Mode(mode);
    }

    private static ChatCompletionToolChoiceOption.Named named(JsonNode value, List<ChatCompletionTool> tools) {
        ObjectNode choice = object(value, "tool_choice", TOOL_CHOICE_TYPE);
        JsonNode typeValue = required(choice, "type", "tool_choice.type");
        if (!string(typeValue, "tool_choice.type").equals(ChatCompletionTool.TYPE_FUNCTION)) {
            throw invalidValue("tool_choice.type", TYPE_STRING, typeValue, "must be function.");
        }
        ObjectNode function = object(required(choice, "function", "tool_choice.function"), "tool_choice.function",
                "Function");
        JsonNode nameValue = required(function, "name", "tool_choice.function.name");
        String name = string(nameValue, "tool_choice.function.name");
        if (tools != null && !tools.isEmpty()
            && tools.stream().noneMatch(tool -> tool.function().name().equals(name))) {
            throw invalidValue("tool_choice.function.name", TYPE_STRING, nameValue,
                    "must name one of the tools (" + names(tools) + ").");
        }
        return ChatCompletionToolChoiceOption.Named.function(name);
    }

    /** The tools' names for a message; a long list is cut, as values are. */
    private static String names(List<ChatCompletionTool> tools) {
        String names = tools.stream().limit(MAX_NAMED_TOOLS).map(tool -> tool.function().name())
                .collect(Collectors.joining(", "));
        return tools.size() <= MAX_NAMED_TOOLS ? names : names + ", ... " + tools.size() + " in all";
    }
}
