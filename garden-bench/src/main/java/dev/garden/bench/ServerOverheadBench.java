package dev.garden.bench;

import dev.garden.core.GardenException;
import dev.garden.core.inference.FinishReason;
import dev.garden.core.inference.Generation;
import dev.garden.core.inference.GenerationSink;
import dev.garden.core.inference.InferenceEvent;
import dev.garden.core.inference.InferenceRequest;
import dev.garden.core.inference.ModelBackend;
import dev.garden.core.inference.ModelRegistry;
import dev.garden.core.inference.SamplingParams;
import dev.garden.core.inference.Usage;
import dev.garden.engine.EngineOptions;
import dev.garden.engine.EngineRequest;
import dev.garden.engine.LlamaEngine;
import dev.garden.engine.TokenListener;
import dev.garden.llama.LlamaLibrary;
import dev.garden.llama.LlamaModel;
import dev.garden.models.fetch.LlamaCppLibraries;
import dev.garden.models.fetch.ProgressListener;
import dev.garden.server.GardenServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * What the HTTP server adds per streamed token, measured two ways in one run:
 * <ol>
 *   <li>a firehose backend that produces tokens as fast as the server takes them: the server's whole per-token
 *       cost (a {@code chat.completion.chunk} serialized, written and flushed as one SSE event, then read and
 *       parsed by an HTTP client on the same machine);</li>
 *   <li>the real engine on a GGUF, one stream, called directly and then streamed through the server to an HTTP
 *       client: decode tokens/s both ways.</li>
 * </ol>
 *
 * <pre>
 * java -cp ... dev.garden.bench.ServerOverheadBench --model M.gguf [--lib-dir DIR] [--generate 256] [--threads 2]
 * </pre>
 */
public final class ServerOverheadBench {
    private static final String PATH = "/v1/projects/bench/locations/us-central1/endpoints/openapi/chat/completions";

    private ServerOverheadBench() {
    }

    /** Runs both measurements; see the class comment for arguments. */
    public static void main(String[] args) throws Exception {
        Path model = null;
        Path libDir = Optional.ofNullable(System.getenv("GARDEN_LLAMA_LIB_DIR")).map(Path::of).orElse(null);
        int generate = 256;
        int threads = Runtime.getRuntime().availableProcessors();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--model" -> model = Path.of(args[i + 1]);
                case "--lib-dir" -> libDir = Path.of(args[i + 1]);
                case "--generate" -> generate = Integer.parseInt(args[i + 1]);
                case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        // 1. The server alone.
        try (GardenServer server = serve(new Firehose(), 0)) {
            for (int warm = 0; warm < 3; warm++) {
                stream(http, server.port(), 20_000);
            }
            for (int streams : List.of(1, 4)) {
                List<CompletableFuture<StreamStats>> runs = new ArrayList<>();
                for (int s = 0; s < streams; s++) {
                    runs.add(CompletableFuture.supplyAsync(() -> stream(http, server.port(), 50_000)));
                }
                double perToken = runs.stream().map(CompletableFuture::join)
                        .mapToDouble(StreamStats::microsPerToken).average().orElseThrow();
                System.out.printf(Locale.ROOT, "server alone, %d stream(s): %.1f us per streamed token"
                        + " (%.0f tokens/s per stream)%n", streams, perToken, 1e6 / perToken);
            }
        }

        if (model == null) {
            return;
        }
        if (libDir == null) {
            Path cache = Path.of(Optional.ofNullable(System.getenv("GARDEN_CACHE"))
                    .orElse(System.getProperty("user.home") + "/.garden/cache"));
            libDir = LlamaCppLibraries.install(cache, ProgressListener.console());
        }
        // 2. The real engine, directly and through the server.
        LlamaLibrary library = LlamaLibrary.load(libDir, Optional.empty());
        try (LlamaModel llama = LlamaModel.load(library, model);
             LlamaEngine engine = LlamaEngine.start(llama, new EngineOptions(1, generate + 64, 512, threads, 4,
                     Duration.ofSeconds(1)), 3)) {
            EngineBackend backend = new EngineBackend(engine, llama);
            backend.direct(generate);
            double direct = 0;
            double viaJavaClient = 0;
            double viaCurl = 0;
            int repetitions = 3;
            try (GardenServer server = serve(backend, 0)) {
                stream(http, server.port(), generate);
                for (int r = 0; r < repetitions; r++) {
                    direct += backend.direct(generate);
                    viaJavaClient += stream(http, server.port(), generate).tokensPerSecond();
                    viaCurl += curl(server.port(), generate);
                }
            }
            direct /= repetitions;
            viaJavaClient /= repetitions;
            viaCurl /= repetitions;
            System.out.printf(Locale.ROOT, "%s, 1 stream, %d tokens, mean of %d interleaved rounds:%n",
                    model.getFileName(), generate, repetitions);
            System.out.printf(Locale.ROOT, "  engine direct:                                   %.1f tok/s%n", direct);
            System.out.printf(Locale.ROOT, "  through the server to curl (another process):    %.1f tok/s, %.1f%%,"
                    + " %.1f us per token added%n", viaCurl, 100 * viaCurl / direct, 1e6 / viaCurl - 1e6 / direct);
            System.out.printf(Locale.ROOT, "  through the server to Java's HttpClient (in-JVM): %.1f tok/s, %.1f%%,"
                    + " %.1f us per token added%n", viaJavaClient, 100 * viaJavaClient / direct,
                    1e6 / viaJavaClient - 1e6 / direct);
        }
    }

