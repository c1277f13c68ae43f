package dev.garden.engine;

import dev.garden.engine.llama.LlamaLibrary;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where engine tests find llama.cpp's libraries and the shared test models. */
public final class NativeFixtures {
    private NativeFixtures() {
    }

    /** llama.cpp, loaded once for the test JVM. */
    public static synchronized LlamaLibrary library() {
        String dir = Optional.ofNullable(System.getenv("GARDEN_LLAMA_LIB_DIR"))
                .orElseThrow(() -> new IllegalStateException("set GARDEN_LLAMA_LIB_DIR"));
        return LlamaLibrary.load(Path.of(dir), Optional.empty());
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
