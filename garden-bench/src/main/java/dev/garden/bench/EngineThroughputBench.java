package dev.garden.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.garden.core.GardenException;
import dev.garden.core.inference.FinishReason;
import dev.garden.core.inference.SamplingParams;
import dev.garden.engine.EngineOptions;
import dev.garden.engine.EngineRequest;
import dev.garden.engine.EngineStats;
import dev.garden.engine.LlamaEngine;
import dev.garden.engine.TokenListener;
import dev.garden.llama.LlamaLibrary;
import dev.garden.llama.LlamaModel;
import dev.garden.models.fetch.LlamaCppLibraries;
import dev.garden.models.fetch.ProgressListener;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Measures the embedded engine on a GGUF: prompt processing and decode tokens/s and time to first token at 1, 2
 * and 4 concurrent streams, and, when given llama.cpp's own {@code llama-bench}, runs it on the same file and
 * thread count in the same process run and prints the ratios.
 *
 * <pre>
 * java -cp ... dev.garden.bench.EngineThroughputBench --model M.gguf [--lib-dir DIR] [--threads 2]
 *      [--prompt 128] [--generate 128] [--repetitions 3] [--streams 1,2,4] [--llama-bench PATH]
 *      [--llama-batched-bench PATH] [--tool-library-path DIR] [--cpu-variant zen4|icelake|haswell|...]
 * </pre>
 *
 * <p>Each round runs llama.cpp's tools and then Garden, so that the machine's drift lands on both sides; the tables
 * average the rounds ({@code --repetitions}). Like {@code llama-bench}, prompts are random token ids and generation runs past end-of-sequence tokens, so
 * every run does the same work. Decode is measured from a one-token prompt (llama-bench's {@code tg} starts
 * from an empty context).
 */
