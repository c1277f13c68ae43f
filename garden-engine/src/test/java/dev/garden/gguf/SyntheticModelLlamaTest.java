package dev.garden.gguf;

import dev.garden.core.GardenException;
import dev.garden.core.inference.FinishReason;
import dev.garden.core.inference.SamplingParams;
import dev.garden.engine.EngineOptions;
import dev.garden.engine.EngineRequest;
import dev.garden.engine.LlamaEngine;
import dev.garden.engine.TokenListener;
import dev.garden.llama.LlamaLibrary;
import dev.garden.llama.LlamaModel;
import dev.garden.models.fetch.LlamaCppLibraries;
import dev.garden.models.fetch.ProgressListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Synthetic models in real llama.cpp, through Garden's engine: a wrong tensor shape or metadata type would make
 * llama.cpp refuse the file. The libraries are fetched into the test cache on first use, as garden-engine's tests
 * do ({@code NativeFixtures}).
 */
class SyntheticModelLlamaTest {
    @TempDir
    static Path dir;

    static LlamaLibrary library;
    static SyntheticModel synthetic;
    static LlamaModel model;

    @BeforeAll
    static void load() throws IOException {
        library = LlamaLibrary.load(LlamaCppLibraries.install(dev.garden.llama.testing.NativeFixtures.testCache(), ProgressListener.console()),
                Optional.empty());
        synthetic = SyntheticModel.preset("llama-tiny-f32")
                .tokenizerFrom(GgufFile.read(dev.garden.llama.testing.NativeFixtures.stories260K()))
                .name("synthetic tiny")
                .build();
        Path file = dir.resolve("tiny.gguf");
        synthetic.write(file);
        model = LlamaModel.load(library, file);
    }

    @AfterAll
    static void close() {
        if (model != null) {
            model.close();
        }
    }

    @Test
    void load_tinyWithStoriesTokenizer_hasItsVocabularyContextAndParameters() {
        assertThat(model.vocabularySize()).isEqualTo(512);
        assertThat(model.trainedContextLength()).isEqualTo(2048);
        assertThat(model.parameterCount()).isEqualTo(synthetic.parameterCount());
        assertThat(model.sizeBytes()).isEqualTo(synthetic.tensorDataSize());
        assertThat(model.metadata("general.name")).contains("synthetic tiny");
        assertThat(model.bosToken()).isEqualTo(1);
        assertThat(model.tokenize("Once upon a time", false, false)).isNotEmpty();
    }

    @Test
    void generate_greedy_givesTheSameTokensEveryTime() throws Exception {
        List<Integer> first;
        List<Integer> again;
        try (LlamaEngine engine = LlamaEngine.start(model,
                new EngineOptions(2, 128, 32, 2, 4, Duration.ofSeconds(1)))) {
            first = greedy(engine, 12);
            again = greedy(engine, 12);
        }
        assertThat(first).hasSize(12).allSatisfy(token -> assertThat(token).isBetween(0, 511));
        assertThat(again).isEqualTo(first);
        // Gibberish, but not one token repeated: see SyntheticModel.Builder.tiedEmbeddings.
        assertThat(new HashSet<>(first)).hasSizeGreaterThan(3);
    }

    @Test
    void load_q8WeightsWithTiedEmbeddings_generates() throws Exception {
        Path file = dir.resolve("tiny-q8_0.gguf");
        SyntheticModel.preset("llama-tiny-f32").weightType(GgmlType.Q8_0).seed(7).tiedEmbeddings(true)
                .tokenizerFrom(GgufFile.read(dev.garden.llama.testing.NativeFixtures.stories260K())).build().write(file);
        try (LlamaModel quantized = LlamaModel.load(library, file);
             LlamaEngine engine = LlamaEngine.start(quantized,
                     new EngineOptions(1, 64, 16, 2, 4, Duration.ofSeconds(1)))) {
            assertThat(quantized.description()).contains("Q8_0");
            assertThat(greedy(engine, 5)).hasSize(5);
        }
    }

    private static List<Integer> greedy(LlamaEngine engine, int tokens) throws Exception {
        return greedy(engine, new int[]{engine.model().bosToken()}, tokens);
    }

    /** {@code tokens} tokens after {@code prompt}, greedily, end-of-generation tokens ignored. */
    static List<Integer> greedy(LlamaEngine engine, int[] prompt, int tokens) throws Exception {
        SamplingParams greedy = new SamplingParams(0, 1, OptionalLong.empty(), 0, 0);
        EngineRequest request = new EngineRequest(prompt, greedy, tokens, List.of(), 1, true);
        List<Integer> generated = new ArrayList<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        engine.submit(request, new TokenListener() {
            @Override
            public void onToken(int choice, int token, String text) {
                generated.add(token);
            }

            @Override
            public void onFinish(int choice, FinishReason reason) {
            }

            @Override
            public void onComplete(int promptTokens, int completionTokens) {
                done.complete(null);
            }

            @Override
            public void onError(GardenException error) {
                done.completeExceptionally(error);
            }
        });
        done.get(60, TimeUnit.SECONDS);
        return generated;
    }
}
