package dev.garden.cli;

import dev.garden.core.ErrorKind;
import dev.garden.core.GardenException;
import dev.garden.core.IdGenerator;
import dev.garden.core.inference.ModelBackend;
import dev.garden.core.inference.ModelRegistry;
import dev.garden.core.inference.SamplingParams;
import dev.garden.engine.EngineOptions;
import dev.garden.engine.LocalEngineBackend;
import dev.garden.llama.LlamaLibrary;
import dev.garden.models.ChatTemplateSource;
import dev.garden.models.ModelCatalog;
import dev.garden.models.ModelSpec;
import dev.garden.models.fetch.FetchException;
import dev.garden.models.fetch.ModelStore;
import dev.garden.models.fetch.ProgressListener;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * Serves the catalog's publisher models on the embedded engine. A model is fetched and loaded the first time it
 * is asked for (or at start-up, for those named with {@code --model}); requests that arrive while it loads wait
 * for the same load. A load that fails is forgotten, so a later request tries again.
 */
final class CatalogModelRegistry implements ModelRegistry, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(CatalogModelRegistry.class.getName());

    private final ModelCatalog catalog;
    private final Function<ModelSpec, ModelBackend> loader;
    private final Map<String, CompletableFuture<ModelBackend>> loaded = new ConcurrentHashMap<>();

    CatalogModelRegistry(ModelCatalog catalog, Function<ModelSpec, ModelBackend> loader) {
        this.catalog = catalog;
        this.loader = loader;
    }

    /** A registry whose models run on the embedded llama.cpp engine. */
    static CatalogModelRegistry embedded(ModelCatalog catalog, ModelStore store, LlamaLibrary library,
                                         EngineSettings settings, ProgressListener progress, Clock clock) {
        return new CatalogModelRegistry(catalog, spec -> {
            Path gguf = store.fetch(spec, progress);
            EngineOptions options = settings.optionsFor(spec);
            SamplingParams sampling = new SamplingParams(spec.sampling().temperature(), spec.sampling().topP(),
                    OptionalLong.empty(), 0, 0);
            return LocalEngineBackend.open(spec.id(), library, gguf,
                    spec.chatTemplate().map(ChatTemplateSource::read), options, sampling, clock, IdGenerator.random());
        });
    }

    @Override
    public ModelBackend publisherModel(String name) {
        ModelSpec spec = catalog.find(name).orElseThrow(() -> GardenException.notFound("Model `" + name
                + "` is not served here. Available models: " + String.join(", ", catalog.ids()) + "."));
        // A platform thread: loading is seconds inside native code, which would pin a virtual thread's carrier.
        CompletableFuture<ModelBackend> load = loaded.computeIfAbsent(spec.id(), id -> CompletableFuture.supplyAsync(
                () -> loader.apply(spec), Thread.ofPlatform().name("garden-load-" + id).daemon()::start));
        try {
            return load.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw GardenException.of(ErrorKind.CANCELLED, "Interrupted while loading model " + spec.id() + ".");
        } catch (ExecutionException e) {
            loaded.remove(spec.id(), load);
            throw loadFailure(spec, e.getCause());
        }
    }

    /** Loads a model now (at start-up), failing loudly if it cannot be. */
    void preload(String name) {
        publisherModel(name);
    }

    /** Whether a model has finished loading. */
    boolean isLoaded(String name) {
        return catalog.find(name)
                .map(spec -> loaded.get(spec.id()))
                .map(future -> future.isDone() && !future.isCompletedExceptionally())
                .orElse(false);
    }

    @Override
    public List<String> publisherModels() {
        return catalog.ids();
    }

    private static GardenException loadFailure(ModelSpec spec, Throwable cause) {
        LOG.log(System.Logger.Level.ERROR, "loading model " + spec.id() + " failed", cause);
        if (cause instanceof GardenException garden) {
            return garden;
        }
        if (cause instanceof FetchException) {
            return GardenException.of(ErrorKind.UNAVAILABLE, "Model " + spec.id() + " could not be fetched: "
                    + cause.getMessage(), cause);
        }
        return GardenException.of(ErrorKind.FAILED_PRECONDITION, "Model " + spec.id() + " could not be loaded: "
                + cause.getMessage(), cause);
    }

    @Override
    public void close() {
        for (CompletableFuture<ModelBackend> load : loaded.values()) {
            if (load.isDone() && !load.isCompletedExceptionally()) {
                load.join().close();
            }
        }
        loaded.clear();
    }
}
