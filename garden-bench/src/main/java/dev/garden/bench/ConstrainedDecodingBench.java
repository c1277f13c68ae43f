package dev.garden.bench;

import dev.garden.core.GardenException;
import dev.garden.core.inference.ChatMessage;
import dev.garden.core.inference.FinishReason;
import dev.garden.core.inference.GenerationSink;
import dev.garden.core.inference.InferenceEvent;
import dev.garden.core.inference.InferenceRequest;
import dev.garden.core.inference.Reasoning;
import dev.garden.core.inference.ResponseFormat;
import dev.garden.core.inference.Role;
import dev.garden.core.inference.SamplingParams;
import dev.garden.core.inference.ToolChoice;
import dev.garden.core.inference.Usage;
import dev.garden.engine.EngineOptions;
import dev.garden.engine.LocalEngineBackend;
import dev.garden.llama.LlamaLibrary;
import dev.garden.models.fetch.LlamaCppLibraries;
import dev.garden.models.fetch.ProgressListener;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Decode speed with and without a JSON Schema grammar, through the embedded backend exactly as a request takes it
 * ({@code response_format} compiled to GBNF, sampled under llama.cpp's grammar with Garden's rejection sampling, the
 * output parsed). Rounds alternate the two, with the same seeds, on one slot.
 *
 * <pre>
 * bench/constrained-bench.sh, or
 * java -cp ... dev.garden.bench.ConstrainedDecodingBench --model M.gguf [--lib-dir DIR] [--threads 2]
 *      [--requests 30] [--max-tokens 96]
 * </pre>
 *
 * <p>Two prompts: one that asks for the JSON (the model mostly agrees with the grammar, so most tokens pass the
 * single-token check), and one that asks for prose (the grammar overrules the model often, and each time the whole
 * vocabulary is masked): the typical and the worst case.
 */
public final class ConstrainedDecodingBench {
    static final String CALENDAR_EVENT = """
            {"type":"object","properties":{"name":{"type":"string"},"date":{"type":"string"},\
            "participants":{"type":"array","items":{"type":"string"}}},\
            "required":["name","date","participants"],"additionalProperties":false}""";

    private ConstrainedDecodingBench() {
    }

    record Totals(long tokens, long nanos, int requests, int finished) {
        Totals plus(Run run) {
            return new Totals(tokens + Math.max(0, run.tokens() - 1), nanos + run.decodeNanos(), requests + 1,
                    finished + (run.finish() == FinishReason.STOP ? 1 : 0));
        }

        double tokensPerSecond() {
            return tokens / (nanos / 1e9);
        }
    }

    record Run(int tokens, long decodeNanos, FinishReason finish) {
    }

    public static void main(String[] args) throws Exception {
        Path model = null;
        Path libDir = Optional.ofNullable(System.getenv("GARDEN_LLAMA_LIB_DIR")).map(Path::of).orElse(null);
        int threads = 2;
        int requests = 30;
        int maxTokens = 96;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--model" -> model = Path.of(args[i + 1]);
                case "--lib-dir" -> libDir = Path.of(args[i + 1]);
                case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                case "--requests" -> requests = Integer.parseInt(args[i + 1]);
                case "--max-tokens" -> maxTokens = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (model == null) {
            throw new IllegalArgumentException("--model is required");
        }
        if (libDir == null) {
            libDir = LlamaCppLibraries.install(Path.of(System.getenv().getOrDefault("GARDEN_CACHE", ".cache")),
                    ProgressListener.console());
        }
        LlamaLibrary library = LlamaLibrary.load(libDir, Optional.empty());
        EngineOptions options = new EngineOptions(1, 1024, 512, threads, 4, Duration.ofSeconds(1));
        try (LocalEngineBackend backend = LocalEngineBackend.open("bench", library, model, Optional.empty(), options,
                Clock.systemUTC())) {
            System.out.printf(Locale.ROOT, "model %s, %d threads, %d requests per case, at most %d tokens each%n",
                    model.getFileName(), threads, requests, maxTokens);
            String[][] prompts = {
                    {"asks for JSON", "Extract the event as JSON with name, date and participants: Alice and Bob are"
                            + " going to a science fair on Friday."},
                    {"asks for prose", "Write a short poem about the sea."}};
            for (String[] prompt : prompts) {
                run(backend, prompt[1], ResponseFormat.TEXT, 0, 2, maxTokens); // warm-up
                run(backend, prompt[1], new ResponseFormat.JsonSchema("e", CALENDAR_EVENT, true), 0, 2, maxTokens);
                Totals free = new Totals(0, 0, 0, 0);
                Totals constrained = new Totals(0, 0, 0, 0);
                for (int seed = 1; seed <= requests; seed++) {
                    free = free.plus(run(backend, prompt[1], ResponseFormat.TEXT, seed, 1.0, maxTokens));
                    constrained = constrained.plus(run(backend, prompt[1],
                            new ResponseFormat.JsonSchema("CalendarEvent", CALENDAR_EVENT, true), seed, 1.0,
                            maxTokens));
                }
                System.out.printf(Locale.ROOT, "%-15s unconstrained %7.1f tok/s (%d tokens)   json_schema %7.1f tok/s"
                                + " (%d tokens, %d/%d complete)   ratio %.1f%%%n", prompt[0], free.tokensPerSecond(),
                        free.tokens(), constrained.tokensPerSecond(), constrained.tokens(), constrained.finished(),
                        constrained.requests(), 100 * constrained.tokensPerSecond() / free.tokensPerSecond());
            }
        }
    }

    private static Run run(LocalEngineBackend backend, String prompt, ResponseFormat format, long seed,
                           double temperature, int maxTokens) throws Exception {
        InferenceRequest request = new InferenceRequest("bench", List.of(ChatMessage.text(Role.USER, prompt)),
                new SamplingParams(temperature, 1.0, OptionalLong.of(seed), 0, 0), OptionalInt.of(maxTokens),
                List.of(), 1, format, List.of(), ToolChoice.AUTO, true, Reasoning.DEFAULT);
        CompletableFuture<Run> done = new CompletableFuture<>();
        backend.generate(request, new GenerationSink() {
            long first;
            FinishReason finish;

            @Override
            public void onEvent(InferenceEvent event) {
                if (first == 0) {
                    first = System.nanoTime();
                }
                if (event instanceof InferenceEvent.ChoiceFinished finished) {
                    finish = finished.reason();
                }
            }

            @Override
            public void onComplete(Usage usage) {
                done.complete(new Run(usage.completionTokens(), System.nanoTime() - first, finish));
            }

            @Override
            public void onError(GardenException error) {
                done.completeExceptionally(error);
            }
        });
        return done.get(5, TimeUnit.MINUTES);
    }
}
