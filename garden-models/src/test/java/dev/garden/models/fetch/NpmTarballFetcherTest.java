package dev.garden.models.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.garden.models.fetch.TestData.TarItem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpmTarballFetcherTest {

    private static final String TARBALL = "/npm/@acme/libs/-/libs-1.0.0.tgz";

    @TempDir
    Path temp;

    private FakeServer server;
    private NpmTarballFetcher fetcher;
    private Path target;

    @BeforeEach
    void setUp() throws IOException {
        server = FakeServer.start();
        fetcher = new NpmTarballFetcher(new HttpDownloader(1, Duration.ZERO), server.uri("/npm"));
        target = Files.createDirectory(temp.resolve("target"));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void tarballUri_scopedPackage_followsTheRegistryLayout() {
        assertThat(fetcher.tarballUri(new NpmPackage("@node-llama-cpp/linux-x64", "3.22.1", "sha512-x")))
                .hasToString(server.uri("/npm") + "/@node-llama-cpp/linux-x64/-/linux-x64-3.22.1.tgz");
    }

    @Test
    void fetchAndExtract_directoryOfTarball_extractsOnlyThatDirectory() throws IOException {
        byte[] tarball = TestData.tarGz(List.of(
                TarItem.file("package/package.json", "{}".getBytes()),
                TarItem.file("package/lib/a.so", new byte[] {1, 2, 3}),
                TarItem.file("package/lib/sub/b.so", new byte[] {4}),
                TarItem.link("package/lib/a.so.1", "a.so")));
        server.file(TARBALL, "application/octet-stream", tarball);

        Map<String, Long> files = fetch(tarball, TestData.integrity(tarball));

        assertThat(files).containsExactly(Map.entry("a.so", 3L), Map.entry("sub/b.so", 1L));
        assertThat(target.resolve("a.so.1")).isSymbolicLink();
        assertThat(Files.readAllBytes(target.resolve("a.so.1"))).containsExactly(1, 2, 3);
        assertThat(target.resolve("package.json")).doesNotExist();
        assertThat(temp).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void fetchAndExtract_integrityDiffers_failsBeforeExtractingAnything() {
        byte[] tarball = TestData.tarGz(List.of(TarItem.file("package/lib/a.so", new byte[] {1})));
        String pinned = TestData.integrity(new byte[] {42});

        assertThatThrownBy(() -> fetch(tarball, pinned))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("integrity mismatch for @acme/libs@1.0.0")
                .hasMessageContaining("expected " + pinned)
                .hasMessageContaining("the download has " + TestData.integrity(tarball));
        assertThat(target).isEmptyDirectory();
        assertThat(temp).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void fetchAndExtract_severalHashes_checksTheStrongest() throws IOException {
        byte[] tarball = TestData.tarGz(List.of(TarItem.file("package/lib/a.so", new byte[] {1})));
        // A wrong sha256 beside a right sha512: the spec has the strongest decide.
        String integrity = "sha256-" + "A".repeat(43) + "= " + TestData.integrity(tarball);

        assertThat(fetch(tarball, integrity)).containsOnlyKeys("a.so");
    }

    @Test
    void fetchAndExtract_entryClimbingOutOfTarget_isRefused() {
        byte[] tarball = TestData.tarGz(List.of(
                TarItem.file("package/lib/a.so", new byte[] {1}),
                TarItem.file("package/lib/../../../evil.so", new byte[] {6, 6, 6})));

        assertThatThrownBy(() -> fetch(tarball, TestData.integrity(tarball)))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("would land outside")
                .hasMessageContaining("package/lib/../../../evil.so");
        assertThat(temp.resolve("evil.so")).doesNotExist();
        assertThat(temp.getParent().resolve("evil.so")).doesNotExist();
    }

    @Test
    void fetchAndExtract_linkPointingOutOfTarget_isRefused() {
        byte[] tarball = TestData.tarGz(List.of(TarItem.link("package/lib/passwd", "../../../../etc/passwd")));

        assertThatThrownBy(() -> fetch(tarball, TestData.integrity(tarball)))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("would land outside")
                .hasMessageContaining("../../../../etc/passwd");
        assertThat(target.resolve("passwd")).doesNotExist();
    }

    @Test
    void fetchAndExtract_unsupportedIntegrity_saysWhichAreSupported() {
        byte[] tarball = TestData.tarGz(List.of(TarItem.file("package/lib/a.so", new byte[] {1})));

        assertThatThrownBy(() -> fetch(tarball, "md5-abc"))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("sha512, sha384 or sha256");
    }

    private Map<String, Long> fetch(byte[] tarball, String integrity) throws IOException {
        server.file(TARBALL, "application/octet-stream", tarball);
        return fetcher.fetchAndExtract(new NpmPackage("@acme/libs", "1.0.0", integrity), "package/lib",
                name -> true, target, ProgressListener.silent());
    }
}
