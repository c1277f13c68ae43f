package dev.garden.chat;

import dev.garden.core.GardenException;
import dev.garden.core.inference.ToolChoice;
import dev.garden.core.inference.ToolDefinition;
import dev.garden.grammar.Gbnf;
import dev.garden.grammar.Grammar;
import dev.garden.grammar.GrammarBuilder;
import dev.garden.grammar.UnsupportedSchemaException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Builds the grammar that makes a model call tools in its family's syntax, each call's arguments valid against the
 * function's {@code parameters} schema (compiled by the grammar module). The text around the arguments follows what
 * the family's template writes when it renders a call back, with JSON whitespace allowed where JSON has it.
 *
 * <p>{@code auto} gets a lazy grammar whose root starts at the trigger (the family's marker), {@code required} and
 * named calls a strict one from the first token, which lets a thinking model think first. The generic format is
 * always strict: the model answers JSON either way.
 */
final class ToolGrammars {
    /** Whitespace between a thought and the answer: templates write one or two newlines. */
    private static final String GAP = "[ \\t\\r\\n]{0,4}";
    private static final String ID = "[a-zA-Z0-9]{9}";

    private final GrammarBuilder builder = GrammarBuilder.create();
    private final String ws = builder.whitespace();
    private final ChatFormat format;
    private final boolean parallel;
    private final GemmaRules gemma = new GemmaRules(builder);

    private ToolGrammars(ChatFormat format, boolean parallel) {
        this.format = format;
        this.parallel = parallel;
    }

    /**
     * @throws GardenException {@code INVALID_ARGUMENT} when a strict function's parameters schema cannot be enforced
     */
    static ToolGrammar build(ChatFormat format, List<ToolDefinition> tools, ToolChoice choice, boolean parallel,
                             boolean startsInThought) {
        return build(format, tools, choice, parallel, startsInThought, true);
    }

    /**
     * @param mayThink whether a strict grammar lets the model open a thought before its calls (not when thinking is
     *                 skipped); a thought the prompt opened is always finished
     */
    static ToolGrammar build(ChatFormat format, List<ToolDefinition> tools, ToolChoice choice, boolean parallel,
                             boolean startsInThought, boolean mayThink) {
        List<ToolDefinition> callable = choice instanceof ToolChoice.Named named
                ? tools.stream().filter(tool -> tool.name().equals(named.name())).toList() : tools;
        boolean lazy = choice instanceof ToolChoice.Auto && format.family() != ToolCallFamily.GENERIC;
        return new ToolGrammars(format, parallel).grammar(callable, choice, lazy, startsInThought, mayThink);
    }

    private ToolGrammar grammar(List<ToolDefinition> tools, ToolChoice choice, boolean lazy, boolean startsInThought,
                                boolean mayThink) {
        // The thought's rules first: they need fixed names, which the schemas' rules could otherwise take.
        String thought = lazy || !(mayThink || startsInThought) ? "" : thought(startsInThought);
        List<String> calls = new ArrayList<>();
        for (ToolDefinition tool : tools) {
            calls.add(builder.rule("call-" + tool.name(), call(tool, arguments(tool))));
        }
        String call = builder.rule("call", String.join(" | ", calls));
        String body = switch (format.family()) {
            case HERMES, GEMMA_4 -> repeated(call, ws);
            case MISTRAL -> repeated(call, "");
            case LLAMA_3 -> Gbnf.literal(Llama3Parser.PYTHON_TAG) + "? " + call;
            case MISTRAL_NEMO -> Gbnf.literal(MistralParser.TOOL_CALLS) + " " + Gbnf.literal("[") + " " + ws + " "
                    + repeated(call, ws + " " + Gbnf.literal(",") + " " + ws) + " " + ws + " " + Gbnf.literal("]");
            case DEEPSEEK_R1, DEEPSEEK_V3_1 -> Gbnf.literal(DeepSeekParser.CALLS_BEGIN) + " "
                    + repeated(call, Gbnf.literal("\n") + "?") + " " + Gbnf.literal(DeepSeekParser.CALLS_END);
            case GENERIC -> generic(call, choice);
        };
        if (lazy) {
            String root = builder.rule("root", body);
            Grammar grammar = builder.build(root);
            return new ToolGrammar(grammar.gbnf(), grammar.root(), true, triggerPatterns(tools), triggerWords());
        }
        String root = builder.rule("root", thought + body);
        Grammar grammar = builder.build(root);
        return new ToolGrammar(grammar.gbnf(), grammar.root(), false, List.of(), List.of());
    }

    /** One call of one function, as the family writes it. */
    private String call(ToolDefinition tool, String arguments) {
        String name = tool.name();
        return switch (format.family()) {
            case HERMES -> Gbnf.literal(HermesParser.OPEN) + " " + ws + " " + jsonCall(name, "arguments", arguments)
                    + " " + ws + " " + Gbnf.literal(HermesParser.CLOSE);
            case LLAMA_3 -> jsonCall(name, "parameters", arguments);
            case MISTRAL_NEMO -> Gbnf.literal("{") + " " + ws + " " + member("name", Gbnf.jsonStringLiteral(name))
                    + " " + comma() + " " + member("arguments", arguments) + " ( " + comma() + " "
                    + member("id", "\"\\\"\" " + ID + " \"\\\"\"") + " )? " + ws + " " + Gbnf.literal("}");
            case MISTRAL -> Gbnf.literal(MistralParser.TOOL_CALLS + name) + " ( " + Gbnf.literal(MistralParser.CALL_ID)
                    + " " + ID + " )? " + Gbnf.literal(MistralParser.ARGS) + " " + arguments;
            case DEEPSEEK_R1 -> Gbnf.literal(DeepSeekParser.CALL_BEGIN + "function" + DeepSeekParser.SEPARATOR
                    + name + "\n```json\n") + " " + arguments + " " + Gbnf.literal("\n```" + DeepSeekParser.CALL_END);
            case DEEPSEEK_V3_1 -> Gbnf.literal(DeepSeekParser.CALL_BEGIN + name + DeepSeekParser.SEPARATOR) + " "
                    + arguments + " " + Gbnf.literal(DeepSeekParser.CALL_END);
            case GEMMA_4 -> Gbnf.literal(Gemma4Parser.OPEN + "call:" + name) + " " + arguments + " "
                    + Gbnf.literal(Gemma4Parser.CLOSE);
            case GENERIC -> jsonCall(name, "arguments", arguments);
        };
    }

    /** {@code {"name": "f", "<key>": <arguments>}}. */
    private String jsonCall(String name, String argumentsKey, String arguments) {
        return Gbnf.literal("{") + " " + ws + " " + member("name", Gbnf.jsonStringLiteral(name)) + " " + comma() + " "
                + member(argumentsKey, arguments) + " " + ws + " " + Gbnf.literal("}");
    }

    private String member(String key, String value) {
        return Gbnf.jsonStringLiteral(key) + " " + ws + " " + Gbnf.literal(":") + " " + ws + " " + value;
    }

    private String comma() {
        return ws + " " + Gbnf.literal(",") + " " + ws;
    }

    /** One call, or one or more with the separator between them when parallel calls are allowed. */
    private String repeated(String call, String separator) {
        if (!parallel) {
            return call;
        }
        return call + " ( " + (separator.isEmpty() ? "" : separator + " ") + call + " )*";
    }

    /** The generic format's answer: the calls, or (for {@code auto}) a response. */
    private String generic(String call, ToolChoice choice) {
        String calls = member("tool_calls", Gbnf.literal("[") + " " + ws + " "
                + repeated(call, ws + " " + Gbnf.literal(",") + " " + ws) + " " + ws + " " + Gbnf.literal("]"));
        String members = calls;
        if (choice instanceof ToolChoice.Auto) {
            String text = builder.schemaRule("response", "{\"type\": \"string\"}");
            members = "( " + calls + " | " + member("response", text) + " )";
        }
        return ws + " " + Gbnf.literal("{") + " " + ws + " " + members + " " + ws + " " + Gbnf.literal("}");
    }

    /**
     * A call's arguments: its schema's rule; for Gemma 4, whose arguments are not JSON, {@link GemmaRules}.
     * A schema the grammar module cannot enforce is refused for strict functions and loosened to any JSON object
     * otherwise.
     */
    private String arguments(ToolDefinition tool) {
        if (format.family() == ToolCallFamily.GEMMA_4) {
            return gemma.arguments(tool.name(), tool.parameters());
        }
        try {
            return builder.schemaRule(tool.name() + "-arguments", tool.parameters());
        } catch (UnsupportedSchemaException e) {
            if (tool.strict()) {
                throw GardenException.invalidArgument("The parameters of tool " + tool.name()
                        + " cannot be enforced: " + e.getMessage());
            }
            return builder.schemaRule(tool.name() + "-arguments", "{\"type\": \"object\"}");
        }
    }

    /**
     * What a strict grammar allows before the calls: a thinking model's thought (the rest of it, when the prompt
     * opened it; an optional whole one otherwise).
     */
    private String thought(boolean startsInThought) {
        Optional<ThinkingSyntax> thinking = format.thinking();
        if (thinking.isEmpty()) {
            return "";
        }
        ThinkingSyntax syntax = thinking.get();
        String rest = GbnfText.until(builder, "thought", syntax.close()) + " " + Gbnf.literal(syntax.close()) + " "
                + GAP;
        String thought = startsInThought ? rest : "( " + Gbnf.literal(syntax.open()) + " " + rest + " )?";
        return builder.rule("thought", thought) + " ";
    }

    /** The texts that open the family's calls. */
    private List<String> triggerWords() {
        return switch (format.family()) {
            case HERMES -> List.of(HermesParser.OPEN);
            case LLAMA_3 -> List.of(Llama3Parser.PYTHON_TAG);
            case MISTRAL_NEMO, MISTRAL -> List.of(MistralParser.TOOL_CALLS);
            case DEEPSEEK_R1, DEEPSEEK_V3_1 -> List.of(DeepSeekParser.CALLS_BEGIN);
            case GEMMA_4 -> List.of(Gemma4Parser.OPEN);
            case GENERIC -> List.of();
        };
    }

    /**
     * The trigger words as patterns (found anywhere in the output), and for Llama 3.x the bare JSON call that opens
     * the answer, up to a complete function name. A pattern must never admit text the grammar refuses (llama.cpp
     * aborts when a triggered grammar rejects the text that triggered it), so its whitespace is the grammar's.
     */
    private List<String> triggerPatterns(List<ToolDefinition> tools) {
        List<String> patterns = new ArrayList<>();
        for (String word : triggerWords()) {
            patterns.add(GbnfText.regexLiteral(word));
        }
        if (format.family() == ToolCallFamily.LLAMA_3) {
            String names = tools.stream().map(tool -> GbnfText.regexLiteral(tool.name()))
                    .collect(Collectors.joining("|"));
            String w = GbnfText.WHITESPACE_PATTERN;
            patterns.add("^\\s*(\\{" + w + "\"name\"" + w + ":" + w + "\"(?:" + names + ")\")");
        }
        return patterns;
    }
}
