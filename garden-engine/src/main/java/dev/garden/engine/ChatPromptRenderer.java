package dev.garden.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.garden.core.GardenException;
import dev.garden.core.inference.ChatMessage;
import dev.garden.core.inference.ToolCall;
import dev.garden.jinja.JinjaFunctions;
import dev.garden.jinja.JinjaTemplate;
import dev.garden.jinja.TemplateRaisedException;
import dev.garden.jinja.TemplateRenderException;
import dev.garden.jinja.TemplateSyntaxException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Renders a conversation into a model's prompt with its chat template, the way Hugging Face's
 * {@code apply_chat_template} does: messages as maps with {@code role} and {@code content}, {@code bos_token},
 * {@code eos_token}, {@code add_generation_prompt}, {@code raise_exception} and {@code strftime_now}.
 */
public final class ChatPromptRenderer {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JinjaTemplate template;
    private final String bosToken;
    private final String eosToken;
    private final Clock clock;

    /**
     * @throws IllegalArgumentException when the template does not parse
     */
    public ChatPromptRenderer(String templateSource, String bosToken, String eosToken, Clock clock) {
        try {
            this.template = JinjaTemplate.parse(templateSource);
        } catch (TemplateSyntaxException e) {
            throw new IllegalArgumentException("the chat template does not parse: " + e.getMessage(), e);
        }
        this.bosToken = Objects.requireNonNull(bosToken, "bosToken");
        this.eosToken = Objects.requireNonNull(eosToken, "eosToken");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The BOS token's text, which a template may write at the start of the prompt. */
    public String bosToken() {
        return bosToken;
    }

    /**
     * The prompt for a conversation, ending where the assistant's next turn begins.
     *
     * @throws GardenException {@code INVALID_ARGUMENT} when the template refuses the conversation (it raised, for
     *                         example because roles do not alternate) or cannot render it
     */
    public String render(List<ChatMessage> messages) {
        return render(messages, Map.of());
    }

    /**
     * As {@link #render(List)}, with more variables in the template's context: {@code tools} and switches such as
     * {@code enable_thinking}. They cannot replace the standard ones.
     */
    public String render(List<ChatMessage> messages, Map<String, Object> variables) {
        Map<String, Object> context = new LinkedHashMap<>(variables);
        context.put("messages", messages.stream().map(ChatPromptRenderer::templateMessage).toList());
        context.put("add_generation_prompt", true);
        context.put("bos_token", bosToken);
        context.put("eos_token", eosToken);
        context.put("raise_exception", JinjaFunctions.raiseException());
        context.put("strftime_now", JinjaFunctions.strftimeNow(clock));
        try {
            return template.render(context);
        } catch (TemplateRaisedException e) {
            throw GardenException.invalidArgument(e.getMessage());
        } catch (TemplateRenderException e) {
            throw GardenException.invalidArgument("The model's chat template cannot render these messages: "
                    + e.getMessage());
        }
    }

    /** A message as Hugging Face templates expect it: plain maps, content as one string. */
    private static Map<String, Object> templateMessage(ChatMessage message) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("role", message.role().templateName());
        map.put("content", message.textContent());
        if (message.name() != null) {
            map.put("name", message.name());
        }
        if (message.toolCallId() != null) {
            map.put("tool_call_id", message.toolCallId());
        }
        if (!message.toolCalls().isEmpty()) {
            List<Map<String, Object>> calls = new ArrayList<>();
            for (ToolCall call : message.toolCalls()) {
                Map<String, Object> function = new LinkedHashMap<>();
                function.put("name", call.name());
                function.put("arguments", parsedArguments(call.arguments()));
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("id", call.id());
                entry.put("type", "function");
                entry.put("function", function);
                calls.add(entry);
            }
            map.put("tool_calls", calls);
        }
        return map;
    }

    /**
     * Templates write arguments with {@code | tojson}, expecting an object as transformers passes it; arguments
     * that are not valid JSON stay a string rather than failing the request.
     */
    private static Object parsedArguments(String arguments) {
        try {
            return JSON.readValue(arguments, Object.class);
        } catch (JsonProcessingException e) {
            return arguments;
        }
    }
}
