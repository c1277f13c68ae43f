package dev.garden.cli;

import dev.garden.models.fetch.FetchConfig;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where Garden keeps things, from the environment: {@code GARDEN_HOME} (state, default {@code ~/.garden}) and
 * {@code GARDEN_CACHE} (fetched models and libraries, default {@code $GARDEN_HOME/cache}), plus where fetches go
 * ({@code PIP_INDEX_URL}, {@code HF_ENDPOINT}, {@code HF_TOKEN}, {@code npm_config_registry}, ...).
 *
 * @param home  Garden's state directory
 * @param cache the artifact cache
 * @param fetch where models and libraries are fetched from
 */
record GardenEnvironment(Path home, Path cache, FetchConfig fetch) {

    /** Reads this process's environment. */
    static GardenEnvironment fromSystem() {
        return from(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** Reads an environment map (for tests). */
    static GardenEnvironment from(Map<String, String> env, Path userHome) {
        Path home = Optional.ofNullable(env.get("GARDEN_HOME")).filter(s -> !s.isBlank()).map(Path::of)
                .orElse(userHome.resolve(".garden")).toAbsolutePath();
        Path cache = Optional.ofNullable(env.get("GARDEN_CACHE")).filter(s -> !s.isBlank()).map(Path::of)
                .orElse(home.resolve("cache")).toAbsolutePath();
        return new GardenEnvironment(home, cache, FetchConfig.fromEnvironment(env));
    }
}
