package dev.garden.llama.testing;

import dev.garden.llama.LlamaLibrary;
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
