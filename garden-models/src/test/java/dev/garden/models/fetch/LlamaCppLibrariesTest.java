package dev.garden.models.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.garden.models.fetch.TestData.TarItem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlamaCppLibrariesTest {

    private static final String TARBALL = "/npm/@node-llama-cpp/linux-x64/-/linux-x64-9.9.9.tgz";
    private static final String BINS = "package/bins/linux-x64/";

    @TempDir
    Path temp;

    private FakeServer server;
    private Path cache;

    @BeforeEach
    void startServer() {
        server = FakeServer.start();
        cache = temp.resolve("cache");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void prebuiltFor_linuxAmd64_isThePinnedPackage() {
        LlamaCppLibraries.Prebuilt prebuilt = LlamaCppLibraries.prebuiltFor("Linux", "amd64");

        assertThat(prebuilt.npmPackage()).isEqualTo(new NpmPackage("@node-llama-cpp/linux-x64", "3.22.1",
                "sha512-5uCCDNqWCNfaAm8aR/Uzxbo4HBpKgNF91kCHPepKhgMgV2OAmatoefbOlMihsqCiH2Od35E/eUHQCFbfRBJuOg=="));
        assertThat(prebuilt.directoryInTarball()).isEqualTo("package/bins/linux-x64");
        assertThat(prebuilt.installName()).isEqualTo("node-llama-cpp-linux-x64-3.22.1");
    }

    @Test
    void prebuiltFor_macArm64_namesSupportedPlatformsAndTheOverride() {
        assertThatThrownBy(() -> LlamaCppLibraries.prebuiltFor("Mac OS X", "aarch64"))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("for [linux-x64] only, not for mac-arm64 (Mac OS X, aarch64)")
                .hasMessageContaining("GARDEN_LLAMA_LIB_DIR");
    }

    @Test
    void install_firstTime_extractsTheLibrariesButNotTheNodeAddon() throws IOException {
        byte[] tarball = publish();

        Path directory = install(TestData.integrity(tarball));

        assertThat(directory).isEqualTo(cache.resolve("llama.cpp/node-llama-cpp-linux-x64-9.9.9"));
        assertThat(directory.resolve("libllama.v0.5.0.so")).hasBinaryContent(new byte[] {1, 1});
        assertThat(directory.resolve("libggml-cpu-haswell.so")).exists();
        assertThat(directory.resolve("_nlcBuildMetadata.json")).exists();
        assertThat(directory.resolve("llama-addon.node")).doesNotExist();
        assertThat(directory.resolve("README.md")).doesNotExist();
        assertThat(cache.resolve("llama.cpp")).isDirectoryNotContaining("glob:**.tmp*");
        Path probe = Files.createDirectory(temp.resolve("probe"));
        assertThat(Files.getPosixFilePermissions(directory)).isEqualTo(Files.getPosixFilePermissions(probe));
    }

    @Test
    void install_secondTime_reusesTheInstallationWithoutFetching() throws IOException {
        String integrity = TestData.integrity(publish());
        Path first = install(integrity);

        assertThat(install(integrity)).isEqualTo(first);

        assertThat(server.requests(TARBALL)).isEqualTo(1);
    }

    @Test
    void install_fileLostFromInstallation_installsAgain() throws IOException {
        String integrity = TestData.integrity(publish());
        Path directory = install(integrity);
        Files.delete(directory.resolve("libggml-base.so"));

        assertThat(install(integrity)).isEqualTo(directory);

        assertThat(directory.resolve("libggml-base.so")).exists();
        assertThat(server.requests(TARBALL)).isEqualTo(2);
    }

    @Test
    void install_integrityMismatch_installsNothing() {
        publish();

        assertThatThrownBy(() -> install(TestData.integrity(new byte[] {0})))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("integrity mismatch for @node-llama-cpp/linux-x64@9.9.9");
        assertThat(cache.resolve("llama.cpp/node-llama-cpp-linux-x64-9.9.9")).doesNotExist();
        assertThat(cache.resolve("llama.cpp")).isDirectoryNotContaining("glob:**.tmp*");
    }

    @Test
    void install_tarballWithEscapingEntry_installsNothing() {
        byte[] tarball = TestData.tarGz(List.of(
                TarItem.file(BINS + "libllama.v0.5.0.so", new byte[] {1}),
                TarItem.file(BINS + "../../../../../escaped.so", new byte[] {6})));
        server.file(TARBALL, "application/octet-stream", tarball);

        assertThatThrownBy(() -> install(TestData.integrity(tarball)))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("would land outside");
        assertThat(cache.resolve("llama.cpp/node-llama-cpp-linux-x64-9.9.9")).doesNotExist();
        assertThat(cache.resolve("llama.cpp")).isDirectoryNotContaining("glob:**.tmp*");
        assertThat(temp.resolve("escaped.so")).doesNotExist();
        assertThat(cache.resolve("escaped.so")).doesNotExist();
    }

    @Test
    void install_twoThreadsAtOnce_fetchOnlyOnce() throws Exception {
        String integrity = TestData.integrity(publish());
        server.delay(TARBALL, Duration.ofMillis(300));
        CyclicBarrier barrier = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Path>> results = Stream.generate(() -> threads.submit(() -> {
                barrier.await();
                return install(integrity);
            })).limit(2).toList();

            assertThat(results.get(0).get()).isEqualTo(results.get(1).get());
        } finally {
            threads.shutdownNow();
        }
        assertThat(server.requests(TARBALL)).isEqualTo(1);
    }

    @Test
    void install_userDirectory_isUsedWithoutFetching() throws IOException {
        Path own = Files.createDirectory(temp.resolve("llama-build"));
        Files.write(own.resolve("libllama.so"), new byte[] {1});

        assertThat(LlamaCppLibraries.install(cache, config(Optional.of(own)), ProgressListener.silent()))
                .isEqualTo(own);
        assertThat(cache).doesNotExist();
    }

    @Test
    void install_userDirectoryWithoutLibllama_saysWhatIsMissing() throws IOException {
        Path own = Files.createDirectory(temp.resolve("empty"));

        assertThatThrownBy(() -> LlamaCppLibraries.install(cache, config(Optional.of(own)),
                ProgressListener.silent()))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("GARDEN_LLAMA_LIB_DIR=" + own)
                .hasMessageContaining("no libllama shared library");
    }

    @Test
    void install_userDirectoryMissing_namesTheVariable() {
        Path missing = temp.resolve("missing");

        assertThatThrownBy(() -> LlamaCppLibraries.install(cache, config(Optional.of(missing)),
                ProgressListener.silent()))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("GARDEN_LLAMA_LIB_DIR=" + missing + " is not a directory");
    }

    /** A tarball laid out like node-llama-cpp's, served where the fake registry has it. */
    private byte[] publish() {
        byte[] tarball = TestData.tarGz(List.of(
                TarItem.file("package/package.json", "{}".getBytes()),
                TarItem.file("package/README.md", "#".getBytes()),
                TarItem.file(BINS + "_nlcBuildMetadata.json", "{}".getBytes()),
                TarItem.file(BINS + "llama-addon.node", new byte[] {9}),
                TarItem.file(BINS + "libggml-base.so", new byte[] {2}),
                TarItem.file(BINS + "libggml-cpu-haswell.so", new byte[] {3}),
                TarItem.file(BINS + "libggml.v0.5.0.so", new byte[] {4}),
                TarItem.file(BINS + "libllama.v0.5.0.so", new byte[] {1, 1})));
        server.file(TARBALL, "application/octet-stream", tarball);
        return tarball;
    }

    private Path install(String integrity) {
        LlamaCppLibraries.Prebuilt prebuilt = new LlamaCppLibraries.Prebuilt(
                new NpmPackage("@node-llama-cpp/linux-x64", "9.9.9", integrity), "package/bins/linux-x64");
        NpmTarballFetcher npm = new NpmTarballFetcher(new HttpDownloader(1, Duration.ZERO), server.uri("/npm"));
        return LlamaCppLibraries.install(cache, prebuilt, npm, ProgressListener.silent());
    }

    private FetchConfig config(Optional<Path> libraries) {
        return new FetchConfig(server.uri("/simple"), server.uri("/hf"), Optional.empty(), server.uri("/npm"),
                libraries);
    }
}
