package dev.garden.llama;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * One of ggml's CPU backend libraries ({@code libggml-cpu-<name>.so}) and the score it gives this machine.
 *
 * @param name  the instruction-set level, e.g. {@code zen4}
 * @param path  the library
 * @param score ggml's own score: 0 means this CPU cannot run it, higher means faster code paths
 */
record CpuVariant(String name, Path path, int score) {
    private static final String PREFIX = "libggml-cpu-";

    /** Scores every variant in the directory and picks the best, or the named one. */
    static CpuVariant choose(List<CpuVariant> variants, Path dir, Optional<String> override) {
        if (override.isPresent()) {
            String wanted = override.get();
            CpuVariant chosen = variants.stream().filter(v -> v.name().equals(wanted)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no CPU variant '" + wanted + "' in " + dir
                            + "; there are " + variants.stream().map(CpuVariant::name).toList()));
            if (chosen.score() == 0) {
                throw new IllegalStateException("this CPU cannot run the '" + wanted + "' variant of ggml");
            }
            return chosen;
        }
        return variants.stream().filter(v -> v.score() > 0).max(Comparator.comparingInt(CpuVariant::score))
                .orElseThrow(() -> new IllegalStateException("none of ggml's CPU variants in " + dir
                        + " runs on this CPU: " + variants));
    }

    /** Every variant in the directory with its score. Each library is opened only to ask, then closed. */
    static List<CpuVariant> score(Path dir) throws IOException {
        List<CpuVariant> variants = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path path : files.sorted().toList()) {
                String file = path.getFileName().toString();
                if (!file.startsWith(PREFIX) || !file.endsWith(".so")) {
                    continue;
                }
                String name = file.substring(PREFIX.length(), file.length() - ".so".length());
                variants.add(new CpuVariant(name, path, scoreOf(path)));
            }
        }
        return variants;
    }

    private static int scoreOf(Path library) {
        try (Arena arena = Arena.ofConfined()) {
            SymbolLookup lookup = SymbolLookup.libraryLookup(library, arena);
            MethodHandle score = LlamaLibrary.bind(lookup, "ggml_backend_score", FunctionDescriptor.of(JAVA_INT));
            return (int) score.invokeExact();
        } catch (Throwable e) {
            // A variant that cannot even be opened here is one this machine cannot use.
            return 0;
        }
    }
}
