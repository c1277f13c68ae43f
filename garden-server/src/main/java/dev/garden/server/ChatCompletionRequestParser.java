package dev.garden.server;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.garden.core.GardenException;
import dev.garden.wire.openai.ChatCompletionContentPart;
import dev.garden.wire.openai.ChatCompletionMessageToolCall;
import dev.garden.wire.openai.ChatCompletionRequest;
import dev.garden.wire.openai.ChatCompletionRequestMessage;
import dev.garden.wire.openai.ChatCompletionStreamOptions;
import dev.garden.wire.openai.ChatCompletionTool;
import dev.garden.wire.openai.ChatCompletionToolChoiceOption;
import dev.garden.wire.openai.MessageContent;
import dev.garden.wire.openai.ResponseFormat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.garden.server.JsonFields.TYPE_DOUBLE;
import static dev.garden.server.JsonFields.TYPE_INT32;
import static dev.garden.server.JsonFields.TYPE_STRING;
import static dev.garden.server.JsonFields.array;
import static dev.garden.server.JsonFields.bool;
import static dev.garden.server.JsonFields.format;
import static dev.garden.server.JsonFields.int32;
import static dev.garden.server.JsonFields.int64;
import static dev.garden.server.JsonFields.invalidValue;
import static dev.garden.server.JsonFields.member;
import static dev.garden.server.JsonFields.missing;
import static dev.garden.server.JsonFields.number;
import static dev.garden.server.JsonFields.object;
import static dev.garden.server.JsonFields.required;
import static dev.garden.server.JsonFields.string;

/**
 * Reads and validates a {@code chat/completions} body, by hand over Jackson's tree so that every error names the
 * field it is about ({@code messages[1].content[0].type}) the way Vertex AI does.
 *
 * <p>Parameters Garden does not read ({@code logprobs}, {@code user}, {@code extra_body.google.safety_settings},
 * ...) are ignored, not rejected, as Vertex AI ignores the ones it does not support. Validation happens here, once
 * (with {@link ResponseFormatParser}, {@link ToolsParser} and {@link ReasoningParser} for the structured-output,
 * function-calling and reasoning parameters); the result is a wire request that the serving layer can map to the
 * domain without further checks.
 */
final class ChatCompletionRequestParser {
    /** OpenAI allows 4; Vertex AI allows more. */
    static final int MAX_STOP_SEQUENCES = 16;
    static final int MAX_CHOICES = 8;

    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool");
    private static final String ROLE_LIST = "system, developer, user, assistant, tool";
    /** Part types of the API that Garden cannot take yet: a clear "not yet" beats "unknown type". */
    private static final Set<String> UNSUPPORTED_PART_TYPES = Set.of("image_url", "input_audio", "file", "refusal");
    private static final String PART_TYPE_LIST = "text, image_url, input_audio, file, refusal";

    private static final String MESSAGE_TYPE = "ChatCompletionRequestMessage";
    private static final String CONTENT_TYPE = "TYPE_STRING or array of ChatCompletionContentPart";
    private static final String PART_TYPE = "ChatCompletionContentPart";
    private static final String TOOL_CALL_TYPE = "ChatCompletionMessageToolCall";
    private static final String STOP_TYPE = "TYPE_STRING or array of TYPE_STRING";

    private ChatCompletionRequestParser() {
    }

