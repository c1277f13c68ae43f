package dev.garden.models.fetch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Test support: an npm package's files fetched into the test cache with garden-models' own fetcher, so that they are
 * checked against the pinned integrity and installed atomically under a lock, as Garden installs llama.cpp.
 *
 * <p>It sits in garden-models' package, in garden-gguf's test code, because {@code NpmTarballFetcher} is
 * package-private and garden-models has no public way to fetch an arbitrary package; a public
 * {@code NpmPackages.install(cacheRoot, config, package, directoryInTarball, progress)} there would replace it.
 */
public final class TestNpmPackages {
    private static final String MANIFEST = ".garden-manifest";

    private TestNpmPackages() {
    }

    /**
     * The files under {@code directoryInTarball} of the package, in
     * {@code <cacheRoot>/npm/<name>-<version>/} (the scope's {@code @} dropped, {@code /} as {@code -}), fetched
     * from the registry of {@link FetchConfig#fromEnvironment()} the first time. Safe from several threads and
     * processes at once.
     *
     * @param integrity the tarball's SRI string, as {@code npm view <name>@<version> dist.integrity} prints it
     * @throws FetchException when the download or its integrity check fails, or the directory holds no files
     */
    public static Path install(Path cacheRoot, String name, String version, String integrity,
                               String directoryInTarball) {
        NpmPackage npmPackage = new NpmPackage(name, version, integrity);
        Path parent = cacheRoot.toAbsolutePath().normalize().resolve("npm");
        String installName = name.replace("@", "").replace('/', '-') + "-" + version;
        Path target = parent.resolve(installName);
        if (isComplete(target)) {
            return target;
        }
        try (CacheLock _ = CacheLock.acquire(parent.resolve(installName + ".lock"), npmPackage.toString())) {
            if (isComplete(target)) {
                return target;
            }
            deleteTree(target);
            Path temp = Transfers.createTempDirectory(parent, "." + installName + ".tmp-");
            try {
                Map<String, Long> files = new NpmTarballFetcher(HttpDownloader.standard(),
                        FetchConfig.fromEnvironment().npmRegistry())
                        .fetchAndExtract(npmPackage, directoryInTarball, file -> true, temp,
                                ProgressListener.console());
                if (files.isEmpty()) {
                    throw new FetchException("the package " + npmPackage + " has no files under "
                            + directoryInTarball);
                }
                List<String> lines = new ArrayList<>();
                files.forEach((file, size) -> lines.add(size + " " + file));
                Files.write(temp.resolve(MANIFEST), lines, StandardCharsets.UTF_8);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                deleteTree(temp);
            }
            return target;
        } catch (IOException e) {
            throw new FetchException("cannot install " + npmPackage + " into " + target + ": " + e, e);
        }
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
        } catch (IOException | RuntimeException e) {
            // Missing or damaged: installed again.
            return false;
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
