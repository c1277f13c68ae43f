package dev.garden.server;

import dev.garden.core.GardenException;
import dev.garden.core.inference.ChatMessage;
import dev.garden.core.inference.ContentPart;
import dev.garden.core.inference.FinishReason;
import dev.garden.core.inference.InferenceRequest;
import dev.garden.core.inference.Reasoning;
import dev.garden.core.inference.ResponseFormat;
import dev.garden.core.inference.Role;
import dev.garden.core.inference.SamplingParams;
import dev.garden.core.inference.ToolCall;
import dev.garden.core.inference.ToolChoice;
import dev.garden.core.inference.ToolDefinition;
import dev.garden.wire.openai.ChatCompletionContentPart;
import dev.garden.wire.openai.ChatCompletionRequest;
import dev.garden.wire.openai.ChatCompletionRequestMessage;
import dev.garden.wire.openai.ChatCompletionTool;
import dev.garden.wire.openai.ChatCompletionToolChoiceOption;
import dev.garden.wire.openai.MessageContent;
import dev.garden.wire.vertex.ThinkingConfig;

import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Maps between the OpenAI wire types and the domain: the only code that knows both. Expects a request that
 * {@link ChatCompletionRequestParser} has validated; anything it still cannot map is an {@code INVALID_ARGUMENT}.
 *
 * <p>Reasoning, in the order Garden reads it:
 * <ul>
 *   <li>{@code thinking_config} (either spelling): {@code thinking_budget} n is n thought tokens, {@code -1}
 *       (dynamic) leaves the budget to the model; {@code thinking_level} {@code minimal}, {@code low},
 *       {@code medium}, {@code high} is 0, 1,024, 8,192, 24,576 tokens, the budgets {@code reasoning_effort} maps
 *       to; {@code include_thoughts} says whether thoughts are returned.</li>
 *   <li>{@code reasoning_effort}: {@code none} and {@code minimal} are 0, {@code low}, {@code medium},
 *       {@code high} 1,024, 8,192, 24,576 tokens, as Vertex AI maps them; thoughts are not returned.</li>
 *   <li>Neither: the model's own behaviour, thoughts hidden.</li>
 * </ul>
 */
final class InferenceRequests {
    /** OpenAI's meaning of a function without {@code parameters}: it takes none. */
    static final String NO_PARAMETERS = "{\"type\":\"object\",\"properties\":{}}";
    /** A {@code json_schema} format without {@code schema}: any JSON value. */
    static final String ANY_JSON = "{}";

    private InferenceRequests() {
    }

    /** The domain request for a wire request, with OpenAI's defaults for what the caller left out. */
    static InferenceRequest toDomain(ChatCompletionRequest request) {
        return toDomain(request, SamplingParams.DEFAULTS);
    }

    /** The domain request for a wire request, with the model's sampling defaults for what the caller left out. */
    static InferenceRequest toDomain(ChatCompletionRequest request, SamplingParams defaults) {
        SamplingParams sampling = new SamplingParams(
                orDefault(request.temperature(), defaults.temperature()),
                orDefault(request.topP(), defaults.topP()),
                request.seed() == null ? OptionalLong.empty() : OptionalLong.of(request.seed()),
                orDefault(request.presencePenalty(), defaults.presencePenalty()),
                orDefault(request.frequencyPenalty(), defaults.frequencyPenalty()));
        // max_completion_tokens replaced max_tokens; when a caller sends both, the newer one is meant.
        Integer maxTokens = request.maxCompletionTokens() != null ? request.maxCompletionTokens()
                : request.maxTokens();
        // An empty stop string would end every choice before it began; OpenAI and Vertex AI ignore it.
        List<String> stop = request.stop() == null ? List.of()
                : request.stop().stream().filter(s -> !s.isEmpty()).toList();
        return new InferenceRequest(request.model(),
                request.messages().stream().map(InferenceRequests::message).toList(),
                sampling,
                maxTokens == null ? OptionalInt.empty() : OptionalInt.of(maxTokens),
                stop,
                request.n() == null ? 1 : request.n(),
                format(request.responseFormat()),
                tools(request.tools()),
                toolChoice(request.toolChoice()),
                !Boolean.FALSE.equals(request.parallelToolCalls()),
                reasoning(request));
    }

    /** The wire's {@code finish_reason} for a domain reason. */
    static String finishReason(FinishReason reason) {
        return switch (reason) {
            case STOP -> "stop";
            case LENGTH -> "length";
            case TOOL_CALLS -> "tool_calls";
        };
    }

    private static ResponseFormat format(dev.garden.wire.openai.ResponseFormat format) {
        return switch (format) {
            case null -> ResponseFormat.TEXT;
            case dev.garden.wire.openai.ResponseFormat.Text ignored -> ResponseFormat.TEXT;
            case dev.garden.wire.openai.ResponseFormat.JsonObject ignored -> new ResponseFormat.JsonObject();
            case dev.garden.wire.openai.ResponseFormat.JsonSchema schema -> new ResponseFormat.JsonSchema(
                    schema.jsonSchema().name(),
                    schema.jsonSchema().schema() == null ? ANY_JSON : Json.text(schema.jsonSchema().schema()),
                    Boolean.TRUE.equals(schema.jsonSchema().strict()));
        };
    }

