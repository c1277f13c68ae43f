package dev.garden.models.fetch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
    static final String MANIFEST = ".garden-manifest";

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
        Path parent = cacheRoot.toAbsolutePath().normalize().resolve("llama.cpp");
        Path target = parent.resolve(prebuilt.installName());
        if (isComplete(target)) {
            return target;
        }
        try (CacheLock _ = CacheLock.acquire(parent.resolve(prebuilt.installName() + ".lock"),
                prebuilt.npmPackage().toString())) {
            if (isComplete(target)) {
                return target;
            }
            String leftoverPrefix = "." + prebuilt.installName() + ".tmp-";
            deleteLeftovers(parent, leftoverPrefix);
            if (Files.exists(target)) {
                LOG.log(System.Logger.Level.WARNING, "{0} is incomplete; installing it again", target);
                deleteTree(target);
            }
            Path temp = Transfers.createTempDirectory(parent, leftoverPrefix);
            try {
                Map<String, Long> files = npm.fetchAndExtract(prebuilt.npmPackage(), prebuilt.directoryInTarball(),
                        // node-llama-cpp's Node.js addon is of no use outside Node.
                        name -> !name.endsWith(".node"), temp, progress);
                if (files.isEmpty()) {
                    throw new FetchException("the package " + prebuilt.npmPackage() + " has no files under "
                            + prebuilt.directoryInTarball());
                }
                List<String> lines = new ArrayList<>();
                files.forEach((name, size) -> lines.add(size + " " + name));
                Files.write(temp.resolve(MANIFEST), lines, StandardCharsets.UTF_8);
                // Others see either no directory or a complete one.
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                deleteTree(temp);
            }
            return target;
        } catch (IOException e) {
            throw new FetchException("cannot install " + prebuilt.npmPackage() + " into " + target + ": " + e, e);
        }
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

    /** Whether the manifest is there and every file it lists has its size. */
    private static boolean isComplete(Path target) {
        try {
            List<String> lines = Files.readAllLines(target.resolve(MANIFEST), StandardCharsets.UTF_8);
            for (String line : lines) {
                int space = line.indexOf(' ');
                if (space < 0) {
                    return false;
                }
                Path file = target.resolve(line.substring(space + 1));
                if (!Files.isRegularFile(file) || Files.size(file) != Long.parseLong(line.substring(0, space))) {
                    return false;
                }
            }
            return !lines.isEmpty();
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read the manifest of " + target, e);
            return false;
        }
    }

    /** Temporary directories of installations that died; the caller holds the lock. */
    private static void deleteLeftovers(Path parent, String prefix) throws IOException {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(parent, p -> p.getFileName().toString()
                .startsWith(prefix))) {
            for (Path leftover : leftovers) {
                deleteTree(leftover);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
