package dev.garden.engine;

import dev.garden.chat.ChatFormat;
import dev.garden.chat.ChatOutputParser;
import dev.garden.chat.ChatPlan;
import dev.garden.chat.ThinkingSyntax;
import dev.garden.chat.ToolGrammar;
import dev.garden.core.GardenException;
import dev.garden.core.IdGenerator;
import dev.garden.core.inference.FinishReason;
import dev.garden.core.inference.Generation;
import dev.garden.core.inference.GenerationSink;
import dev.garden.core.inference.InferenceEvent;
import dev.garden.core.inference.InferenceRequest;
import dev.garden.core.inference.ModelBackend;
import dev.garden.core.inference.Reasoning;
import dev.garden.core.inference.ResponseFormat;
import dev.garden.core.inference.SamplingParams;
import dev.garden.core.inference.ToolChoice;
import dev.garden.core.inference.Usage;
import dev.garden.grammar.Grammar;
import dev.garden.grammar.JsonSchemaGrammars;
import dev.garden.grammar.UnsupportedSchemaException;
import dev.garden.llama.LlamaGrammar;
import dev.garden.llama.LlamaLibrary;
import dev.garden.llama.LlamaModel;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A model served in-process by the embedded llama.cpp engine. Per request it plans the chat format's part (the
 * {@link ChatPlan}: tools in the prompt, the thinking switch, the grammar that forces a call), renders the
 * conversation with the model's chat template, constrains the output with a grammar when the answer must follow a
 * JSON schema or call a tool, budgets thoughts, and parses each choice's text back into content, thoughts and tool
 * calls.
 */
public final class LocalEngineBackend implements ModelBackend {
    private static final System.Logger LOG = System.getLogger(LocalEngineBackend.class.getName());
    private static final int CACHED_GRAMMARS = 64;

    /** A thinking model's markers as single tokens, which is what the engine can watch. */
    private record ThoughtTokens(int open, int close, int[] closing) {
    }

    private final String name;
    private final LlamaModel model;
    private final LlamaEngine engine;
    private final ChatPromptRenderer renderer;
    private final ChatFormat format;
    private final Optional<ThoughtTokens> thoughtTokens;
    /** The format's markers that are single tokens in this vocabulary, by text (call triggers among them). */
    private final Map<String, Integer> markerTokens;
    private final JsonSchemaGrammars schemas = JsonSchemaGrammars.create();
    private final GrammarCache grammars;
    private final IdGenerator ids;
    private final SamplingParams samplingDefaults;

    private LocalEngineBackend(String name, LlamaModel model, LlamaEngine engine, ChatPromptRenderer renderer,
                               ChatFormat format, Optional<ThoughtTokens> thoughtTokens,
                               Map<String, Integer> markerTokens, IdGenerator ids, SamplingParams samplingDefaults) {
        this.name = name;
        this.model = model;
        this.engine = engine;
        this.renderer = renderer;
        this.format = format;
        this.thoughtTokens = thoughtTokens;
        this.markerTokens = markerTokens;
        this.grammars = new GrammarCache(model, CACHED_GRAMMARS);
        this.ids = ids;
        this.samplingDefaults = samplingDefaults;
    }

    /**
     * As {@link #open(String, LlamaLibrary, Path, Optional, EngineOptions, SamplingParams, Clock, IdGenerator)}, with
     * OpenAI's sampling defaults and random ids.
     */
    public static LocalEngineBackend open(String name, LlamaLibrary library, Path gguf,
                                          Optional<String> templateOverride, EngineOptions options, Clock clock) {
        return open(name, library, gguf, templateOverride, options, SamplingParams.DEFAULTS, clock,
                IdGenerator.random());
    }