public final class EngineThroughputBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EngineThroughputBench() {
    }

    record Options(Path model, Path libDir, int threads, int prompt, int generate, int repetitions,
                   List<Integer> streams, Optional<Path> llamaBench, Optional<Path> llamaBatchedBench,
                   Optional<String> cpuVariant, Optional<Path> toolLibraryPath) {
    }

    /** Runs the benchmark; see the class comment for arguments. */
    public static void main(String[] args) throws Exception {
        Options options = parse(args);
        LlamaLibrary library = LlamaLibrary.load(options.libDir(), options.cpuVariant());
        System.out.printf(Locale.ROOT, "llama.cpp from %s, CPU backend %s%n", options.libDir(), library.cpuVariant());

        try (LlamaModel model = LlamaModel.load(library, options.model())) {
            System.out.printf(Locale.ROOT, "model: %s (%s), %d threads%n", options.model().getFileName(),
                    model.description(), options.threads());
            int maxStreams = options.streams().stream().mapToInt(Integer::intValue).max().orElse(1);
            EngineOptions engineOptions = new EngineOptions(maxStreams, options.prompt() + options.generate() + 64,
                    512, options.threads(), 16, Duration.ofSeconds(1));
            try (LlamaEngine engine = LlamaEngine.start(model, engineOptions, 42)) {
                SplittableRandom random = new SplittableRandom(7);
                // Warm-up, not measured.
                runConcurrent(engine, model, 1, options.prompt(), 8, random);

                // Rounds interleave llama.cpp's tools and Garden, so that drift in the machine's speed (other
                // tenants, memory bandwidth) lands on both sides alike; the tables average the rounds.
                List<List<Row>> garden = new ArrayList<>();
                List<LlamaBenchResult> reference = new ArrayList<>();
                List<java.util.Map<Integer, Double>> batchedReference = new ArrayList<>();
                for (int round = 0; round < options.repetitions(); round++) {
                    options.llamaBench().ifPresent(bin -> reference.add(runLlamaBench(bin, options)));
                    options.llamaBatchedBench().ifPresent(bin -> batchedReference.add(runLlamaBatchedBench(bin, options)));
                    List<Row> rows = new ArrayList<>();
                    for (int streams : options.streams()) {
                        rows.add(measure(engine, model, options, streams, random));
                    }
                    garden.add(rows);
                }
                print(average(garden), averageReference(reference), averageBatched(batchedReference), options);
                printOverhead(engine.stats());
            }
        }
    }

    private static Row measure(LlamaEngine engine, LlamaModel model, Options options, int streams,
                               SplittableRandom random) throws Exception {
        List<StreamTiming> pp = runConcurrent(engine, model, streams, options.prompt(), 1, random);
        long started = pp.stream().mapToLong(StreamTiming::submitted).min().orElseThrow();
        long lastFirst = pp.stream().mapToLong(StreamTiming::firstToken).max().orElseThrow();
        double ttft = pp.stream().mapToLong(t -> t.firstToken() - t.submitted()).average().orElseThrow() / 1e6;
        double prefill = (double) streams * options.prompt() / ((lastFirst - started) / 1e9);

        List<StreamTiming> tg = runConcurrent(engine, model, streams, 1, options.generate(), random);
        long firstToken = tg.stream().mapToLong(StreamTiming::firstToken).min().orElseThrow();
        long lastToken = tg.stream().mapToLong(StreamTiming::lastToken).max().orElseThrow();
        double perStream = tg.stream().mapToDouble(t ->
                (t.tokens() - 1) / ((t.lastToken() - t.firstToken()) / 1e9)).average().orElseThrow();
        double aggregate = tg.stream().mapToInt(t -> t.tokens() - 1).sum() / ((lastToken - firstToken) / 1e9);
        return new Row(streams, ttft, prefill, perStream, aggregate);
    }

    private static List<Row> average(List<List<Row>> rounds) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < rounds.getFirst().size(); i++) {
            int index = i;
            List<Row> same = rounds.stream().map(r -> r.get(index)).toList();
            rows.add(new Row(same.getFirst().streams(),
                    same.stream().mapToDouble(Row::ttftMillis).average().orElseThrow(),
                    same.stream().mapToDouble(Row::prefillTokensPerSecond).average().orElseThrow(),
                    same.stream().mapToDouble(Row::decodePerStream).average().orElseThrow(),
                    same.stream().mapToDouble(Row::decodeAggregate).average().orElseThrow()));
        }
        return rows;
    }

    private static Optional<LlamaBenchResult> averageReference(List<LlamaBenchResult> rounds) {
        if (rounds.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LlamaBenchResult(
                rounds.stream().mapToDouble(LlamaBenchResult::promptTokensPerSecond).average().orElseThrow(),
                rounds.stream().mapToDouble(LlamaBenchResult::decodeTokensPerSecond).average().orElseThrow()));
    }

    private static java.util.Map<Integer, Double> averageBatched(List<java.util.Map<Integer, Double>> rounds) {
        java.util.Map<Integer, Double> mean = new java.util.TreeMap<>();
        for (var round : rounds) {
            round.forEach((streams, rate) -> mean.merge(streams, rate / rounds.size(), Double::sum));
        }
        return mean;
    }

    record Row(int streams, double ttftMillis, double prefillTokensPerSecond, double decodePerStream,
               double decodeAggregate) {
    }

    record StreamTiming(long submitted, long firstToken, long lastToken, int tokens) {
    }

    static List<StreamTiming> runConcurrent(LlamaEngine engine, LlamaModel model, int streams, int promptTokens,
                                            int generate, SplittableRandom random) throws Exception {
        SamplingParams greedy = new SamplingParams(0, 1, OptionalLong.empty(), 0, 0);
        List<CompletableFuture<StreamTiming>> futures = new ArrayList<>();
        for (int s = 0; s < streams; s++) {
            int[] prompt = new int[promptTokens];
            prompt[0] = Math.max(0, model.bosToken());
            for (int i = 1; i < promptTokens; i++) {
                prompt[i] = random.nextInt(model.vocabularySize());
            }
            CompletableFuture<StreamTiming> done = new CompletableFuture<>();
            long submitted = System.nanoTime();
            engine.submit(new EngineRequest(prompt, greedy, generate, List.of(), 1, true), new TokenListener() {
                long first;
                long last;
                int tokens;

                @Override
                public void onToken(int choice, int token, String text) {
                    last = System.nanoTime();
                    if (tokens++ == 0) {
                        first = last;
                    }
                }

                @Override
                public void onFinish(int choice, FinishReason reason) {
                }

                @Override
                public void onComplete(int promptTokens, int completionTokens) {
                    done.complete(new StreamTiming(submitted, first, last, tokens));
                }

                @Override
                public void onError(GardenException error) {
                    done.completeExceptionally(error);
                }
            });
            futures.add(done);
        }
        List<StreamTiming> timings = new ArrayList<>();
        for (CompletableFuture<StreamTiming> future : futures) {
            timings.add(future.get(10, TimeUnit.MINUTES));
        }
        return timings;
    }

    record LlamaBenchResult(double promptTokensPerSecond, double decodeTokensPerSecond) {
    }

    private static LlamaBenchResult runLlamaBench(Path binary, Options options) {
        List<String> command = List.of(binary.toString(), "-m", options.model().toString(),
                "-t", Integer.toString(options.threads()), "-p", Integer.toString(options.prompt()),
                "-n", Integer.toString(options.generate()), "-r", "1",
                "-o", "json");
        try {
            Process process = tool(command, options).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("llama-bench failed with exit code " + process.exitValue());
            }
            double pp = 0;
            double tg = 0;
            for (JsonNode test : JSON.readTree(out)) {
                if (test.path("n_prompt").asInt() > 0 && test.path("n_gen").asInt() == 0) {
                    pp = test.path("avg_ts").asDouble();
                } else if (test.path("n_gen").asInt() > 0 && test.path("n_prompt").asInt() == 0) {
                    tg = test.path("avg_ts").asDouble();
                }
            }
            return new LlamaBenchResult(pp, tg);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run llama-bench: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** llama.cpp's own continuous-batching decode rate (tokens/s over all sequences) per number of sequences. */
    private static java.util.Map<Integer, Double> runLlamaBatchedBench(Path binary, Options options) {
        String parallel = String.join(",", options.streams().stream().map(String::valueOf).toList());
        int maxStreams = options.streams().stream().mapToInt(Integer::intValue).max().orElse(1);
        List<String> command = List.of(binary.toString(), "-m", options.model().toString(),
                "-t", Integer.toString(options.threads()), "-c",
                Integer.toString(maxStreams * (options.prompt() + options.generate() + 64)),
                "-b", "512", "-ub", "512", "-npp", Integer.toString(options.prompt()),
                "-ntg", Integer.toString(options.generate()), "-npl", parallel, "--output-format", "jsonl");
        try {
            Process process = tool(command, options).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("llama-batched-bench failed with exit code " + process.exitValue());
            }
            java.util.Map<Integer, Double> rates = new java.util.TreeMap<>();
            for (String line : out.split("\n")) {
                if (line.startsWith("{")) {
                    JsonNode row = JSON.readTree(line);
                    rates.put(row.path("pl").asInt(), row.path("speed_tg").asDouble());
                }
            }
            return rates;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run llama-batched-bench: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A llama.cpp tool, run on the libraries named by {@code --tool-library-path} when given. */
    private static ProcessBuilder tool(List<String> command, Options options) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        options.toolLibraryPath().ifPresent(path -> builder.environment().put("LD_LIBRARY_PATH", path.toString()));
        return builder;
    }

    private static void print(List<Row> rows, Optional<LlamaBenchResult> reference,
                              java.util.Map<Integer, Double> batchedReference, Options options) {
        System.out.println();
        System.out.printf(Locale.ROOT, "prompt %d tokens, generate %d tokens, %d threads, mean of %d interleaved rounds%n",
                options.prompt(), options.generate(), options.threads(), options.repetitions());
        System.out.println("| streams | TTFT ms (pp" + options.prompt() + ") | prefill tok/s | decode tok/s per stream"
                + " | decode tok/s aggregate | aggregate vs 1 stream |");
        System.out.println("|---:|---:|---:|---:|---:|---:|");
        double single = rows.getFirst().decodeAggregate();
        for (Row row : rows) {
            System.out.printf(Locale.ROOT, "| %d | %.1f | %.1f | %.1f | %.1f | %.2fx |%n", row.streams(),
                    row.ttftMillis(), row.prefillTokensPerSecond(), row.decodePerStream(), row.decodeAggregate(),
                    row.decodeAggregate() / single);
        }
        if (!batchedReference.isEmpty()) {
            System.out.println();
            System.out.println("| streams | llama-batched-bench decode tok/s | Garden decode tok/s | Garden / llama.cpp"
                    + " | llama.cpp vs its 1 stream | Garden vs its 1 stream |");
            System.out.println("|---:|---:|---:|---:|---:|---:|");
            double referenceSingle = batchedReference.getOrDefault(1, Double.NaN);
            for (Row row : rows) {
                double ref = batchedReference.getOrDefault(row.streams(), Double.NaN);
                System.out.printf(Locale.ROOT, "| %d | %.1f | %.1f | %.1f%% | %.2fx | %.2fx |%n", row.streams(), ref,
                        row.decodeAggregate(), 100 * row.decodeAggregate() / ref, ref / referenceSingle,
                        row.decodeAggregate() / single);
            }
        }
        reference.ifPresent(ref -> {
            Row one = rows.getFirst();
            System.out.println();
            System.out.println("| measure | llama-bench | Garden (1 stream) | Garden / llama-bench |");
            System.out.println("|---|---:|---:|---:|");
            System.out.printf(Locale.ROOT, "| pp%d tok/s | %.1f | %.1f | %.1f%% |%n", options.prompt(),
                    ref.promptTokensPerSecond(), one.prefillTokensPerSecond(),
                    100 * one.prefillTokensPerSecond() / ref.promptTokensPerSecond());
            System.out.printf(Locale.ROOT, "| tg%d tok/s | %.1f | %.1f | %.1f%% |%n", options.generate(),
                    ref.decodeTokensPerSecond(), one.decodePerStream(),
                    100 * one.decodePerStream() / ref.decodeTokensPerSecond());
        });
    }

    private static void printOverhead(EngineStats stats) {
        double perToken = stats.samplingAndDeliveryNanos() / 1e3 / Math.max(1, stats.tokensGenerated());
        double decodePerCall = stats.decodeNanos() / 1e3 / Math.max(1, stats.decodeCalls());
        System.out.println();
        System.out.printf(Locale.ROOT, "engine bookkeeping after each decode (sampling, detokenizing, stop strings,"
                + " delivery): %.1f us per generated token; llama_decode: %.1f us per call%n", perToken, decodePerCall);
    }

    private static Options parse(String[] args) {
        Path model = null;
        Path libDir = Optional.ofNullable(System.getenv("GARDEN_LLAMA_LIB_DIR")).map(Path::of).orElse(null);
        int threads = Runtime.getRuntime().availableProcessors();
        int prompt = 128;
        int generate = 128;
        int repetitions = 3;
        List<Integer> streams = List.of(1, 2, 4);
        Path llamaBench = null;
        Path llamaBatchedBench = null;
        String cpuVariant = null;
        Path toolLibraryPath = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--model" -> model = Path.of(value);
                case "--lib-dir" -> libDir = Path.of(value);
                case "--threads" -> threads = Integer.parseInt(value);
                case "--prompt" -> prompt = Integer.parseInt(value);
                case "--generate" -> generate = Integer.parseInt(value);
                case "--repetitions" -> repetitions = Integer.parseInt(value);
                case "--streams" -> streams = java.util.Arrays.stream(value.split(",")).map(Integer::parseInt).toList();
                case "--llama-bench" -> llamaBench = value.isEmpty() ? null : Path.of(value);
                case "--llama-batched-bench" -> llamaBatchedBench = value.isEmpty() ? null : Path.of(value);
                case "--cpu-variant" -> cpuVariant = value;
                case "--tool-library-path" -> toolLibraryPath = Path.of(value);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
            i++;
        }
        if (model == null) {
            throw new IllegalArgumentException("--model is required");
        }
        if (libDir == null) {
            Path cache = Path.of(Optional.ofNullable(System.getenv("GARDEN_CACHE"))
                    .orElse(System.getProperty("user.home") + "/.garden/cache"));
            libDir = LlamaCppLibraries.install(cache, ProgressListener.console());
        }
        return new Options(model, libDir, threads, prompt, generate, repetitions, streams,
                Optional.ofNullable(llamaBench), Optional.ofNullable(llamaBatchedBench),
                Optional.ofNullable(cpuVariant), Optional.ofNullable(toolLibraryPath));
    }
}
