package dev.garden.gguf;

import dev.garden.models.ModelCatalog;
import dev.garden.models.fetch.FetchConfig;
import dev.garden.models.fetch.ModelStore;
import dev.garden.models.fetch.ProgressListener;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where tests find the shared fixtures and the artifact cache; see the root POM's surefire configuration. */
final class TestModels {
    private TestModels() {
    }

    static Path sharedDir() {
        return Path.of(System.getProperty("garden.shared.dir", "../../shared"));
    }

    static Path testCache() {
        return Path.of(System.getProperty("garden.test.cache", "../.cache"));
    }

    /** {@code stories260K.gguf}: llama, F32, vocabulary 512, context 2048; see its README beside it. */
    static Path stories260K() {
        Path model = sharedDir().resolve("models/test/stories260K.gguf");
        if (!Files.isRegularFile(model)) {
            throw new IllegalStateException("missing test model " + model.toAbsolutePath());
        }
        return model;
    }

    /** SmolLM2 135M Instruct, Garden's default model, fetched into the test cache as Garden fetches it. */
    static Path smolLm2() {
        ModelCatalog catalog = ModelCatalog.builtIn();
        return ModelStore.create(testCache(), FetchConfig.fromEnvironment())
                .fetch(catalog.defaultModel(), ProgressListener.console());
    }
}