    /**
     * Loads a GGUF and starts an engine for it.
     *
     * @param name             the model's name, for messages
     * @param library          llama.cpp
     * @param gguf             the model file
     * @param templateOverride a chat template to use instead of the GGUF's own
     * @param options          slots, context and limits
     * @param samplingDefaults the sampling requests get for what they leave out (the model's recommended settings)
     * @param clock            what {@code strftime_now} in templates reads
     * @param ids              where tool-call ids come from
     * @throws IllegalArgumentException when the model has no usable chat template or cannot be loaded
     */
    public static LocalEngineBackend open(String name, LlamaLibrary library, Path gguf,
                                          Optional<String> templateOverride, EngineOptions options,
                                          SamplingParams samplingDefaults, Clock clock, IdGenerator ids) {
        LlamaModel model = LlamaModel.load(library, gguf);
        try {
            String template = templateOverride.or(model::chatTemplate).orElseThrow(() ->
                    new IllegalArgumentException("model " + name + " (" + gguf + ") has no chat template;"
                            + " give one in the catalog (chat_template)"));
            ChatPromptRenderer renderer = new ChatPromptRenderer(template, model.tokenText(model.bosToken()),
                    model.tokenText(model.eosToken()), clock);
            ChatFormat format = ChatFormat.detect(template);
            Map<String, Integer> markerTokens = new LinkedHashMap<>();
            for (String marker : format.preservedTokens()) {
                singleToken(model, marker).ifPresent(token -> markerTokens.put(marker, token));
            }
            Optional<ThoughtTokens> thoughtTokens = format.thinking().flatMap(syntax -> thoughtTokens(model, syntax));
            if (format.thinking().isPresent() && thoughtTokens.isEmpty()) {
                LOG.log(System.Logger.Level.WARNING, "{0}: its thought markers are not single tokens; thinking"
                        + " budgets other than 0 are not enforced", name);
            }
            LlamaEngine engine = LlamaEngine.start(model, options, System.nanoTime(),
                    Set.copyOf(markerTokens.values()));
            LOG.log(System.Logger.Level.INFO, "serving {0}: {1}, {2} slots of {3} tokens, {4} threads, {5}",
                    name, model.description(), options.slots(), engine.contextPerSlot(), options.threads(), format);
            return new LocalEngineBackend(name, model, engine, renderer, format, thoughtTokens,
                    Map.copyOf(markerTokens), ids, samplingDefaults);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** The engine, for stats. */
    public LlamaEngine engine() {
        return engine;
    }

    @Override
    public SamplingParams samplingDefaults() {
        return samplingDefaults;
    }

    /** What the model's chat template implies about tool calls and thoughts. */
    public ChatFormat chatFormat() {
        return format;
    }

    @Override
    public Generation generate(InferenceRequest request, GenerationSink sink) {
        Objects.requireNonNull(sink, "sink");
        Reasoning reasoning = reasoning(request);
        ChatPlan plan = format.plan(request.tools(), request.toolChoice(), request.parallelToolCalls(), reasoning,
                ids);
        String rendered = renderer.render(plan.messages(request.messages()), plan.templateVariables());
        String prompt = rendered + plan.promptSuffix(rendered);
        int[] tokens = tokenize(prompt);
        int room = engine.contextPerSlot() - tokens.length;
        int maxTokens = Math.max(1, Math.min(request.maxTokens().orElse(room), room));
        Optional<GrammarCache.Spec> spec = grammar(request, plan, prompt);
        LlamaGrammar grammar = spec.map(this::checkout).orElse(null);
        try {
            boolean startsInThought = plan.startsInThought(prompt);
            // Without a budget the engine still follows the thoughts: to count them, and to set a lazy grammar aside.
            Optional<ThoughtLimit> thoughts = thoughtTokens.map(markers -> new ThoughtLimit(
                    reasoning.budget().orElse(Integer.MAX_VALUE), markers.open(), markers.close(), markers.closing(),
                    startsInThought));
            EngineRequest work = new EngineRequest(tokens, request.sampling(), maxTokens, request.stop(),
                    request.choices(), false, Optional.ofNullable(grammar), thoughts,
                    spec.map(GrammarCache.Spec::lazy).orElse(false));
            List<ChatOutputParser> parsers = new ArrayList<>();
            for (int choice = 0; choice < request.choices(); choice++) {
                parsers.add(plan.newParser(choice, prompt));
            }
            EngineJob job = engine.submit(work, new ParsingListener(parsers, sink, grammar));
            return job::cancel;
        } catch (RuntimeException e) {
            if (grammar != null) {
                grammar.close();
            }
            throw e;
        }
    }

    /**
     * The request's reasoning, except that an answer constrained to JSON skips thinking: the grammar holds from the
     * first token, where a thought would begin.
     */
    private Reasoning reasoning(InferenceRequest request) {
        boolean structured = !(request.format() instanceof ResponseFormat.Text);
        if (structured && format.thinking().isPresent()) {
            return new Reasoning(OptionalInt.of(0), request.reasoning().includeThoughts());
        }
        return request.reasoning();
    }

    /**
     * The grammar the output must follow, if any. A call that must be made ({@code tool_choice} required or named)
     * wins over {@code response_format}; otherwise a JSON answer is enforced when asked for, and with tools on
     * {@code auto} the model may call them (a grammar that wakes at the call's marker).
     */
    private Optional<GrammarCache.Spec> grammar(InferenceRequest request, ChatPlan plan, String prompt) {
        boolean mustCall = plan.toolsActive() && (request.toolChoice() instanceof ToolChoice.Required
                || request.toolChoice() instanceof ToolChoice.Named);
        if (!mustCall) {
            Optional<Grammar> json = switch (request.format()) {
                case ResponseFormat.Text ignored -> Optional.empty();
                case ResponseFormat.JsonObject ignored -> Optional.of(schemas.jsonObject());
                case ResponseFormat.JsonSchema schema -> Optional.of(compileSchema(schema));
            };
            if (json.isPresent()) {
                return json.map(g -> GrammarCache.Spec.strict(g.gbnf(), g.root()));
            }
        }
        return plan.grammar(prompt).map(this::spec);
    }

    private Grammar compileSchema(ResponseFormat.JsonSchema schema) {
        try {
            return schemas.compile(schema.schema());
        } catch (UnsupportedSchemaException e) {
            throw GardenException.invalidArgument("response_format.json_schema.schema cannot be enforced: "
                    + e.getMessage());
        }
    }

    private GrammarCache.Spec spec(ToolGrammar grammar) {
        // Trigger words are among the format's markers; those that are single tokens here were found at open.
        List<Integer> tokens = new ArrayList<>();
        for (String trigger : grammar.triggerTokens()) {
            Integer token = markerTokens.get(trigger);
            if (token != null) {
                tokens.add(token);
            }
        }
        return new GrammarCache.Spec(grammar.gbnf(), grammar.root(), grammar.lazy(), grammar.triggerPatterns(),
                tokens);
    }

    private LlamaGrammar checkout(GrammarCache.Spec spec) {
        try {
            return grammars.checkout(spec);
        } catch (IllegalArgumentException e) {
            // Garden wrote this grammar: that llama.cpp refuses it is Garden's bug, not the client's.
            throw GardenException.internal("The output constraint for this request could not be compiled.", e);
        }
    }

    /**
     * Tokenizes a rendered prompt. Templates that write {@code bos_token} themselves would get a second BOS from
     * the tokenizer, so it is dropped from the text first (as llama.cpp's server does).
     */
    int[] tokenize(String prompt) {
        String text = prompt;
        String bos = renderer.bosToken();
        if (model.addsBos() && !bos.isEmpty() && text.startsWith(bos)) {
            text = text.substring(bos.length());
        }
        return model.tokenize(text, true, true);
    }

    private static Optional<Integer> singleToken(LlamaModel model, String text) {
        int[] tokens = model.tokenize(text, false, true);
        return tokens.length == 1 ? Optional.of(tokens[0]) : Optional.empty();
    }

    private static Optional<ThoughtTokens> thoughtTokens(LlamaModel model, ThinkingSyntax syntax) {
        Optional<Integer> open = singleToken(model, syntax.open());
        Optional<Integer> close = singleToken(model, syntax.close());
        if (open.isEmpty() || close.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ThoughtTokens(open.get(), close.get(), model.tokenize(syntax.closing(), false, true)));
    }

    @Override
    public void close() {
        engine.close();
        grammars.close();
        model.close();
    }

    @Override
    public String toString() {
        return "LocalEngineBackend[" + name + "]";
    }

    /**
     * Turns the engine's per-token callbacks into the domain's events, through each choice's parser: content,
     * thoughts and tool calls. Closes the request's grammar when the request ends.
     */
    private static final class ParsingListener implements TokenListener {
        private final List<ChatOutputParser> parsers;
        private final GenerationSink sink;
        private final LlamaGrammar grammar;

        ParsingListener(List<ChatOutputParser> parsers, GenerationSink sink, LlamaGrammar grammar) {
            this.parsers = parsers;
            this.sink = sink;
            this.grammar = grammar;
        }

        @Override
        public void onToken(int choice, int token, String text) {
            if (!text.isEmpty()) {
                emit(parsers.get(choice).push(text));
            }
        }

        @Override
        public void onFinish(int choice, FinishReason reason) {
            ChatOutputParser parser = parsers.get(choice);
            emit(parser.finish());
            sink.onEvent(new InferenceEvent.ChoiceFinished(choice, parser.finishReason(reason)));
        }

        @Override
        public void onComplete(int promptTokens, int completionTokens) {
            onComplete(promptTokens, completionTokens, 0);
        }

        @Override
        public void onComplete(int promptTokens, int completionTokens, int reasoningTokens) {
            release();
            sink.onComplete(new Usage(promptTokens, completionTokens, reasoningTokens));
        }

        @Override
        public void onError(GardenException error) {
            release();
            sink.onError(error);
        }

        private void emit(List<InferenceEvent> events) {
            for (InferenceEvent event : events) {
                sink.onEvent(event);
            }
        }

        private void release() {
            if (grammar != null) {
                grammar.close();
            }
        }
    }
}
