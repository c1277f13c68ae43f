package dev.garden.cli;

import dev.garden.models.fetch.ProgressListener;
import dev.garden.server.GardenServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.time.Clock;
import java.time.Duration;

/** {@code garden serve}: runs the server until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves the Chat Completions API on the embedded llama.cpp engine.",
                "On first run fetches llama.cpp's libraries and the default model into $GARDEN_CACHE."})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--host", defaultValue = GardenServer.DEFAULT_HOST,
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for every"
                    + " interface, with GARDEN_PUBLIC_URL set to the URL clients use).")
    String host;

    @Option(names = "--port", defaultValue = "" + GardenServer.DEFAULT_PORT,
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--port-file", description = "Write the bound port to this file once listening.")
    Path portFile;

    @Option(names = "--model", description = "A catalog model to load at start-up (repeatable; default: the"
            + " catalog's default). Other catalog models load on their first request.")
    List<String> models = new ArrayList<>();

    @Option(names = "--parallel", defaultValue = "4",
            description = "Sequences each model decodes together (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--ctx-size", description = "Cap on tokens per sequence (default: each model's catalog value).")
    Integer contextSize;

    @Option(names = "--threads", description = "CPU threads for llama.cpp (default: all cores).")
    Integer threads;

    @Option(names = "--max-queue", defaultValue = "64",
            description = "Requests that may wait for a slot before Garden answers 429 (default: ${DEFAULT-VALUE}).")
    int maxQueue;

    @Option(names = "--max-request-bytes", defaultValue = "" + GardenServer.DEFAULT_MAX_REQUEST_BYTES,
            description = "Largest request body accepted (default: ${DEFAULT-VALUE}).")
    long maxRequestBytes;

    @Option(names = "--cpu-variant", description = "Force one of ggml's CPU builds (haswell, zen4, x64, ...).")
    String cpuVariant;

    @Option(names = "--token-lifetime", defaultValue = "PT1H", converter = DurationConverter.class,
            description = "How long access tokens live, as an ISO-8601 duration (default: ${DEFAULT-VALUE}).")
    Duration tokenLifetime;

    @Option(names = {"-v", "--verbose"}, description = "Log more, llama.cpp's own log included.")
    boolean verbose;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Logging.configure(verbose);
        PrintStream out = System.out;
        GardenEnvironment env = GardenEnvironment.fromSystem();
        EngineSettings engine = new EngineSettings(parallel,
                contextSize == null ? OptionalInt.empty() : OptionalInt.of(contextSize),
                threads == null ? Runtime.getRuntime().availableProcessors() : threads, maxQueue);
        GardenApp.Config config = new GardenApp.Config(env, System.getenv(), host, port, models, engine,
                maxRequestBytes, Optional.ofNullable(cpuVariant), tokenLifetime, Clock.systemUTC());
        out.println("Garden home: " + env.home() + " (cache: " + env.cache() + ")");
        GardenApp app = GardenApp.start(config, ProgressListener.console(), started -> {
            writePortFile(started.port());
            started.bootstrap().messages().forEach(out::println);
            out.println("Listening on " + started.urls().base() + " (loading models...)");
        });
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "garden-shutdown"));
        String base = app.urls().base().toString();
        out.println();
        out.println("Garden is ready. Models: " + String.join(", ", app.preloaded()));
        out.println("OpenAI base_url: " + base + "/v1/projects/PROJECT/locations/LOCATION/endpoints/openapi");
        out.println("Credentials: export GOOGLE_APPLICATION_CREDENTIALS=" + app.bootstrap().keyFile());
        out.println("Try: curl " + base + "/v1/projects/garden-default/locations/us-central1/endpoints/openapi"
                + "/chat/completions -H \"Authorization: Bearer $(./garden auth print-access-token)\""
                + " -H 'Content-Type: application/json' -d '{\"model\":\"" + app.preloaded().getFirst()
                + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello!\"}]}'");
        stopped.await();
        return 0;
    }

    private void writePortFile(int bound) {
        if (portFile == null) {
            return;
        }
        try {
            Path temp = Files.createTempFile(portFile.toAbsolutePath().getParent(), ".port", ".tmp");
            Files.writeString(temp, Integer.toString(bound));
            Files.move(temp, portFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write the port file " + portFile, e);
        }
    }

    /** Parses ISO-8601 durations such as {@code PT1H} or {@code PT15M}. */
    static final class DurationConverter implements picocli.CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return Duration.parse(value);
            } catch (java.time.format.DateTimeParseException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not an ISO-8601 duration"
                        + " such as PT1H or PT15M");
            }
        }
    }
}
