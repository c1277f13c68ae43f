package dev.garden.engine;

import dev.garden.llama.testing.NativeFixtures;
import dev.garden.core.ErrorKind;
import dev.garden.core.GardenException;
import dev.garden.core.inference.FinishReason;
import dev.garden.core.inference.SamplingParams;
import dev.garden.llama.LlamaGrammar;
import dev.garden.llama.LlamaModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The engine's behaviour on a real (tiny) model: limits, stops, seeds, choices, cancellation, capacity. */
class LlamaEngineTest {
    static LlamaModel model;

    @BeforeAll
    static void load() {
        model = LlamaModel.load(NativeFixtures.library(), NativeFixtures.stories260K());
    }

    @AfterAll
    static void close() {
        model.close();
    }

    static LlamaEngine engine(int slots, int maxQueued) {
        return LlamaEngine.start(model, new EngineOptions(slots, 256, 64, 2, maxQueued, Duration.ofSeconds(3)), 1);
    }

    static final SamplingParams GREEDY = new SamplingParams(0, 1, OptionalLong.empty(), 0, 0);

    static SamplingParams seeded(long seed) {
        return new SamplingParams(1.0, 1.0, OptionalLong.of(seed), 0, 0);
    }

    static int[] bos() {
        return new int[]{model.bosToken()};
    }

    @Test
    void stopString_generated_endsChoiceBeforeIt() throws Exception {
        try (LlamaEngine engine = engine(1, 4)) {
            Run run = Run.of(engine, new EngineRequest(bos(), GREEDY, 40, List.of(" girl"), 1));
            assertThat(run.text(0)).isEqualTo(" Once upon a time, there was a little");
            assertThat(run.finish(0)).isEqualTo(FinishReason.STOP);
        }
    }

    @Test
    void maxTokens_reached_endsWithLength() throws Exception {
        try (LlamaEngine engine = engine(1, 4)) {
            Run run = Run.of(engine, new EngineRequest(bos(), GREEDY, 5, List.of(), 1));
            assertThat(run.tokens(0)).hasSize(5);
            assertThat(run.finish(0)).isEqualTo(FinishReason.LENGTH);
            assertThat(run.completionTokens()).isEqualTo(5);
        }
    }

    @Test
    void context_exhausted_endsWithLengthAtContextSize() throws Exception {
        try (LlamaEngine engine = engine(1, 4)) {
            Run run = Run.of(engine, new EngineRequest(bos(), GREEDY, 10_000, List.of(), 1, true));
            assertThat(run.finish(0)).isEqualTo(FinishReason.LENGTH);
            // One prompt token; the last generated token is returned but never needs a cell of its own.
            assertThat(run.tokens(0)).hasSize(engine.contextPerSlot());
        }
    }

    @Test
    void sameSeed_twice_givesSameTokens_otherSeedDiffers() throws Exception {
        try (LlamaEngine engine = engine(1, 4)) {
            List<Integer> first = Run.of(engine, new EngineRequest(bos(), seeded(42), 40, List.of(), 1, true)).tokens(0);
            List<Integer> again = Run.of(engine, new EngineRequest(bos(), seeded(42), 40, List.of(), 1, true)).tokens(0);
            List<Integer> other = Run.of(engine, new EngineRequest(bos(), seeded(43), 40, List.of(), 1, true)).tokens(0);
            assertThat(again).isEqualTo(first);
            assertThat(other).isNotEqualTo(first);
            assertThat(first).isNotEqualTo(List.of(StoriesGreedyTest.REFERENCE));
        }
    }

    @Test
    void severalChoices_seeded_choiceZeroMatchesSingleRunAndChoicesDiffer() throws Exception {
        try (LlamaEngine engine = engine(4, 4)) {
            List<Integer> single = Run.of(engine, new EngineRequest(bos(), seeded(7), 30, List.of(), 1, true)).tokens(0);
            Run three = Run.of(engine, new EngineRequest(bos(), seeded(7), 30, List.of(), 3, true));
            assertThat(three.tokens(0)).isEqualTo(single);
            assertThat(three.tokens(1)).isNotEqualTo(three.tokens(0));
            assertThat(three.tokens(2)).isNotEqualTo(three.tokens(1));
            assertThat(three.completionTokens()).isEqualTo(90);
            assertThat(three.promptTokens()).isEqualTo(1);
        }
    }

