package dev.garden.chat;

import dev.garden.core.GardenException;
import dev.garden.core.IdGenerator;
import dev.garden.core.inference.InferenceRequest;
import dev.garden.core.inference.Reasoning;
import dev.garden.core.inference.ToolChoice;
import dev.garden.core.inference.ToolDefinition;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a chat template implies about its model: how it writes tool calls ({@link ToolCallFamily}), whether the
 * template describes the tools itself, and how the model marks its thoughts. Detected once per model from the
 * template's source, the way llama.cpp picks its chat format: by the markers the template writes.
 *
 * <p>Per request, {@link #plan} gives the {@link ChatPlan}: the messages and template variables to render, the
 * grammar that constrains the output, and a parser per choice.
 */
public final class ChatFormat {
    /** Jinja statements and expressions, where a template reads its variables (comments and text excluded). */
    private static final Pattern JINJA_CODE = Pattern.compile("\\{[{%](.*?)[%}]}", Pattern.DOTALL);
    private static final Pattern TOOLS_VARIABLE = Pattern.compile("\\btools\\b");
    /** Tool-call syntaxes that also use {@code <tool_call>} but are not Hermes' JSON (Qwen3-Coder, GLM, MiniMax). */
    private static final List<String> NOT_HERMES = List.of("<function=", "<arg_key>", "<invoke", "<tool_calls>",
            "minimax");

    private final ToolCallFamily family;
    private final boolean rendersTools;
    private final boolean systemRole;
    private final Optional<ThinkingSyntax> thinking;

    private ChatFormat(ToolCallFamily family, boolean rendersTools, boolean systemRole,
                       Optional<ThinkingSyntax> thinking) {
        this.family = family;
        this.rendersTools = rendersTools;
        this.systemRole = systemRole;
        this.thinking = thinking;
    }

    /**
     * Detects the format of a chat template from its source text.
     *
     * <p>Families are recognized by what the template writes when it renders a call back: Gemma 4's
     * {@code <|tool_call>call:}, DeepSeek's {@code <｜tool▁calls▁begin｜>}, Mistral's {@code [TOOL_CALLS]} (with
     * {@code [ARGS]} for the newer form), Hermes' {@code <tool_call>} around JSON with a {@code "name"}, Llama 3.x's
     * {@code ipython} role. Anything else is {@link ToolCallFamily#GENERIC}. Thoughts are recognized by
     * {@code <think>}, {@code [THINK]} or Gemma 4's thought channel.
     */
    public static ChatFormat detect(String templateSource) {
        Objects.requireNonNull(templateSource, "templateSource");
        ToolCallFamily family = family(templateSource);
        boolean rendersTools = family != ToolCallFamily.GENERIC && readsToolsVariable(templateSource);
        // Gemma 2's template refuses system messages; Garden's tool description then goes into the first user turn.
        boolean systemRole = !templateSource.contains("System role not supported");
        return new ChatFormat(family, rendersTools, systemRole, thinking(templateSource, family));
    }

    /** A format given outright, for templates whose detection needs overriding (and for tests). */
    public static ChatFormat of(ToolCallFamily family, boolean rendersTools, Optional<ThinkingSyntax> thinking) {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(thinking, "thinking");
        return new ChatFormat(family, rendersTools && family != ToolCallFamily.GENERIC, true, thinking);
    }

    private static ToolCallFamily family(String source) {
        if (source.contains("<|tool_call>call:")) {
            return ToolCallFamily.GEMMA_4;
        }
        if (source.contains("tool▁calls▁begin")) {
            // R1 fences the arguments as a JSON block; V3.1 writes them right after the separator.
            return source.contains("```json") ? ToolCallFamily.DEEPSEEK_R1 : ToolCallFamily.DEEPSEEK_V3_1;
        }
        if (source.contains(MistralParser.TOOL_CALLS)) {
            return source.contains(MistralParser.ARGS) ? ToolCallFamily.MISTRAL : ToolCallFamily.MISTRAL_NEMO;
        }
        if (source.contains(HermesParser.OPEN) && source.contains("\"name\"")
                && NOT_HERMES.stream().noneMatch(source::contains)) {
            return ToolCallFamily.HERMES;
        }
        if (source.contains("<|start_header_id|>ipython<|end_header_id|>") && !source.contains("<function=")) {
            return ToolCallFamily.LLAMA_3;
        }
        return ToolCallFamily.GENERIC;
    }

    private static boolean readsToolsVariable(String source) {
        Matcher code = JINJA_CODE.matcher(source);
        while (code.find()) {
            if (TOOLS_VARIABLE.matcher(code.group(1)).find()) {
                return true;
            }
        }
        return false;
    }

    private static Optional<ThinkingSyntax> thinking(String source, ToolCallFamily family) {
        Optional<String> variable = source.contains("enable_thinking") ? Optional.of("enable_thinking")
                : Optional.empty();
        if (family == ToolCallFamily.GEMMA_4) {
            return Optional.of(ThinkingSyntax.gemma4(variable));
        }
        if (source.contains("[THINK]")) {
            return Optional.of(ThinkingSyntax.mistral(variable));
        }
        if (source.contains("<think>") || source.contains("</think>")) {
            return Optional.of(ThinkingSyntax.think(variable));
        }
        return Optional.empty();
    }

    /** How the model writes tool calls. */
    public ToolCallFamily family() {
        return family;
    }

    /**
     * Whether the template describes the tools itself from the {@code tools} variable. When it does not, Garden
     * describes them in a system message.
     */
    public boolean rendersTools() {
        return rendersTools;
    }

    /** Whether the template accepts a system message (Garden's tool description goes there). */
    public boolean supportsSystemRole() {
        return systemRole;
    }

    /** How the model marks its thoughts, for thinking models. */
    public Optional<ThinkingSyntax> thinking() {
        return thinking;
    }

    /**
     * The special tokens whose text the parser must see: the engine must detokenize them as text rather than drop
     * them as control tokens (llama.cpp's {@code preserved_tokens}).
     */
    public List<String> preservedTokens() {
        Set<String> tokens = new LinkedHashSet<>();
        switch (family) {
            case HERMES -> tokens.addAll(List.of(HermesParser.OPEN, HermesParser.CLOSE));
            case LLAMA_3 -> tokens.add(Llama3Parser.PYTHON_TAG);
            case MISTRAL_NEMO, MISTRAL -> tokens.addAll(List.of(MistralParser.TOOL_CALLS, MistralParser.ARGS,
                    MistralParser.CALL_ID));
            case DEEPSEEK_R1, DEEPSEEK_V3_1 -> tokens.addAll(List.of(DeepSeekParser.CALLS_BEGIN, DeepSeekParser.CALL_BEGIN,
                    DeepSeekParser.SEPARATOR, DeepSeekParser.CALL_END, DeepSeekParser.CALLS_END));
            case GEMMA_4 -> tokens.addAll(List.of(Gemma4Parser.OPEN, Gemma4Parser.CLOSE, GemmaArguments.QUOTE,
                    Gemma4Parser.RESPONSE, "<|channel>", "<channel|>"));
            case GENERIC -> {
            }
        }
        thinking.ifPresent(syntax -> {
            if (family != ToolCallFamily.GEMMA_4) {
                tokens.add(syntax.open());
                tokens.add(syntax.close());
            }
        });
        return List.copyOf(tokens);
    }

    /**
     * Plans one request: its tools, {@code tool_choice}, {@code parallel_tool_calls} and reasoning.
     *
     * @throws GardenException {@code INVALID_ARGUMENT} as {@link #plan(List, ToolChoice, boolean, Reasoning,
     *                         IdGenerator)} says
     */
    public ChatPlan plan(InferenceRequest request, IdGenerator ids) {
        return plan(request.tools(), request.toolChoice(), request.parallelToolCalls(), request.reasoning(), ids);
    }

    /**
     * Plans one request.
     *
     * @param tools             the functions offered (may be empty)
     * @param choice            {@code tool_choice}
     * @param parallelToolCalls {@code parallel_tool_calls} (true when the client did not say); ignored by families
     *                          that cannot make several calls
     * @param reasoning         the thinking budget, for the template variable and the prefill that skips thinking
     * @param ids               where call ids come from
     * @throws GardenException {@code INVALID_ARGUMENT} when {@code tool_choice} asks for a call that cannot be made:
     *                         {@code required} without tools, or a named function that is not among them
     */
    public ChatPlan plan(List<ToolDefinition> tools, ToolChoice choice, boolean parallelToolCalls,
                         Reasoning reasoning, IdGenerator ids) {
        Objects.requireNonNull(tools, "tools");
        Objects.requireNonNull(choice, "choice");
        Objects.requireNonNull(reasoning, "reasoning");
        Objects.requireNonNull(ids, "ids");
        List<String> names = new ArrayList<>();
        for (ToolDefinition tool : tools) {
            if (names.contains(tool.name())) {
                throw GardenException.invalidArgument("Two tools are named " + tool.name() + "; names must be unique.");
            }
            names.add(tool.name());
        }
        switch (choice) {
            case ToolChoice.Required ignored when tools.isEmpty() -> throw GardenException.invalidArgument(
                    "tool_choice is \"required\" but no tools were given.");
            case ToolChoice.Named named when !names.contains(named.name()) -> throw GardenException.invalidArgument(
                    "tool_choice names the function " + named.name() + ", which is not among the tools.");
            default -> {
            }
        }
        boolean active = !tools.isEmpty() && !(choice instanceof ToolChoice.None);
        return new ChatPlan(this, active ? tools : List.of(), choice,
                parallelToolCalls && family.parallelCalls(), reasoning, ids);
    }

    @Override
    public String toString() {
        return "ChatFormat[" + family + (rendersTools ? ", renders tools" : "")
                + thinking.map(t -> ", thinks " + t.open() + "..." + t.close()).orElse("") + "]";
    }
}
