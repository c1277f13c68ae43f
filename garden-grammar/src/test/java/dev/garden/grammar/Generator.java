package dev.garden.grammar;

import dev.garden.llama.LlamaBatch;
import dev.garden.llama.LlamaContext;
import dev.garden.llama.LlamaGrammar;
import dev.garden.llama.LlamaModel;
import dev.garden.llama.LlamaSampler;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Constrained generation on SmolLM2 with llama.cpp's own primitives: the model is asked for a value of a schema and
 * sampled under the schema's grammar, {@value #CHOICES} choices per request, each with its own seed. (The engine's
 * batched, streamed use of the same grammars is tested in garden-engine.)
 */
final class Generator implements AutoCloseable {
    static final int CHOICES = 3;
    private static final int CONTEXT = 1536;

    /** One choice: its text, and whether it ended (rather than running out of tokens). */
    record Output(String text, boolean ended) {
    }

    private final LlamaContext context;
    private final LlamaBatch batch;

    private Generator(LlamaContext context) {
        this.context = context;
        this.batch = new LlamaBatch(CONTEXT);
    }

    static Generator start() {
        return new Generator(LlamaContext.create(GrammarJudge.model(), new LlamaContext.Config(1, CONTEXT, 512, 2)));
    }

    /** Every choice's text, and whether it ended within {@code maxTokens}. */
    List<Output> generate(Grammar grammar, String instruction, double temperature, long seed, int maxTokens) {
        LlamaModel model = GrammarJudge.model();
        String prompt = "<|im_start|>system\nYou are a helpful assistant. You answer with JSON only.<|im_end|>\n"
                + "<|im_start|>user\n" + instruction + "<|im_end|>\n<|im_start|>assistant\n";
        int[] tokens = model.tokenize(prompt, false, true);
        List<Output> outputs = new ArrayList<>();
        try (LlamaGrammar compiled = GrammarJudge.compile(grammar)) {
            for (int choice = 0; choice < CHOICES; choice++) {
                try (LlamaGrammar state = compiled.copy();
                     // A frequency penalty breaks the loops a 135M model falls into inside long strings.
                     LlamaSampler sampler = LlamaSampler.create(model, new LlamaSampler.Settings((float) temperature,
                             1f, (int) (seed + choice), 0f, 0.5f, 64))) {
                    outputs.add(generate(model, tokens, state, sampler, maxTokens));
                }
            }
        }
        return outputs;
    }

    private Output generate(LlamaModel model, int[] prompt, LlamaGrammar grammar, LlamaSampler sampler,
                            int maxTokens) {
        context.clearAll();
        int output = 0;
        for (int start = 0; start < prompt.length; start += context.batchCapacity()) {
            batch.clear();
            int end = Math.min(prompt.length, start + context.batchCapacity());
            for (int i = start; i < end; i++) {
                output = batch.add(prompt[i], i, 0, i == prompt.length - 1);
            }
            decode();
        }
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        int position = prompt.length;
        for (int generated = 0; generated < maxTokens; generated++) {
            int token = context.sample(sampler, grammar, output);
            if (model.isEndOfGeneration(token)) {
                return new Output(text.toString(StandardCharsets.UTF_8), true);
            }
            text.writeBytes(model.tokenBytes(token));
            batch.clear();
            output = batch.add(token, position++, 0, true);
            decode();
        }
        return new Output(text.toString(StandardCharsets.UTF_8), false);
    }

    private void decode() {
        int status = context.decode(batch);
        if (status != 0) {
            throw new IllegalStateException("llama_decode returned " + status);
        }
    }

    @Override
    public void close() {
        batch.close();
        context.close();
    }
}