    @Test
    void moreChoicesThanSlots_waitForEachOther_andAllFinish() throws Exception {
        try (LlamaEngine engine = engine(2, 4)) {
            Run run = Run.of(engine, new EngineRequest(bos(), GREEDY, 10, List.of(), 5, true));
            for (int choice = 0; choice < 5; choice++) {
                assertThat(run.tokens(choice)).containsExactly(List.of(StoriesGreedyTest.REFERENCE).subList(0, 10)
                        .toArray(Integer[]::new));
            }
        }
    }

    @Test
    void grammar_refusingTheGreedyToken_forcesAnAllowedAnswerThenEnds() throws Exception {
        try (LlamaEngine engine = engine(2, 4);
             LlamaGrammar grammar = LlamaGrammar.compile(model, "root ::= \" girl\" | \" dog\" | \" cat\"", "root")) {
            // Unconstrained, greedy decoding starts " Once upon a time": the grammar refuses " Once".
            Run run = Run.of(engine, new EngineRequest(bos(), GREEDY, 40, List.of(), 2, false, Optional.of(grammar)));
            for (int choice = 0; choice < 2; choice++) {
                assertThat(run.text(choice)).isIn(" girl", " dog", " cat");
                assertThat(run.finish(choice)).isEqualTo(FinishReason.STOP);
            }
        }
    }

    @Test
    void grammar_withSampling_keepsEverySeedInside() throws Exception {
        try (LlamaEngine engine = engine(1, 4);
             LlamaGrammar grammar = LlamaGrammar.compile(model, "root ::= (\" a\" | \" the\"){2,4} \".\"", "root")) {
            for (long seed = 0; seed < 20; seed++) {
                Run run = Run.of(engine, new EngineRequest(bos(), seeded(seed), 40, List.of(), 1, false,
                        Optional.of(grammar)));
                assertThat(run.text(0)).matches("( a| the){2,4}\\.");
                assertThat(run.finish(0)).isEqualTo(FinishReason.STOP);
            }
        }
    }

    @Test
    void grammar_cutShortByMaxTokens_endsWithLength() throws Exception {
        try (LlamaEngine engine = engine(1, 4);
             LlamaGrammar grammar = LlamaGrammar.compile(model, "root ::= (\" the\")+ \".\"", "root")) {
            Run run = Run.of(engine, new EngineRequest(bos(), GREEDY, 3, List.of(), 1, false, Optional.of(grammar)));
            assertThat(run.finish(0)).isEqualTo(FinishReason.LENGTH);
            assertThat(run.tokens(0)).hasSize(3);
        }
    }

    // stories260K has no thinking markers; the greedy output starts " Once" (403), which these tests treat as the
    // opening marker, and 511 (which that output never contains) as the closing one.
    static final int OPEN = 403;
    static final int CLOSE = 511;
    static final int[] CLOSING = {CLOSE, 261};

    @Test
    void thoughtBudget_reached_closesTheThoughtAfterExactlyThatManyTokens() throws Exception {
        try (LlamaEngine engine = engine(1, 4)) {
            Run run = Run.of(engine, thinking(new ThoughtLimit(5, OPEN, CLOSE, CLOSING, false), 12));

            List<Integer> tokens = run.tokens(0);
            assertThat(tokens.getFirst()).isEqualTo(OPEN);
            assertThat(tokens.subList(1, 6)).containsExactly(407, 261, 378, 432, 383);
            assertThat(tokens.subList(6, 8)).containsExactly(CLOSE, 261);
            assertThat(run.reasoning).isEqualTo(1 + 5 + 1);
        }
    }

