package dev.garden.llama.testing;

import dev.garden.llama.LlamaLibrary;
import dev.garden.llama.LlamaModel;
import dev.garden.models.ModelCatalog;
import dev.garden.models.fetch.FetchConfig;
import dev.garden.models.fetch.ModelStore;
import dev.garden.models.fetch.LlamaCppLibraries;
import dev.garden.models.fetch.ProgressListener;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where engine tests find llama.cpp's libraries and the shared test models. The libraries are fetched into the
 * test cache ({@code garden.test.cache}, the repository's {@code .cache/}) on first use, as Garden itself does.
 */
public final class NativeFixtures {
    private NativeFixtures() {
    }

    /** llama.cpp, loaded once for the test JVM. */
    public static synchronized LlamaLibrary library() {
        Path directory = LlamaCppLibraries.install(testCache(), ProgressListener.console());
        return LlamaLibrary.load(directory, Optional.empty());
    }

    private static LlamaModel smolLm2;

    /**
     * SmolLM2-135M-Instruct, Garden's default model, fetched into the test cache as Garden fetches it: a real
     * vocabulary that can spell JSON (stories260K's cannot). Loaded once per test JVM and never closed, so that every
     * test class can share it.
     */
    public static synchronized LlamaModel smolLm2() {
        if (smolLm2 == null) {
            Path gguf = ModelStore.create(testCache(), FetchConfig.fromEnvironment())
                    .fetch(ModelCatalog.builtIn().defaultModel(), ProgressListener.console());
            smolLm2 = LlamaModel.load(library(), gguf);
        }
        return smolLm2;
    }

    /** The artifact cache tests share across runs. */
    public static Path testCache() {
        return Path.of(System.getProperty("garden.test.cache", "../.cache"));
    }

    /** {@code ../shared/models/test/stories260K.gguf}: llama architecture, F32, vocabulary 512. */
    public static Path stories260K() {
        Path shared = Path.of(System.getProperty("garden.shared.dir", "../../shared"));
        Path model = shared.resolve("models/test/stories260K.gguf");
        if (!Files.isRegularFile(model)) {
            throw new IllegalStateException("missing test model " + model.toAbsolutePath());
        }
        return model;
    }
}