    private static GardenServer serve(ModelBackend backend, int port) {
        ModelRegistry registry = new ModelRegistry() {
            @Override
            public ModelBackend publisherModel(String name) {
                return backend;
            }

            @Override
            public List<String> publisherModels() {
                return List.of("bench/model");
            }
        };
        return GardenServer.builder().port(port).registry(registry).build().start();
    }

    record StreamStats(int tokens, long firstNanos, long lastNanos) {
        double microsPerToken() {
            return (lastNanos - firstNanos) / 1e3 / Math.max(1, tokens - 1);
        }

        double tokensPerSecond() {
            return (tokens - 1) / ((lastNanos - firstNanos) / 1e9);
        }
    }

    /** Streams one request and times the content chunks as the client sees them. */
    static StreamStats stream(HttpClient http, int port, int tokens) {
        String body = "{\"model\":\"bench/model\",\"stream\":true,\"max_tokens\":" + tokens
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"go\"}]}";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + PATH))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
            int count = 0;
            long first = 0;
            long last = 0;
            for (String line : (Iterable<String>) response.body()::iterator) {
                if (line.startsWith("data: {") && line.contains("\"content\":\"") && !line.contains("\"content\":\"\"")) {
                    last = System.nanoTime();
                    if (count++ == 0) {
                        first = last;
                    }
                }
            }
            return new StreamStats(count, first, last);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Streams one request with curl, a client in another process that costs little CPU, and returns the decode rate
     * between the first byte (sent with the first token) and the last.
     */
    static double curl(int port, int tokens) {
        String body = "{\"model\":\"bench/model\",\"stream\":true,\"max_tokens\":" + tokens
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"go\"}]}";
        try {
            Process process = new ProcessBuilder("curl", "-sN", "-o", "/dev/null", "-w",
                    "%{time_starttransfer} %{time_total}", "-H", "Content-Type: application/json", "-d", body,
                    "http://127.0.0.1:" + port + PATH).start();
            String[] times = new String(process.getInputStream().readAllBytes()).trim().split(" ");
            if (process.waitFor() != 0) {
                throw new IllegalStateException("curl failed with exit code " + process.exitValue());
            }
            return (tokens - 1) / (Double.parseDouble(times[1]) - Double.parseDouble(times[0]));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot run curl: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Emits {@code max_tokens} one-word deltas as fast as the server drains them. */
    static final class Firehose implements ModelBackend {
        @Override
        public Generation generate(InferenceRequest request, GenerationSink sink) {
            AtomicBoolean cancelled = new AtomicBoolean();
            int tokens = request.maxTokens().orElse(1000);
            Thread.ofPlatform().daemon().start(() -> {
                for (int i = 0; i < tokens && !cancelled.get(); i++) {
                    sink.onEvent(new InferenceEvent.TextDelta(0, " word"));
                }
                sink.onEvent(new InferenceEvent.ChoiceFinished(0, FinishReason.LENGTH));
                sink.onComplete(new Usage(1, tokens));
            });
            return () -> cancelled.set(true);
        }

        @Override
        public void close() {
        }
    }

    /** The engine behind the server, fed random prompts and generating exactly the tokens asked for. */
    static final class EngineBackend implements ModelBackend {
        private final LlamaEngine engine;
        private final LlamaModel model;
        private final SplittableRandom random = new SplittableRandom(11);

        EngineBackend(LlamaEngine engine, LlamaModel model) {
            this.engine = engine;
            this.model = model;
        }

        private EngineRequest work(int tokens) {
            int[] prompt = {Math.max(0, model.bosToken()), random.nextInt(model.vocabularySize())};
            return new EngineRequest(prompt, new SamplingParams(0, 1, OptionalLong.empty(), 0, 0), tokens,
                    List.of(), 1, true);
        }

        /** Decode tokens/s with a listener that only counts. */
        double direct(int tokens) throws Exception {
            CompletableFuture<Double> done = new CompletableFuture<>();
            engine.submit(work(tokens), new TokenListener() {
                long first;
                int count;

                @Override
                public void onToken(int choice, int token, String text) {
                    if (count++ == 0) {
                        first = System.nanoTime();
                    }
                }

                @Override
                public void onFinish(int choice, FinishReason reason) {
                }

                @Override
                public void onComplete(int promptTokens, int completionTokens) {
                    done.complete((count - 1) / ((System.nanoTime() - first) / 1e9));
                }

                @Override
                public void onError(GardenException error) {
                    done.completeExceptionally(error);
                }
            });
            return done.get(10, TimeUnit.MINUTES);
        }

        @Override
        public Generation generate(InferenceRequest request, GenerationSink sink) {
            var job = engine.submit(work(request.maxTokens().orElse(128)), new TokenListener() {
                @Override
                public void onToken(int choice, int token, String text) {
                    // Random-prompt output may be empty text (control tokens); keep one event per token.
                    sink.onEvent(new InferenceEvent.TextDelta(choice, text.isEmpty() ? " " : text));
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
                public void onError(GardenException error) {
                    sink.onError(error);
                }
            });
            return job::cancel;
        }

        @Override
        public void close() {
        }
    }
}