    @Test
    void thoughtBudget_zero_closesTheThoughtAsItOpens() throws Exception {
        try (LlamaEngine engine = engine(1, 4)) {
            Run run = Run.of(engine, thinking(new ThoughtLimit(0, OPEN, CLOSE, CLOSING, false), 6));

            assertThat(run.tokens(0).subList(0, 3)).containsExactly(OPEN, CLOSE, 261);
            assertThat(run.reasoning).isEqualTo(2);
        }
    }

    @Test
    void thoughtBudget_promptAlreadyInAThought_countsFromTheFirstToken() throws Exception {
        try (LlamaEngine engine = engine(1, 4)) {
            Run run = Run.of(engine, thinking(new ThoughtLimit(3, 999, CLOSE, CLOSING, true), 8));

            assertThat(run.tokens(0).subList(0, 5)).containsExactly(403, 407, 261, CLOSE, 261);
            assertThat(run.reasoning).isEqualTo(3 + 1);
        }
    }

    @Test
    void thoughtBudget_notReached_leavesTheModelAlone() throws Exception {
        try (LlamaEngine engine = engine(1, 4)) {
            Run run = Run.of(engine, thinking(new ThoughtLimit(100, OPEN, CLOSE, CLOSING, false), 40));

            assertThat(run.tokens(0)).containsExactly(StoriesGreedyTest.REFERENCE);
            assertThat(run.reasoning).isEqualTo(40);
        }
    }

    static EngineRequest thinking(ThoughtLimit limit, int maxTokens) {
        return new EngineRequest(bos(), GREEDY, maxTokens, List.of(), 1, false, Optional.empty(), Optional.of(limit));
    }