    /**
     * Parses a body.
     *
     * @throws GardenException {@code INVALID_ARGUMENT} naming the field and what is wrong with it
     */
    static ChatCompletionRequest parse(byte[] body) {
        if (body.length == 0) {
            throw GardenException.invalidArgument("Invalid JSON payload received. The request body is empty.");
        }
        JsonNode root;
        try {
            root = Json.readTree(body);
        } catch (JsonProcessingException e) {
            throw GardenException.invalidArgument("Invalid JSON payload received. " + describe(e));
        }
        if (!(root instanceof ObjectNode request)) {
            throw GardenException.invalidArgument("Invalid JSON payload received. Root element must be a message.");
        }

        String model = string(required(request, "model", "model"), "model");
        if (model.isBlank()) {
            throw invalidValue("model", TYPE_STRING, request.get("model"), "must not be empty.");
        }
        List<ChatCompletionRequestMessage> messages = messages(request);
        Integer maxTokens = optionalInt32(request, "max_tokens", 1, Integer.MAX_VALUE);
        Integer maxCompletionTokens = optionalInt32(request, "max_completion_tokens", 1, Integer.MAX_VALUE);
        Double temperature = optionalDouble(request, "temperature", 0, 2);
        Double topP = optionalDouble(request, "top_p", 0, 1);
        List<String> stop = stop(request);
        JsonNode seedValue = member(request, "seed");
        Long seed = seedValue == null ? null : int64(seedValue, "seed");
        Integer n = optionalInt32(request, "n", 1, MAX_CHOICES);
        Double presencePenalty = optionalDouble(request, "presence_penalty", -2, 2);
        Double frequencyPenalty = optionalDouble(request, "frequency_penalty", -2, 2);
        JsonNode streamValue = member(request, "stream");
        Boolean stream = streamValue == null ? null : bool(streamValue, "stream");
        ChatCompletionStreamOptions streamOptions = streamOptions(request);
        ResponseFormat responseFormat = ResponseFormatParser.parse(member(request, "response_format"));
        List<ChatCompletionTool> tools = ToolsParser.tools(member(request, "tools"));
        ChatCompletionToolChoiceOption toolChoice = ToolsParser.toolChoice(member(request, "tool_choice"), tools);
        // Read and carried, but the domain has no place for it yet: Garden's models may still call in parallel.
        JsonNode parallelValue = member(request, "parallel_tool_calls");
        Boolean parallelToolCalls = parallelValue == null ? null : bool(parallelValue, "parallel_tool_calls");
        ReasoningParser.Parameters reasoning = ReasoningParser.parse(request);

        return new ChatCompletionRequest(model, messages, maxTokens, maxCompletionTokens, temperature, topP, stop,
                seed, n, presencePenalty, frequencyPenalty, stream, streamOptions, responseFormat, tools, toolChoice,
                parallelToolCalls, reasoning.reasoningEffort(), reasoning.extraBody(), reasoning.google());
    }

