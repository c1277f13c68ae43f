package dev.garden.server;

import dev.garden.core.GardenException;
import dev.garden.core.inference.ChatMessage;
import dev.garden.core.inference.ContentPart;
import dev.garden.core.inference.FinishReason;
import dev.garden.core.inference.InferenceRequest;
import dev.garden.core.inference.Role;
import dev.garden.core.inference.SamplingParams;
import dev.garden.core.inference.ToolCall;
import dev.garden.wire.openai.ChatCompletionContentPart;
import dev.garden.wire.openai.ChatCompletionRequest;
import dev.garden.wire.openai.ChatCompletionRequestMessage;
import dev.garden.wire.openai.MessageContent;

import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Maps between the OpenAI wire types and the domain: the only code that knows both. Expects a request that
 * {@link ChatCompletionRequestParser} has validated; anything it still cannot map is an {@code INVALID_ARGUMENT}.
 */
final class InferenceRequests {
    private InferenceRequests() {
    }

    /** The domain request for a wire request, with OpenAI's defaults for what the caller left out. */
    static InferenceRequest toDomain(ChatCompletionRequest request) {
        SamplingParams defaults = SamplingParams.DEFAULTS;
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
                request.n() == null ? 1 : request.n());
    }

    /** The wire's {@code finish_reason} for a domain reason. */
    static String finishReason(FinishReason reason) {
        return switch (reason) {
            case STOP -> "stop";
            case LENGTH -> "length";
            case TOOL_CALLS -> "tool_calls";
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
