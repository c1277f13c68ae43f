package dev.garden.engine;

import dev.garden.core.GardenException;
import dev.garden.core.inference.FinishReason;
import dev.garden.core.inference.Generation;
import dev.garden.core.inference.GenerationSink;
import dev.garden.core.inference.InferenceEvent;
import dev.garden.core.inference.InferenceRequest;
import dev.garden.core.inference.ModelBackend;
import dev.garden.core.inference.Usage;
import dev.garden.engine.llama.LlamaLibrary;
import dev.garden.engine.llama.LlamaModel;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * A model served in-process by the embedded llama.cpp engine: renders the conversation with the model's chat
 * template, tokenizes it, and hands it to the {@link LlamaEngine}.
 */
public final class LocalEngineBackend implements ModelBackend {
    private static final System.Logger LOG = System.getLogger(LocalEngineBackend.class.getName());

    private final String name;
    private final LlamaModel model;
    private final LlamaEngine engine;
    private final ChatPromptRenderer renderer;

    private LocalEngineBackend(String name, LlamaModel model, LlamaEngine engine, ChatPromptRenderer renderer) {
        this.name = name;
        this.model = model;
        this.engine = engine;
        this.renderer = renderer;
    }

    /**
     * Loads a GGUF and starts an engine for it.
     *
     * @param name             the model's name, for messages
     * @param library          llama.cpp
     * @param gguf             the model file
     * @param templateOverride a chat template to use instead of the GGUF's own
     * @param options          slots, context and limits
     * @param clock            what {@code strftime_now} in templates reads
     * @throws IllegalArgumentException when the model has no usable chat template or cannot be loaded
     */
    public static LocalEngineBackend open(String name, LlamaLibrary library, Path gguf,
                                          Optional<String> templateOverride, EngineOptions options, Clock clock) {
        LlamaModel model = LlamaModel.load(library, gguf);
        try {
            String template = templateOverride.or(model::chatTemplate).orElseThrow(() ->
                    new IllegalArgumentException("model " + name + " (" + gguf + ") has no chat template;"
                            + " give one in the catalog (chat_template)"));
            ChatPromptRenderer renderer = new ChatPromptRenderer(template, model.tokenText(model.bosToken()),
                    model.tokenText(model.eosToken()), clock);
            LlamaEngine engine = LlamaEngine.start(model, options);
            LOG.log(System.Logger.Level.INFO, "serving {0}: {1}, {2} slots of {3} tokens, {4} threads",
                    name, model.description(), options.slots(), engine.contextPerSlot(), options.threads());
            return new LocalEngineBackend(name, model, engine, renderer);
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
    public Generation generate(InferenceRequest request, GenerationSink sink) {
        Objects.requireNonNull(sink, "sink");
        int[] prompt = tokenize(renderer.render(request.messages()));
        int room = engine.contextPerSlot() - prompt.length;
        int maxTokens = Math.max(1, Math.min(request.maxTokens().orElse(room), room));
        EngineRequest work = new EngineRequest(prompt, request.sampling(), maxTokens, request.stop(),
                request.choices());
        EngineJob job = engine.submit(work, new SinkListener(sink));
        return job::cancel;
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

    @Override
    public void close() {
        engine.close();
        model.close();
    }

    @Override
    public String toString() {
        return "LocalEngineBackend[" + name + "]";
    }

    /** Turns the engine's per-token callbacks into the domain's events. */
    private record SinkListener(GenerationSink sink) implements TokenListener {
        @Override
        public void onToken(int choice, int token, String text) {
            if (!text.isEmpty()) {
                sink.onEvent(new InferenceEvent.TextDelta(choice, text));
            }
        }

        @Override
        public void onFinish(int choice, FinishReason reason) {
            sink.onEvent(new InferenceEvent.ChoiceFinished(choice, reason));
        }

        @Override
        public void onComplete(int promptTokens, int completionTokens) {
            sink.onComplete(new Usage(promptTokens, completionTokens));
        }

        @Override
        public void onComplete(int promptTokens, int completionTokens, int reasoningTokens) {
            sink.onComplete(new Usage(promptTokens, completionTokens, reasoningTokens));
        }

        @Override
        public void onError(GardenException error) {
            sink.onError(error);
        }
    }
}
