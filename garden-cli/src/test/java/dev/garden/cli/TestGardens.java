package dev.garden.cli;

import com.google.auth.oauth2.ServiceAccountCredentials;
import dev.garden.models.fetch.FetchConfig;
import dev.garden.models.fetch.ProgressListener;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Real Gardens for tests, in-process: the default model, a fresh GARDEN_HOME, the shared test cache. */
final class TestGardens {
    static final String MODEL = "huggingfacetb/smollm2-135m-instruct";
    static final String PROJECT = "garden-default";

    private TestGardens() {
    }

    static GardenApp start(EngineSettings engine, Clock clock) throws IOException {
        Path home = Files.createTempDirectory("garden-home");
        Path cache = Path.of(System.getProperty("garden.test.cache", "../.cache")).toAbsolutePath();
        GardenEnvironment env = new GardenEnvironment(home, cache, FetchConfig.fromEnvironment());
        GardenApp.Config config = new GardenApp.Config(env, Map.of(), "127.0.0.1", 0, List.of(MODEL), engine,
                20L << 20, Optional.empty(), Duration.ofHours(1), clock);
        return GardenApp.start(config, ProgressListener.silent(), app -> { });
    }

    static EngineSettings engine(int slots, int maxQueued) {
        return new EngineSettings(slots, OptionalInt.of(2048), Runtime.getRuntime().availableProcessors(), maxQueued);
    }

    /** The bootstrap administrator's credentials, as a client loads them from its key file. */
    static ServiceAccountCredentials adminCredentials(GardenApp garden) throws IOException {
        try (InputStream key = Files.newInputStream(garden.bootstrap().keyFile())) {
            return ServiceAccountCredentials.fromStream(key);
        }
    }

    /** The OpenAI base URL of a project's publisher models. */
    static String baseUrl(GardenApp garden, String project) {
        return "http://127.0.0.1:" + garden.port() + "/v1/projects/" + project
                + "/locations/us-central1/endpoints/openapi";
    }
}
