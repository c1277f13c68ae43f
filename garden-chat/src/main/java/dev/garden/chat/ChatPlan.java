package dev.garden.chat;

import dev.garden.core.IdGenerator;
import dev.garden.core.inference.ChatMessage;
import dev.garden.core.inference.Reasoning;
import dev.garden.core.inference.ToolChoice;
import dev.garden.core.inference.ToolDefinition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What Garden does for one request on one {@link ChatFormat}, in the order the engine needs it:
 *
 * <ol>
 *   <li>{@link #messages} and {@link #templateVariables}: what to render the chat template with;</li>
 *   <li>{@link #promptSuffix}: what to append to the rendered prompt (an empty thought, to skip thinking);</li>
 *   <li>{@link #grammar}: the grammar, if the output must be constrained;</li>
 *   <li>{@link #newParser}: one parser per choice, fed the generated text.</li>
 * </ol>
 *
 * Immutable and thread-safe; the parsers it makes are not.
 */
public final class ChatPlan {
    private final ChatFormat format;
    private final List<ToolDefinition> tools;
    private final ToolChoice choice;
    private final boolean parallel;
    private final Reasoning reasoning;
    private final IdGenerator ids;

    ChatPlan(ChatFormat format, List<ToolDefinition> tools, ToolChoice choice, boolean parallel, Reasoning reasoning,
             IdGenerator ids) {
        this.format = format;
        this.tools = List.copyOf(tools);
        this.choice = choice;
        this.parallel = parallel;
        this.reasoning = reasoning;
        this.ids = ids;
    }

    /** The format this plan is for. */
    public ChatFormat format() {
        return format;
    }

    /** Whether the model may call tools in this request (tools were given and {@code tool_choice} is not none). */
    public boolean toolsActive() {
        return !tools.isEmpty();
    }

    /** Whether several calls may be made in one turn. */
    public boolean parallelCalls() {
        return parallel;
    }

    /**
     * The conversation to render. Unchanged when the template handles tools itself; otherwise with Garden's
     * description of the tools in the system message, and, for the generic format, with calls and results in the
     * history written as text. For templates that refuse system messages, these go into the first user turn.
     */
    public List<ChatMessage> messages(List<ChatMessage> conversation) {
        List<ChatMessage> messages = conversation;
        if (format.family() == ToolCallFamily.GENERIC) {
            messages = ToolPrompts.historyAsText(messages);
        }
        if (toolsActive() && !format.rendersTools()) {
            messages = ToolPrompts.withSystemText(messages,
                    ToolPrompts.describe(format.family(), tools, choice, parallel));
        }
        if (!format.supportsSystemRole()) {
            messages = ToolPrompts.systemIntoFirstUserTurn(messages);
        }
        return messages;
    }

    /**
     * Variables to add to the template's context: {@code tools} (Hugging Face's list of
     * {@code {"type": "function", "function": {...}}}) when the template describes the tools itself, and the
     * thinking switch ({@code enable_thinking}) when the template has one: {@code false} for a budget of 0,
     * {@code true} otherwise (templates such as DeepSeek-R1's as llama.cpp ships it only think when told to).
     */
    public Map<String, Object> templateVariables() {
        Map<String, Object> variables = new LinkedHashMap<>();
        if (toolsActive() && format.rendersTools()) {
            variables.put("tools", TemplateTools.templateVariable(tools));
        }
        format.thinking().flatMap(ThinkingSyntax::templateVariable).ifPresent(name ->
                variables.put(name, !skipsThinking()));
        return variables;
    }

    /**
     * What to append to the rendered prompt: for a budget of 0, whatever closes or skips the thought that the
     * template did not (see {@link ThinkingSyntax#skipThinking}); otherwise nothing.
     */
    public String promptSuffix(String renderedPrompt) {
        Optional<ThinkingSyntax> thinking = format.thinking();
        if (!skipsThinking() || thinking.isEmpty()) {
            return "";
        }
        ThinkingSyntax syntax = thinking.get();
        if (syntax.startsInThought(renderedPrompt)) {
            return syntax.closing();
        }
        return syntax.templateVariable().isPresent() ? "" : syntax.emptyThought();
    }

    /** Whether the output of this prompt (suffix included) starts inside a thought. */
    public boolean startsInThought(String prompt) {
        return format.thinking().map(syntax -> syntax.startsInThought(prompt)).orElse(false);
    }

    /**
     * The grammar the output must follow: strict for {@code required} and named calls and for the generic format,
     * lazy with its triggers for {@code auto}; none when no tools are active.
     *
     * @param prompt the full prompt (suffix included): whether it opened a thought decides where calls may begin
     * @throws dev.garden.core.GardenException {@code INVALID_ARGUMENT} when a function's parameters schema cannot be
     *                                         enforced
     */
    public Optional<ToolGrammar> grammar(String prompt) {
        if (!toolsActive()) {
            return Optional.empty();
        }
        return Optional.of(ToolGrammars.build(format, tools, choice, parallel, startsInThought(prompt),
                !skipsThinking()));
    }

    /**
     * A parser for one choice.
     *
     * @param choice the choice's index, for its events
     * @param prompt the full prompt (suffix included), to tell whether the output starts inside a thought
     */
    public ChatOutputParser newParser(int choice, String prompt) {
        ToolCallFamily family = format.family();
        Events events = new Events(choice, reasoning.includeThoughts(), ids,
                family == ToolCallFamily.MISTRAL || family == ToolCallFamily.MISTRAL_NEMO
                        ? CallIdStyle.NINE_ALPHANUMERIC : CallIdStyle.OPENAI);
        Set<String> names = tools.stream().map(ToolDefinition::name).collect(Collectors.toUnmodifiableSet());
        AnswerParser answer = !toolsActive() ? new ContentParser(events) : switch (family) {
            case HERMES -> new HermesParser(events, names);
            case LLAMA_3 -> new Llama3Parser(events, names);
            case MISTRAL_NEMO, MISTRAL -> new MistralParser(events, names);
            case DEEPSEEK_R1, DEEPSEEK_V3_1 -> new DeepSeekParser(events, names);
            case GEMMA_4 -> new Gemma4Parser(events, names);
            case GENERIC -> new GenericParser(events, names);
        };
        ThoughtSplitter thoughts = new ThoughtSplitter(format.thinking().orElse(null), startsInThought(prompt),
                events, answer);
        return new ChatOutputParser(events, thoughts);
    }

    private boolean skipsThinking() {
        return reasoning.budget().isPresent() && reasoning.budget().getAsInt() == 0;
    }
}