    @Test
    void promptLongerThanContext_isRefusedWithTheCounts() {
        try (LlamaEngine engine = engine(1, 4)) {
            int[] prompt = new int[300];
            assertThatThrownBy(() -> engine.submit(new EngineRequest(prompt, GREEDY, 1, List.of(), 1), new Run()))
                    .isInstanceOfSatisfying(GardenException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
                        assertThat(e.getMessage()).contains("(300)").contains("(255)");
                    });
        }
    }

    @Test
    void cancel_midGeneration_reportsCancelledAndFreesTheSlot() throws Exception {
        try (LlamaEngine engine = engine(1, 4)) {
            CountDownLatch firstToken = new CountDownLatch(1);
            Run endless = new Run() {
                @Override
                public void onToken(int choice, int token, String text) {
                    super.onToken(choice, token, text);
                    firstToken.countDown();
                }
            };
            EngineJob job = engine.submit(new EngineRequest(bos(), GREEDY, 100_000, List.of(), 1, true), endless);
            assertThat(firstToken.await(30, TimeUnit.SECONDS)).isTrue();
            job.cancel();
            assertThatThrownBy(() -> endless.done.get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(GardenException.class)
                    .satisfies(e -> assertThat(((GardenException) e.getCause()).kind()).isEqualTo(ErrorKind.CANCELLED));
            // The only slot is free again: a new request runs to the end.
            Run next = Run.of(engine, new EngineRequest(bos(), GREEDY, 3, List.of(), 1));
            assertThat(next.tokens(0)).hasSize(3);
        }
    }

    @Test
    void queueFull_refusesWithResourceExhaustedAndRetryAfter() throws Exception {
        try (LlamaEngine engine = engine(1, 1)) {
            Run running = new Run();
            EngineJob first = engine.submit(new EngineRequest(bos(), GREEDY, 100_000, List.of(), 1, true), running);
            Run queued = new Run();
            EngineJob second = engine.submit(new EngineRequest(bos(), GREEDY, 3, List.of(), 1), queued);
            assertThatThrownBy(() -> engine.submit(new EngineRequest(bos(), GREEDY, 3, List.of(), 1), new Run()))
                    .isInstanceOfSatisfying(GardenException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.RESOURCE_EXHAUSTED);
                        assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
                    });
            first.cancel();
            assertThat(queued.done.get(30, TimeUnit.SECONDS)[1]).isEqualTo(3);
            assertThat(engine.stats().rejected()).isEqualTo(1);
        }
    }

    @Test
    void cancelWhileQueued_neverRuns() throws Exception {
        try (LlamaEngine engine = engine(1, 4)) {
            EngineJob first = engine.submit(new EngineRequest(bos(), GREEDY, 100_000, List.of(), 1, true), new Run());
            Run queued = new Run();
            EngineJob second = engine.submit(new EngineRequest(bos(), GREEDY, 3, List.of(), 1), queued);
            second.cancel();
            assertThatThrownBy(() -> queued.done.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(GardenException.class);
            assertThat(queued.tokens(0)).isEmpty();
            first.cancel();
        }
    }

    @Test
    void listenerThatThrows_isCancelled_andOthersCarryOn() throws Exception {
        try (LlamaEngine engine = engine(2, 4)) {
            Run broken = new Run() {
                @Override
                public void onToken(int choice, int token, String text) {
                    throw new IllegalStateException("client went away");
                }
            };
            engine.submit(new EngineRequest(bos(), GREEDY, 100_000, List.of(), 1, true), broken);
            Run healthy = Run.of(engine, new EngineRequest(bos(), GREEDY, 40, List.of(), 1));
            assertThat(healthy.tokens(0)).containsExactly(StoriesGreedyTest.REFERENCE);
            assertThatThrownBy(() -> broken.done.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(GardenException.class);
        }
    }

    @Test
    void close_withWorkUnderWay_failsItWithUnavailable() throws Exception {
        LlamaEngine engine = engine(1, 4);
        Run running = new Run();
        engine.submit(new EngineRequest(bos(), GREEDY, 100_000, List.of(), 1, true), running);
        Run queued = new Run();
        engine.submit(new EngineRequest(bos(), GREEDY, 3, List.of(), 1), queued);
        engine.close();
        for (Run run : List.of(running, queued)) {
            assertThatThrownBy(() -> run.done.get(30, TimeUnit.SECONDS))
                    .satisfies(e -> assertThat(((GardenException) e.getCause()).kind()).isEqualTo(ErrorKind.UNAVAILABLE));
        }
        assertThatThrownBy(() -> engine.submit(new EngineRequest(bos(), GREEDY, 3, List.of(), 1), new Run()))
                .isInstanceOfSatisfying(GardenException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE));
    }

    /** Records what the engine reported for a request. */
    static class Run implements TokenListener {
        final Map<Integer, List<Integer>> tokens = new ConcurrentHashMap<>();
        final Map<Integer, StringBuilder> texts = new ConcurrentHashMap<>();
        final Map<Integer, FinishReason> finishes = new ConcurrentHashMap<>();
        final CompletableFuture<int[]> done = new CompletableFuture<>();
        volatile int reasoning;

        static Run of(LlamaEngine engine, EngineRequest request) throws Exception {
            Run run = new Run();
            engine.submit(request, run);
            run.done.get(60, TimeUnit.SECONDS);
            return run;
        }

        List<Integer> tokens(int choice) {
            return tokens.getOrDefault(choice, List.of());
        }

        String text(int choice) {
            return texts.getOrDefault(choice, new StringBuilder()).toString();
        }

        FinishReason finish(int choice) {
            return finishes.get(choice);
        }

        int promptTokens() {
            return done.join()[0];
        }

        int completionTokens() {
            return done.join()[1];
        }

        @Override
        public void onToken(int choice, int token, String text) {
            tokens.computeIfAbsent(choice, c -> new ArrayList<>()).add(token);
            texts.computeIfAbsent(choice, c -> new StringBuilder()).append(text);
        }

        @Override
        public void onFinish(int choice, FinishReason reason) {
            finishes.put(choice, reason);
        }

        @Override
        public void onComplete(int promptTokens, int completionTokens) {
            done.complete(new int[]{promptTokens, completionTokens});
        }

        @Override
        public void onComplete(int promptTokens, int completionTokens, int reasoningTokens) {
            reasoning = reasoningTokens;
            onComplete(promptTokens, completionTokens);
        }

        @Override
        public void onError(GardenException error) {
            done.completeExceptionally(error);
        }
    }
}
