package dev.garden.models.fetch;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Downloads an npm package's tarball, checks it against the pinned integrity, and extracts one directory of it.
 * The tarball is verified before a single entry is read, so a tampered archive never reaches the tar reader, and
 * still no entry may land outside the target directory.
 */
final class NpmTarballFetcher {

    /** SRI algorithms from the strongest down; https://www.w3.org/TR/SRI/#choose-the-strongest-metadata. */
    private static final List<String> ALGORITHMS = List.of("sha512", "sha384", "sha256");

    private final HttpDownloader http;
    private final URI registry;

    NpmTarballFetcher(HttpDownloader http, URI registry) {
        this.http = http;
        this.registry = registry;
    }

    /** {@code {registry}/{name}/-/{unscoped name}-{version}.tgz}, as the registry's {@code dist.tarball} says. */
    URI tarballUri(NpmPackage npmPackage) {
        return URI.create(registry + "/" + npmPackage.name() + "/-/" + npmPackage.unscopedName() + "-"
                + npmPackage.version() + ".tgz");
    }

    /**
     * Fetches the package and extracts the files under {@code directory} into {@code target}.
     *
     * @param directory a directory inside the tarball, such as {@code package/bins/linux-x64}
     * @param include which files to keep, by their path relative to {@code directory}
     * @param target an existing, empty directory
     * @return the extracted files' paths relative to {@code target}, with their sizes
     * @throws FetchException when the download fails, its integrity differs, or an entry would escape {@code target}
     */
    Map<String, Long> fetchAndExtract(NpmPackage npmPackage, String directory, Predicate<String> include, Path target,
                                      ProgressListener progress) throws IOException {
        Path tarball = Transfers.createTempFile(target.getParent(), npmPackage.unscopedName() + ".", ".tgz.tmp");
        try {
            download(npmPackage, tarball, progress);
            return extract(npmPackage, tarball, directory, include, target);
        } finally {
            Files.deleteIfExists(tarball);
        }
    }

    private void download(NpmPackage npmPackage, Path tarball, ProgressListener progress) throws IOException {
        Integrity expected = Integrity.strongest(npmPackage);
        MessageDigest digest = Transfers.digest(expected.jdkAlgorithm());
        URI uri = tarballUri(npmPackage);
        try (HttpDownloader.Body body = http.open(uri, Map.of());
             InputStream in = Transfers.counting(body.stream(), progress);
             OutputStream out = new DigestOutputStream(Files.newOutputStream(tarball), digest)) {
            progress.start(npmPackage.toString(), body.contentLength());
            in.transferTo(out);
        } catch (FetchException e) {
            throw e.httpStatus().orElse(0) == 404 ? e.withHint("; is npm_config_registry an npm registry that has "
                    + npmPackage + "?") : e;
        }
        byte[] actual = digest.digest();
        if (!MessageDigest.isEqual(actual, expected.hash())) {
            throw new FetchException("integrity mismatch for " + npmPackage + " from " + FetchConfig.redacted(uri)
                    + ": expected " + expected.token() + " but the download has " + expected.algorithm() + "-"
                    + Base64.getEncoder().encodeToString(actual) + "; it was discarded");
        }
        progress.done();
    }

    private static Map<String, Long> extract(NpmPackage npmPackage, Path tarball, String directory,
                                             Predicate<String> include, Path target) throws IOException {
        String prefix = directory.endsWith("/") ? directory : directory + "/";
        Path root = target.toAbsolutePath().normalize();
        Map<String, Long> files = new LinkedHashMap<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(tarball));
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                String name = entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName();
                if (!name.startsWith(prefix) || name.length() == prefix.length()) {
                    continue;
                }
                String relative = name.substring(prefix.length());
                Path out = root.resolve(relative).normalize();
                if (!out.startsWith(root) || out.equals(root)) {
                    throw escaping(npmPackage, name, root);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                if (!include.test(relative)) {
                    continue;
                }
                Files.createDirectories(out.getParent());
                if (entry.isSymbolicLink()) {
                    // Libraries are often linked by soname; a link may point anywhere inside the target only.
                    if (!out.getParent().resolve(entry.getLinkName()).normalize().startsWith(root)) {
                        throw escaping(npmPackage, name + " -> " + entry.getLinkName(), root);
                    }
                    Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
                } else if (entry.isFile()) {
                    Files.copy(tar, out);
                    files.put(root.relativize(out).toString(), Files.size(out));
                } else {
                    throw new FetchException("the tarball of " + npmPackage + " has an entry of an unsupported "
                            + "kind (hard link, device or pipe): " + name);
                }
            }
        }
        return files;
    }

    private static FetchException escaping(NpmPackage npmPackage, String entry, Path root) {
        return new FetchException("the tarball of " + npmPackage + " has an entry that would land outside " + root
                + ": " + entry + "; refusing to extract it");
    }

    /** One hash of an SRI string: {@code sha512-<base64>}. */
    private record Integrity(String algorithm, String token, byte[] hash) {

        String jdkAlgorithm() {
            return "SHA-" + algorithm.substring("sha".length());
        }

        /** The strongest supported hash in the package's integrity string. */
        static Integrity strongest(NpmPackage npmPackage) {
            String[] tokens = npmPackage.integrity().trim().split("\\s+");
            for (String algorithm : ALGORITHMS) {
                for (String token : tokens) {
                    // Options after '?' are reserved by the SRI spec and carry nothing to check.
                    String hash = token.contains("?") ? token.substring(0, token.indexOf('?')) : token;
                    if (hash.startsWith(algorithm + "-")) {
                        try {
                            return new Integrity(algorithm, hash,
                                    Base64.getDecoder().decode(hash.substring(algorithm.length() + 1)));
                        } catch (IllegalArgumentException e) {
                            throw new FetchException("the integrity of " + npmPackage + " is not valid base64: "
                                    + hash, e);
                        }
                    }
                }
            }
            throw new FetchException("the integrity of " + npmPackage + " names no supported hash (sha512, sha384 "
                    + "or sha256): " + npmPackage.integrity());
        }
    }
}
