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
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Installs part of an npm package into a directory once, safely: under a lock that threads and processes take
 * turns on, extracted to a temporary directory and moved into place atomically, with a manifest (every file and its
 * size, written last) by which a later call recognises a complete installation and redoes a damaged one.
 */
final class NpmInstallation {
    private static final System.Logger LOG = System.getLogger(NpmInstallation.class.getName());

    /** Written last into an installation; lists every file with its size, so a damaged one is noticed. */
    static final String MANIFEST = ".garden-manifest";

    private NpmInstallation() {
    }

    /**
     * {@code <parent>/<installName>}, holding the files under {@code directoryInTarball} that {@code keep} accepts.
     *
     * @throws FetchException when the download or its integrity check fails, or nothing was kept
     */
    static Path install(Path parent, String installName, NpmPackage npmPackage, String directoryInTarball,
                        Predicate<String> keep, NpmTarballFetcher npm, ProgressListener progress) {
        Path target = parent.resolve(installName);
        if (isComplete(target)) {
            return target;
        }
        try (CacheLock _ = CacheLock.acquire(parent.resolve(installName + ".lock"), npmPackage.toString())) {
            if (isComplete(target)) {
                return target;
            }
            String leftoverPrefix = "." + installName + ".tmp-";
            deleteLeftovers(parent, leftoverPrefix);
            if (Files.exists(target)) {
                LOG.log(System.Logger.Level.WARNING, "{0} is incomplete; installing it again", target);
                deleteTree(target);
            }
            Path temp = Transfers.createTempDirectory(parent, leftoverPrefix);
            try {
                Map<String, Long> files = npm.fetchAndExtract(npmPackage, directoryInTarball, keep, temp, progress);
                if (files.isEmpty()) {
                    throw new FetchException("the package " + npmPackage + " has no files under "
                            + directoryInTarball);
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
            throw new FetchException("cannot install " + npmPackage + " into " + target + ": " + e, e);
        }
    }

    /** Whether the manifest is there and every file it lists has its size. */
    static boolean isComplete(Path target) {
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
