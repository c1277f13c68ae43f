package dev.garden.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.garden.core.IdGenerator;
import dev.garden.core.inference.ChatMessage;
import dev.garden.core.inference.ContentPart;
import dev.garden.core.inference.Reasoning;
import dev.garden.core.inference.Role;
import dev.garden.core.inference.ToolCall;
import dev.garden.core.inference.ToolChoice;
import dev.garden.core.inference.ToolDefinition;
import dev.garden.jinja.JinjaFunctions;
import dev.garden.jinja.JinjaTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders real templates with what a {@link ChatPlan} gives them, the way the engine's renderer does (messages as
 * Hugging Face passes them), to show the templates take it: the tools variable exactly as transformers passes it,
 * and conversations rewritten for templates that know nothing of tools.
 */
class TemplateRenderingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The moment the goldens were rendered at. */
    private static final Clock NOW = Clock.fixed(Instant.parse("2025-07-26T14:05:09Z"), ZoneOffset.UTC);

    static List<String> toolRenderingTemplates() {
        return Templates.names().stream().filter(name -> Templates.format(name).rendersTools())
                .filter(name -> Templates.golden(name, "tools") != null).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("toolRenderingTemplates")
    @SuppressWarnings("unchecked")
    void templateVariables_tools_renderAsTransformersPassesThem(String template) throws IOException {
        Map<String, Object> testCase = JSON.readValue(Templates.read(Templates.RESOURCES.resolve("cases/tools.json")),
                Map.class);
        List<ToolDefinition> tools = new ArrayList<>();
        for (Map<String, Object> tool : (List<Map<String, Object>>) testCase.get("tools")) {
            Map<String, Object> function = (Map<String, Object>) tool.get("function");
            tools.add(new ToolDefinition((String) function.get("name"), (String) function.get("description"),
                    JSON.writeValueAsString(function.get("parameters")), false));
        }
        ChatPlan plan = Templates.format(template).plan(tools, ToolChoice.AUTO, true, Reasoning.DEFAULT,
                IdGenerator.sequential());
        Map<String, Object> context = context(template, (List<Object>) testCase.get("messages"));
        context.put("tools", plan.templateVariables().get("tools"));

        assertThat(render(template, context)).isEqualTo(Templates.golden(template, "tools"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"google-gemma-3-it.jinja", "google-gemma-2-2b-it.jinja",
            "microsoft-Phi-3.5-mini-instruct.jinja", "HuggingFaceTB-SmolLM2-135M-Instruct.jinja",
            "Qwen3.5-4B.jinja", "openai-gpt-oss-120b.jinja"})
    void messages_genericFormat_rendersCallsAndResultsAsText(String template) {
        ChatPlan plan = Templates.format(template).plan(Streams.TOOLS, ToolChoice.AUTO, true, Reasoning.DEFAULT,
                IdGenerator.sequential());

        String prompt = render(template, context(template, templateMessages(plan.messages(conversation("call_1",
                "call_2")))));

        assertThat(prompt).contains("{\"tool_calls\":[{\"name\":\"get_weather\",\"arguments\":{\"city\":\"Paris\"},"
                        + "\"id\":\"call_1\"}", "{\"tool_response\":{\"name\":\"search\",\"id\":\"call_2\","
                        + "\"content\":{\"results\":[]}}}", "\"response\"", "You can call the following tools")
                .doesNotContain("<tool_call>");
    }

    @Test
    void messages_templateWithoutTools_getsTheFamilySyntaxInTheSystemMessage() {
        String template = "deepseek-ai-DeepSeek-R1-Distill-Qwen-32B.jinja";
        ChatPlan plan = Templates.format(template).plan(Streams.TOOLS, ToolChoice.AUTO, true, Reasoning.DEFAULT,
                IdGenerator.sequential());

        String prompt = render(template, context(template, templateMessages(plan.messages(List.of(
                ChatMessage.text(Role.USER, "What's the weather in Paris?"))))));

        assertThat(prompt).startsWith("<｜begin▁of▁sentence｜>You can call the following tools")
                .contains("<｜tool▁call▁begin｜>function<｜tool▁sep｜>tool_name\n```json\n", "\"get_weather\"");
    }

    @Test
    void messages_mistralIds_areAcceptedBackByTheTemplate() {
        String template = "mistralai-Mistral-Nemo-Instruct-2407.jinja";
        ChatPlan plan = ParserCases.NEMO.plan(Streams.TOOLS, ToolChoice.AUTO, true, Reasoning.DEFAULT,
                IdGenerator.random());
        var parser = plan.newParser(0, ParserCases.MISTRAL_PROMPT);
        var events = parser.push("[TOOL_CALLS][{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}, "
                + "{\"name\": \"search\", \"arguments\": {\"query\": \"Paris\"}}]");
        String first = ((dev.garden.core.inference.InferenceEvent.ToolCallDelta) events.get(0)).id();
        String second = ((dev.garden.core.inference.InferenceEvent.ToolCallDelta) events.get(2)).id();
        Map<String, Object> context = context(template, templateMessages(plan.messages(conversation(first, second))));
        context.put("tools", plan.templateVariables().get("tools"));

        assertThat(render(template, context)).contains("\"id\": \"" + first + "\"", "\"call_id\": \"" + second + "\"");
    }

    @Test
    void templateVariables_thinkingSwitch_followsTheBudget() {
        ChatPlan off = ParserCases.QWEN_3.plan(Streams.TOOLS, ToolChoice.AUTO, true,
                new Reasoning(OptionalInt.of(0), false), IdGenerator.sequential());
        ChatPlan on = ParserCases.QWEN_3.plan(Streams.TOOLS, ToolChoice.AUTO, true, Reasoning.DEFAULT,
                IdGenerator.sequential());
        String template = "Qwen-Qwen3-0.6B.jinja";
        List<Object> messages = templateMessages(List.of(ChatMessage.text(Role.USER, "Hi")));

        Map<String, Object> offContext = context(template, messages);
        offContext.putAll(off.templateVariables());
        String offPrompt = render(template, offContext);
        Map<String, Object> onContext = context(template, messages);
        onContext.putAll(on.templateVariables());
        String onPrompt = render(template, onContext);

        assertThat(off.templateVariables()).containsEntry("enable_thinking", false);
        assertThat(offPrompt).endsWith("<|im_start|>assistant\n<think>\n\n</think>\n\n");
        assertThat(off.promptSuffix(offPrompt)).isEmpty();
        assertThat(off.startsInThought(offPrompt)).isFalse();
        assertThat(onPrompt).endsWith("<|im_start|>assistant\n").contains("<tools>");
        assertThat(on.promptSuffix(onPrompt)).isEmpty();
    }

    @Test
    void promptSuffix_noSwitchAndNoBudget_addsAnEmptyThought() {
        ChatFormat format = Templates.format("deepseek-ai-DeepSeek-R1-Distill-Llama-8B.jinja");
        ChatPlan off = format.plan(List.of(), ToolChoice.AUTO, true, new Reasoning(OptionalInt.of(0), false),
                IdGenerator.sequential());
        ChatPlan unlimited = format.plan(List.of(), ToolChoice.AUTO, true, Reasoning.DEFAULT,
                IdGenerator.sequential());

        assertThat(off.templateVariables()).isEmpty();
        assertThat(off.promptSuffix(ParserCases.R1_PROMPT)).isEqualTo("\n</think>\n\n");
        assertThat(off.promptSuffix("<｜Assistant｜>")).isEqualTo("<think>\n\n</think>\n\n");
        assertThat(unlimited.promptSuffix(ParserCases.R1_PROMPT)).isEmpty();
    }

    /** user, assistant calls two tools, both answer, assistant replies, user asks again. */
    private static List<ChatMessage> conversation(String firstId, String secondId) {
        return List.of(
                ChatMessage.text(Role.SYSTEM, "You are helpful."),
                ChatMessage.text(Role.USER, "Weather and events in Paris?"),
                new ChatMessage(Role.ASSISTANT, List.of(), null, null, List.of(
                        new ToolCall(firstId, "get_weather", "{\"city\": \"Paris\"}"),
                        new ToolCall(secondId, "search", "{\"query\": \"Paris events\"}"))),
                new ChatMessage(Role.TOOL, List.of(new ContentPart.Text("{\"temperature\": 21}")), null, firstId,
                        List.of()),
                new ChatMessage(Role.TOOL, List.of(new ContentPart.Text("{\"results\": []}")), null, secondId,
                        List.of()),
                ChatMessage.text(Role.ASSISTANT, "It is 21 degrees; I found no events."),
                ChatMessage.text(Role.USER, "Thanks! And tomorrow?"));
    }

    /** Messages as the engine's ChatPromptRenderer passes them. */
    private static List<Object> templateMessages(List<ChatMessage> messages) {
        List<Object> result = new ArrayList<>();
        for (ChatMessage message : messages) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("role", message.role().templateName());
            map.put("content", message.textContent());
            if (message.toolCallId() != null) {
                map.put("tool_call_id", message.toolCallId());
            }
            if (!message.toolCalls().isEmpty()) {
                List<Object> calls = new ArrayList<>();
                for (ToolCall call : message.toolCalls()) {
                    calls.add(Map.of("id", call.id(), "type", "function", "function", Map.of("name", call.name(),
                            "arguments", TemplateTools.parsedOrText(call.arguments()))));
                }
                map.put("tool_calls", calls);
            }
            result.add(map);
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> context(String template, List<Object> messages) {
        Map<String, Object> context = new LinkedHashMap<>();
        try {
            Map<String, Object> models = JSON.readValue(Templates.read(Templates.RESOURCES.resolve(
                    "templates/models.json")), Map.class);
            Map<String, Object> tokens = (Map<String, Object>) ((Map<String, Object>) models.get(template))
                    .get("tokens");
            tokens.forEach((name, value) -> {
                if (value != null) {
                    context.put(name, value);
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        context.put("messages", messages);
        context.put("documents", null);
        context.put("add_generation_prompt", true);
        context.put("raise_exception", JinjaFunctions.raiseException());
        context.put("strftime_now", JinjaFunctions.strftimeNow(NOW));
        return context;
    }

    private static String render(String template, Map<String, Object> context) {
        return JinjaTemplate.parse(Templates.source(template)).render(context);
    }
}
