package dev.garden.bench;

import dev.garden.models.fetch.FetchConfig;
import dev.garden.models.fetch.LlamaCppLibraries;
import dev.garden.models.fetch.ProgressListener;

import java.nio.file.Path;
import java.util.Optional;

/** Prints the directory of the llama.cpp libraries Garden uses, fetching them into {@code $GARDEN_CACHE} first. */
public final class InstallLlamaLibraries {
    private InstallLlamaLibraries() {
    }

    /** Prints the library directory on standard output; progress goes to standard error. */
    public static void main(String[] args) {
        Path cache = Path.of(Optional.ofNullable(System.getenv("GARDEN_CACHE"))
                .orElse(System.getProperty("user.home") + "/.garden/cache"));
        System.out.println(LlamaCppLibraries.install(cache, FetchConfig.fromEnvironment(), ProgressListener.console()));
    }
}
