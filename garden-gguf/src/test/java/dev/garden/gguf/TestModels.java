package dev.garden.gguf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

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

    /** SmolLM2 135M Instruct, when an earlier run of Garden's tests or benchmarks fetched it into the cache. */
    static Optional<Path> cachedSmolLm2() throws IOException {
        Path models = testCache().resolve("models/huggingfacetb/smollm2-135m-instruct");
        if (!Files.isDirectory(models)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(models)) {
            return files.filter(path -> path.getFileName().toString().endsWith(".gguf")).findFirst();
        }
    }
}