    private static List<ToolDefinition> tools(List<ChatCompletionTool> tools) {
        return tools == null ? List.of() : tools.stream()
                .map(ChatCompletionTool::function)
                .map(function -> new ToolDefinition(function.name(),
                        function.description() == null ? "" : function.description(),
                        function.parameters() == null ? NO_PARAMETERS : Json.text(function.parameters()),
                        Boolean.TRUE.equals(function.strict())))
                .toList();
    }

    private static ToolChoice toolChoice(ChatCompletionToolChoiceOption choice) {
        return switch (choice) {
            case null -> ToolChoice.AUTO;
            case ChatCompletionToolChoiceOption.Named named -> new ToolChoice.Named(named.function().name());
            case ChatCompletionToolChoiceOption.Mode mode -> switch (mode.mode()) {
                case "none" -> ToolChoice.NONE;
                case "required" -> ToolChoice.REQUIRED;
                // Gemini's VALIDATED: the model may answer in text or call, and its calls match their schemas. That
                // is what Garden's auto mode does (the engine's lazy grammar constrains a call once one starts), so
                // the domain needs no mode of its own for it.
                case "auto", "validated" -> ToolChoice.AUTO;
                default -> throw GardenException.invalidArgument("Unknown tool_choice '" + mode.mode() + "'.");
            };
        };
    }

    private static Reasoning reasoning(ChatCompletionRequest request) {
        ThinkingConfig config = thinkingConfig(request);
        if (config != null) {
            OptionalInt budget;
            if (config.thinkingLevel() != null) {
                budget = OptionalInt.of(budget(config.thinkingLevel()));
            } else if (config.thinkingBudget() == null || config.thinkingBudget() == ThinkingConfig.DYNAMIC_BUDGET) {
                budget = OptionalInt.empty();
            } else {
                budget = OptionalInt.of(config.thinkingBudget());
            }
            return new Reasoning(budget, Boolean.TRUE.equals(config.includeThoughts()));
        }
        if (request.reasoningEffort() != null) {
            return new Reasoning(OptionalInt.of(budget(request.reasoningEffort())), false);
        }
        return Reasoning.DEFAULT;
    }

    /** The parser has made sure at most one of the two spellings carries a config. */
    private static ThinkingConfig thinkingConfig(ChatCompletionRequest request) {
        if (request.extraBody() != null && request.extraBody().google() != null
            && request.extraBody().google().thinkingConfig() != null) {
            return request.extraBody().google().thinkingConfig();
        }
        return request.google() == null ? null : request.google().thinkingConfig();
    }

    /** The thought tokens of a {@code reasoning_effort} or a {@code thinking_level}. */
    private static int budget(String effort) {
        return switch (effort) {
            case "none", "minimal" -> 0;
            case "low" -> Reasoning.LOW;
            case "medium" -> Reasoning.MEDIUM;
            case "high" -> Reasoning.HIGH;
            default -> throw GardenException.invalidArgument("Unknown reasoning effort '" + effort + "'.");
        };
    }

    private static ChatMessage message(ChatCompletionRequestMessage message) {
        Role role = switch (message.role()) {
            // OpenAI's newer name for the system role; Vertex AI treats it as system too.
            case "system", "developer" -> Role.SYSTEM;
            case "user" -> Role.USER;
            case "assistant" -> Role.ASSISTANT;
            case "tool" -> Role.TOOL;
            default -> throw GardenException.invalidArgument("Unknown role '" + message.role() + "'.");
        };
        List<ToolCall> toolCalls = message.toolCalls() == null ? List.of() : message.toolCalls().stream()
                .map(call -> new ToolCall(call.id(), call.function().name(), call.function().arguments()))
                .toList();
        return new ChatMessage(role, content(message.content()), message.name(), message.toolCallId(), toolCalls);
    }

    private static List<ContentPart> content(MessageContent content) {
        return switch (content) {
            case null -> List.of();
            case MessageContent.Text text -> List.of(new ContentPart.Text(text.text()));
            case MessageContent.Parts parts -> parts.parts().stream().map(InferenceRequests::part).toList();
        };
    }

    private static ContentPart part(ChatCompletionContentPart part) {
        return switch (part) {
            case ChatCompletionContentPart.Text text -> new ContentPart.Text(text.text());
            case ChatCompletionContentPart.Image ignored ->
                    throw GardenException.invalidArgument("image_url content parts are not supported yet.");
            case ChatCompletionContentPart.Audio ignored ->
                    throw GardenException.invalidArgument("input_audio content parts are not supported yet.");
        };
    }

    private static double orDefault(Double value, double fallback) {
        return value == null ? fallback : value;
    }
}
