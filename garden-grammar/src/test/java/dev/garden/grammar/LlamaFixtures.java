package dev.garden.grammar;

import dev.garden.llama.LlamaLibrary;
import dev.garden.llama.LlamaModel;
import dev.garden.models.ModelCatalog;
import dev.garden.models.fetch.FetchConfig;
import dev.garden.models.fetch.LlamaCppLibraries;
import dev.garden.models.fetch.ModelStore;
import dev.garden.models.fetch.ProgressListener;

import java.nio.file.Path;
import java.util.Optional;

/**
 * llama.cpp and SmolLM2 for the tests that let llama.cpp judge the grammars, fetched into the shared test cache
 * ({@code garden.test.cache}) as Garden fetches them. The model is loaded once per test JVM and never closed: every
 * grammar test class shares it. SmolLM2 rather than stories260K, whose vocabulary cannot spell JSON.
 */
final class LlamaFixtures {
    private static LlamaModel model;

    private LlamaFixtures() {
    }

    static Path testCache() {
        return Path.of(System.getProperty("garden.test.cache", "../.cache"));
    }

    static synchronized LlamaModel smolLm2() {
        if (model == null) {
            Path directory = LlamaCppLibraries.install(testCache(), ProgressListener.console());
            LlamaLibrary library = LlamaLibrary.load(directory, Optional.empty());
            Path gguf = ModelStore.create(testCache(), FetchConfig.fromEnvironment())
                    .fetch(ModelCatalog.builtIn().defaultModel(), ProgressListener.console());
            model = LlamaModel.load(library, gguf);
        }
        return model;
    }
}
