package dev.garden.models.fetch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * llama.cpp's shared libraries for this platform: prebuilt ones from node-llama-cpp's npm packages, installed into
 * the cache once, or a directory the user built, named by {@value FetchConfig#LLAMA_LIBRARY_DIR_ENV}.
 *
 * <p>The prebuilt directory holds {@code libllama}, {@code libggml}, {@code libggml-base} and one
 * {@code libggml-cpu-<variant>} per CPU generation, for ggml to choose the best at run time. The libraries find
 * each other through their {@code $ORIGIN} run path, so loading {@code libllama} from the directory suffices.
 */
public final class LlamaCppLibraries {

    private static final System.Logger LOG = System.getLogger(LlamaCppLibraries.class.getName());

    /** What is fetched for a platform: a pinned package and the directory of libraries inside its tarball. */
    record Prebuilt(NpmPackage npmPackage, String directoryInTarball) {

        /** The name of the installed directory, such as {@code node-llama-cpp-linux-x64-3.22.1}. */
        String installName() {
            return "node-llama-cpp-" + npmPackage.unscopedName() + "-" + npmPackage.version();
        }
    }

    /** Platforms as {@code <os>-<arch>}, the way node-llama-cpp names its packages. Built against glibc. */
    private static final Map<String, Prebuilt> PREBUILT = Map.of(
            "linux-x64", new Prebuilt(new NpmPackage("@node-llama-cpp/linux-x64", "3.22.1",
                    "sha512-5uCCDNqWCNfaAm8aR/Uzxbo4HBpKgNF91kCHPepKhgMgV2OAmatoefbOlMihsqCiH2Od35E/eUHQCFbfRBJuOg=="),
                    "package/bins/linux-x64"));

    /** Written last into an installation; lists every file with its size, so a damaged one is noticed. */
    static final String MANIFEST = NpmInstallation.MANIFEST;

    private LlamaCppLibraries() {
    }

    /**
     * The directory of llama.cpp's libraries, from this process's environment; see
     * {@link #install(Path, FetchConfig, ProgressListener)}.
     */
    public static Path install(Path cacheRoot, ProgressListener progress) {
        return install(cacheRoot, FetchConfig.fromEnvironment(), progress);
    }

    /**
     * The directory of llama.cpp's libraries: {@link FetchConfig#llamaLibraryDirectory()} when set (nothing is
     * fetched), otherwise the prebuilt libraries for this platform under
     * {@code <cacheRoot>/llama.cpp/node-llama-cpp-<platform>-<version>/}, fetched from the npm registry the first
     * time. Safe to call from several threads and processes at once.
     *
     * @throws FetchException when this platform has no prebuilt libraries (the message lists those that do), the
     *                        download or its integrity check fails, or the user's directory has no libllama
     */
    public static Path install(Path cacheRoot, FetchConfig config, ProgressListener progress) {
        if (config.llamaLibraryDirectory().isPresent()) {
            return checkedUserDirectory(config.llamaLibraryDirectory().get());
        }
        Prebuilt prebuilt = prebuiltFor(System.getProperty("os.name"), System.getProperty("os.arch"));
        return install(cacheRoot, prebuilt, new NpmTarballFetcher(HttpDownloader.standard(), config.npmRegistry()),
                progress);
    }

    static Path install(Path cacheRoot, Prebuilt prebuilt, NpmTarballFetcher npm, ProgressListener progress) {
        // node-llama-cpp's Node.js addon is of no use outside Node.
        return NpmInstallation.install(cacheRoot.toAbsolutePath().normalize().resolve("llama.cpp"),
                prebuilt.installName(), prebuilt.npmPackage(), prebuilt.directoryInTarball(),
                name -> !name.endsWith(".node"), npm, progress);
    }

    /**
     * What this platform gets, or why it gets nothing.
     *
     * @param osName the {@code os.name} system property
     * @param osArch the {@code os.arch} system property
     */
    static Prebuilt prebuiltFor(String osName, String osArch) {
        String platform = platform(osName, osArch);
        Prebuilt prebuilt = PREBUILT.get(platform);
        if (prebuilt == null) {
            throw new FetchException("Garden has prebuilt llama.cpp libraries for " + PREBUILT.keySet().stream()
                    .sorted().toList() + " only, not for " + platform + " (" + osName + ", " + osArch + "); build "
                    + "llama.cpp with -DBUILD_SHARED_LIBS=ON and set " + FetchConfig.LLAMA_LIBRARY_DIR_ENV
                    + " to the directory holding its libraries");
        }
        return prebuilt;
    }

    private static String platform(String osName, String osArch) {
        String name = osName.toLowerCase(Locale.ROOT);
        String os = name.startsWith("linux") ? "linux" : name.startsWith("mac") ? "mac"
                : name.startsWith("windows") ? "win" : name.replace(' ', '_');
        String arch = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x64";
            case "aarch64", "arm64" -> "arm64";
            default -> osArch.toLowerCase(Locale.ROOT);
        };
        return os + "-" + arch;
    }

    private static Path checkedUserDirectory(Path directory) {
        Path absolute = directory.toAbsolutePath().normalize();
        String variable = FetchConfig.LLAMA_LIBRARY_DIR_ENV + "=" + absolute;
        if (!Files.isDirectory(absolute)) {
            throw new FetchException(variable + " is not a directory; point it to the directory holding "
                    + "llama.cpp's shared libraries, or unset it to use the prebuilt ones");
        }
        try (Stream<Path> files = Files.list(absolute)) {
            boolean hasLlama = files.map(f -> f.getFileName().toString())
                    .anyMatch(f -> f.startsWith("libllama.") || f.startsWith("libllama-") || f.startsWith("llama."));
            if (!hasLlama) {
                throw new FetchException(variable + " holds no libllama shared library (libllama.so, libllama.dylib "
                        + "or llama.dll); point it to where llama.cpp's build put them, such as build/bin");
            }
        } catch (IOException e) {
            throw new FetchException("cannot list " + variable + ": " + e, e);
        }
        return absolute;
    }
}