    private static List<ChatCompletionRequestMessage> messages(ObjectNode request) {
        ArrayNode array = array(required(request, "messages", "messages"), "messages", "array of " + MESSAGE_TYPE);
        if (array.isEmpty()) {
            throw invalidValue("messages", "array of " + MESSAGE_TYPE, array, "at least one message is required.");
        }
        List<ChatCompletionRequestMessage> messages = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            messages.add(message(array.get(i), "messages[" + i + "]"));
        }
        return messages;
    }

    private static ChatCompletionRequestMessage message(JsonNode value, String path) {
        ObjectNode message = object(value, path, MESSAGE_TYPE);
        JsonNode roleValue = required(message, "role", path + ".role");
        String role = string(roleValue, path + ".role");
        if (!ROLES.contains(role)) {
            throw invalidValue(path + ".role", TYPE_STRING, roleValue, "must be one of " + ROLE_LIST + ".");
        }
        MessageContent content = content(member(message, "content"), path + ".content");
        JsonNode nameValue = member(message, "name");
        String name = nameValue == null ? null : string(nameValue, path + ".name");

        // tool_calls and tool_call_id mean something only for their roles; elsewhere they are ignored like any
        // other field Garden does not read.
        List<ChatCompletionMessageToolCall> toolCalls = role.equals("assistant")
                ? toolCalls(member(message, "tool_calls"), path + ".tool_calls") : null;
        String toolCallId = role.equals("tool")
                ? string(required(message, "tool_call_id", path + ".tool_call_id"), path + ".tool_call_id") : null;

        if (toolCalls == null) {
            // Only an assistant turn that calls tools may go without content.
            if (content instanceof MessageContent.Parts parts && parts.parts().isEmpty()) {
                throw invalidValue(path + ".content", CONTENT_TYPE, message.get("content"), "must not be empty.");
            }
            if (content == null && role.equals("assistant")) {
                throw GardenException.invalidArgument("Required field '" + path + ".content' is missing: "
                                                      + "an assistant message needs content or tool_calls.");
            }
            if (content == null) {
                throw missing(path + ".content");
            }
        }
        return new ChatCompletionRequestMessage(role, content, name, toolCalls, toolCallId);
    }

    private static MessageContent content(JsonNode value, String path) {
        if (value == null) {
            return null;
        }
        if (value.isTextual()) {
            return new MessageContent.Text(value.textValue());
        }
        ArrayNode array = array(value, path, CONTENT_TYPE);
        List<ChatCompletionContentPart> parts = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            parts.add(part(array.get(i), path + "[" + i + "]"));
        }
        return new MessageContent.Parts(parts);
    }

    private static ChatCompletionContentPart part(JsonNode value, String path) {
        ObjectNode part = object(value, path, PART_TYPE);
        JsonNode typeValue = required(part, "type", path + ".type");
        String type = string(typeValue, path + ".type");
        if (type.equals("text")) {
            return new ChatCompletionContentPart.Text(string(required(part, "text", path + ".text"), path + ".text"));
        }
        if (UNSUPPORTED_PART_TYPES.contains(type)) {
            throw invalidValue(path + ".type", TYPE_STRING, typeValue,
                    type + " content parts are not supported yet.");
        }
        throw invalidValue(path + ".type", TYPE_STRING, typeValue, "must be one of " + PART_TYPE_LIST + ".");
    }

    /** An assistant's calls; an empty list counts as none. */
    private static List<ChatCompletionMessageToolCall> toolCalls(JsonNode value, String path) {
        if (value == null) {
            return null;
        }
        ArrayNode array = array(value, path, "array of " + TOOL_CALL_TYPE);
        if (array.isEmpty()) {
            return null;
        }
        List<ChatCompletionMessageToolCall> calls = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            calls.add(toolCall(array.get(i), path + "[" + i + "]"));
        }
        return calls;
    }

    private static ChatCompletionMessageToolCall toolCall(JsonNode value, String path) {
        ObjectNode call = object(value, path, TOOL_CALL_TYPE);
        String id = string(required(call, "id", path + ".id"), path + ".id");
        JsonNode typeValue = required(call, "type", path + ".type");
        String type = string(typeValue, path + ".type");
        if (!type.equals(ChatCompletionMessageToolCall.TYPE_FUNCTION)) {
            throw invalidValue(path + ".type", TYPE_STRING, typeValue, "must be function.");
        }
        String functionPath = path + ".function";
        ObjectNode function = object(required(call, "function", functionPath), functionPath, "Function");
        String name = string(required(function, "name", functionPath + ".name"), functionPath + ".name");
        String arguments = string(required(function, "arguments", functionPath + ".arguments"),
                functionPath + ".arguments");
        return new ChatCompletionMessageToolCall(id, type, new ChatCompletionMessageToolCall.Function(name, arguments));
    }

    private static List<String> stop(ObjectNode request) {
        JsonNode value = member(request, "stop");
        if (value == null) {
            return null;
        }
        if (value.isTextual()) {
            return List.of(value.textValue());
        }
        ArrayNode array = array(value, "stop", STOP_TYPE);
        if (array.size() > MAX_STOP_SEQUENCES) {
            throw GardenException.invalidArgument("Invalid value at 'stop' (" + STOP_TYPE + "): at most "
                                                  + MAX_STOP_SEQUENCES + " stop sequences are allowed, got "
                                                  + array.size() + ".");
        }
        List<String> stop = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            stop.add(string(array.get(i), "stop[" + i + "]"));
        }
        return stop;
    }

    private static ChatCompletionStreamOptions streamOptions(ObjectNode request) {
        JsonNode value = member(request, "stream_options");
        if (value == null) {
            return null;
        }
        ObjectNode options = object(value, "stream_options", "ChatCompletionStreamOptions");
        JsonNode includeUsage = member(options, "include_usage");
        return new ChatCompletionStreamOptions(
                includeUsage == null ? null : bool(includeUsage, "stream_options.include_usage"));
    }

    private static Double optionalDouble(ObjectNode request, String name, double min, double max) {
        JsonNode value = member(request, name);
        if (value == null) {
            return null;
        }
        double number = number(value, name);
        // Written so that NaN (which JSON cannot carry, but a lenient parser might) fails too.
        if (!(number >= min && number <= max)) {
            throw invalidValue(name, TYPE_DOUBLE, value,
                    "must be between " + format(min) + " and " + format(max) + ".");
        }
        return number;
    }

    private static Integer optionalInt32(ObjectNode request, String name, int min, int max) {
        JsonNode value = member(request, name);
        if (value == null) {
            return null;
        }
        int number = int32(value, name);
        if (number < min || number > max) {
            throw invalidValue(name, TYPE_INT32, value, max == Integer.MAX_VALUE
                    ? "must be at least " + min + "."
                    : "must be between " + min + " and " + max + ".");
        }
        return number;
    }

    /** Jackson's reason and where it happened, without its echo of the source. */
    private static String describe(JsonProcessingException e) {
        // Jackson's limits name its own configuration ("from `StreamReadConstraints...`"): not the caller's business.
        String reason = e.getOriginalMessage().replaceAll(", from `[^`]*`", "");
        JsonLocation location = e.getLocation();
        if (location == null || location.getLineNr() < 0) {
            return reason + ".";
        }
        return reason + " at line " + location.getLineNr() + ", column " + location.getColumnNr() + ".";
    }
}
