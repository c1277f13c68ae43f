package dev.garden.cli;

import dev.garden.core.IdGenerator;
import dev.garden.engine.llama.LlamaLibrary;
import dev.garden.models.ModelCatalog;
import dev.garden.models.fetch.LlamaCppLibraries;
import dev.garden.models.fetch.ModelStore;
import dev.garden.models.fetch.ProgressListener;
import dev.garden.server.GardenServer;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * A running Garden: llama.cpp loaded, the catalog's models served on the embedded engine, the HTTP server up.
 * The composition root, shared by {@code garden serve} and the tests that start a real server in-process.
 */
final class GardenApp implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(GardenApp.class.getName());

    /**
     * What to start.
     *
     * @param environment     where Garden keeps things and fetches from
     * @param host            the address to listen on
     * @param port            the port, 0 for any free one
     * @param preload         models to fetch and load before reporting ready (the catalog's default if empty)
     * @param engine          engine settings for every model
     * @param maxRequestBytes the request body limit
     * @param cpuVariant      a ggml CPU variant to force, instead of the best for this CPU
     */
    record Config(GardenEnvironment environment, String host, int port, List<String> preload,
                  EngineSettings engine, long maxRequestBytes, Optional<String> cpuVariant) {
    }

    private final GardenServer server;
    private final CatalogModelRegistry registry;
    private final List<String> preloaded;

    private GardenApp(GardenServer server, CatalogModelRegistry registry, List<String> preloaded) {
        this.server = server;
        this.registry = registry;
        this.preloaded = preloaded;
    }

    /**
     * Starts Garden: fetches llama.cpp's libraries if need be, starts the server (which answers {@code /readyz}
     * with 503 until the models are loaded), then fetches and loads the models to preload.
     *
     * @param onListening called with the bound port as soon as the server listens, before models load
     */
    static GardenApp start(Config config, ProgressListener progress, java.util.function.IntConsumer onListening) {
        GardenEnvironment env = config.environment();
        LlamaLibrary library = LlamaLibrary.load(
                LlamaCppLibraries.install(env.cache(), env.fetch(), progress), config.cpuVariant());
        ModelCatalog catalog = ModelCatalog.load(env.home());
        ModelStore store = ModelStore.create(env.cache(), env.fetch());
        Clock clock = Clock.systemUTC();
        CatalogModelRegistry registry = CatalogModelRegistry.embedded(catalog, store, library, config.engine(),
                progress, clock);
        List<String> preload = config.preload().isEmpty() ? List.of(catalog.defaultModel().id()) : config.preload();
        for (String name : preload) {
            catalog.find(name).orElseThrow(() -> new IllegalArgumentException("--model " + name
                    + " is not in the catalog; it has " + String.join(", ", catalog.ids())));
        }
        GardenServer server = GardenServer.builder()
                .host(config.host())
                .port(config.port())
                .registry(registry)
                .clock(clock)
                .ids(IdGenerator.random())
                .maxRequestBytes(config.maxRequestBytes())
                .readiness(() -> preload.stream().allMatch(registry::isLoaded))
                .build()
                .start();
        GardenApp app = new GardenApp(server, registry, preload);
        try {
            onListening.accept(server.port());
            for (String name : preload) {
                registry.preload(name);
            }
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
        LOG.log(System.Logger.Level.INFO, "ready: {0}", String.join(", ", preload));
        return app;
    }

    /** The port the server listens on. */
    int port() {
        return server.port();
    }

    /** The models loaded at start-up. */
    List<String> preloaded() {
        return preloaded;
    }

    /** Stops serving (generations under way end with 503), then frees the models. */
    @Override
    public void close() {
        server.stop();
        registry.close();
    }
}
