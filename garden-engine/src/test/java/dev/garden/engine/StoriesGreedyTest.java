package dev.garden.engine;

import dev.garden.llama.testing.NativeFixtures;
import dev.garden.core.GardenException;
import dev.garden.core.inference.FinishReason;
import dev.garden.core.inference.SamplingParams;
import dev.garden.llama.LlamaModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine against llama.cpp's known output: greedy decoding of stories260K from BOS alone must give exactly
 * the reference token ids in {@code ../shared/models/test/README.md}, whether the sequence runs alone or beside
 * others in the same batches.
 */
class StoriesGreedyTest {
    static final Integer[] REFERENCE = {403, 407, 261, 378, 432, 383, 286, 261, 376, 298, 315, 421, 395, 317, 426, 338,
            401, 396, 267, 337, 410, 408, 419, 292, 411, 322, 265, 282, 295, 433, 426, 385, 328, 432, 358, 394, 261,
            370, 432, 352};
    static final String REFERENCE_TEXT = " Once upon a time, there was a little girl named Lily. She loved to play"
            + " outside in the park. One day, she saw a big, r";

    static LlamaModel model;
    static LlamaEngine engine;

    @BeforeAll
    static void load() {
        model = LlamaModel.load(NativeFixtures.library(), NativeFixtures.stories260K());
        engine = LlamaEngine.start(model, new EngineOptions(4, 256, 64, 2, 8, java.time.Duration.ofSeconds(1)));
    }

    @AfterAll
    static void close() {
        engine.close();
        model.close();
    }

    static EngineRequest greedyFromBos(int tokens) {
        SamplingParams greedy = new SamplingParams(0, 1, OptionalLong.empty(), 0, 0);
        return new EngineRequest(new int[]{model.bosToken()}, greedy, tokens, List.of(), 1);
    }

    @Test
    void greedyFromBos_alone_matchesReferenceIdsAndText() throws Exception {
        Recorded run = Recorded.run(engine, greedyFromBos(40));
        assertThat(run.tokens()).containsExactly(REFERENCE);
        assertThat(run.text()).isEqualTo(REFERENCE_TEXT);
        assertThat(run.finish()).isEqualTo(FinishReason.LENGTH);
        assertThat(run.completionTokens()).isEqualTo(40);
        assertThat(run.promptTokens()).isEqualTo(1);
    }

    @Test
    void greedyFromBos_fourAtOnce_eachMatchesReference() throws Exception {
        List<CompletableFuture<Recorded>> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            runs.add(CompletableFuture.supplyAsync(() -> Recorded.runUnchecked(engine, greedyFromBos(40))));
        }
        for (CompletableFuture<Recorded> run : runs) {
            assertThat(run.get(60, TimeUnit.SECONDS).tokens()).containsExactly(REFERENCE);
        }
    }

    /** What a listener saw of one single-choice request. */
    record Recorded(List<Integer> tokens, String text, FinishReason finish, int promptTokens, int completionTokens) {
        static Recorded runUnchecked(LlamaEngine engine, EngineRequest request) {
            try {
                return run(engine, request);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        }

        static Recorded run(LlamaEngine engine, EngineRequest request) throws Exception {
            List<Integer> tokens = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            FinishReason[] finish = new FinishReason[1];
            CompletableFuture<int[]> done = new CompletableFuture<>();
            engine.submit(request, new TokenListener() {
                @Override
                public void onToken(int choice, int token, String piece) {
                    tokens.add(token);
                    text.append(piece);
                }

                @Override
                public void onFinish(int choice, FinishReason reason) {
                    finish[0] = reason;
                }

                @Override
                public void onComplete(int promptTokens, int completionTokens) {
                    done.complete(new int[]{promptTokens, completionTokens});
                }

                @Override
                public void onError(GardenException error) {
                    done.completeExceptionally(error);
                }
            });
            int[] usage = done.get(60, TimeUnit.SECONDS);
            return new Recorded(tokens, text.toString(), finish[0], usage[0], usage[1]);
        }
    }
}
