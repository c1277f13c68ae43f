package dev.garden.models.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.garden.models.HuggingFaceSource;
import dev.garden.models.ModelSource;
import dev.garden.models.ModelSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HuggingFaceFetcherTest {

    private static final String RESOLVE = "/hf/Acme/Tiny-GGUF/resolve/main/tiny-q8_0.gguf";

    @TempDir
    Path cache;

    private FakeServer hub;
    private FakeServer cdn;
    private final byte[] model = TestData.gguf(120_000, 3);

    @BeforeEach
    void startServers() {
        hub = FakeServer.start();
        cdn = FakeServer.start();
    }

    @AfterEach
    void stopServers() {
        hub.close();
        cdn.close();
    }

    @Test
    void fetch_withToken_sendsBearerAndFollowsRedirectOnTheSameHost() throws IOException {
        hub.file("/blobs/tiny", "application/octet-stream", model);
        hub.route(RESOLVE, redirectTo(hub.uri("/blobs/tiny").toString()));

        Path path = store(Optional.of("hf_secret")).fetch(spec("hf://Acme/Tiny-GGUF/tiny-q8_0.gguf"),
                ProgressListener.silent());

        assertThat(Files.readAllBytes(path)).isEqualTo(model);
        assertThat(hub.authorizations(RESOLVE)).containsExactly("Bearer hf_secret");
        assertThat(hub.authorizations("/blobs/tiny")).containsExactly("Bearer hf_secret");
    }

    @Test
    void fetch_redirectToAnotherHost_doesNotLeakTheToken() throws IOException {
        cdn.file("/xet/tiny", "application/octet-stream", model);
        hub.route(RESOLVE, redirectTo(cdn.uri("/xet/tiny?signature=abc").toString()));

        Path path = store(Optional.of("hf_secret")).fetch(spec("hf://Acme/Tiny-GGUF/tiny-q8_0.gguf"),
                ProgressListener.silent());

        assertThat(Files.readAllBytes(path)).isEqualTo(model);
        assertThat(hub.authorizations(RESOLVE)).containsExactly("Bearer hf_secret");
        assertThat(cdn.authorizations("/xet/tiny")).containsExactly("");
    }

    @Test
    void fetch_withoutToken_sendsNoAuthorization() {
        hub.file(RESOLVE, "application/octet-stream", model);

        store(Optional.empty()).fetch(spec("hf://Acme/Tiny-GGUF/tiny-q8_0.gguf"), ProgressListener.silent());

        assertThat(hub.authorizations(RESOLVE)).containsExactly("");
    }

    @Test
    void fetch_gatedRepositoryWithoutToken_saysToSetHfToken() {
        hub.route(RESOLVE, exchange -> FakeServer.send(exchange, 401, "application/json",
                "{\"error\":\"Access to model Acme/Tiny-GGUF is restricted.\"}".getBytes()));

        assertThatThrownBy(() -> store(Optional.empty()).fetch(spec("hf://Acme/Tiny-GGUF/tiny-q8_0.gguf"),
                ProgressListener.silent()))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining(hub.uri(RESOLVE).toString())
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining("is restricted")
                .hasMessageContaining("set HF_TOKEN");
    }

    @Test
    void resolveUri_revisionAndNestedPath_encodesEachSegment() {
        HuggingFaceFetcher fetcher = new HuggingFaceFetcher(new HttpDownloader(1, Duration.ZERO),
                hub.uri("/hf"), Optional.empty());
        HuggingFaceSource source = (HuggingFaceSource) ModelSource.parse(
                "hf://Acme/Tiny-GGUF@refs%2Fpr%2F1/q4 k m/tiny.gguf", Optional.empty());

        assertThat(fetcher.resolveUri(source))
                .hasToString(hub.uri("/hf") + "/Acme/Tiny-GGUF/resolve/refs%2Fpr%2F1/q4%20k%20m/tiny.gguf");
    }

    private ModelStore store(Optional<String> token) {
        FetchConfig config = new FetchConfig(hub.uri("/simple"), hub.uri("/hf"), token, hub.uri("/npm"),
                Optional.empty());
        return new ModelStore(cache, config, new HttpDownloader(2, Duration.ofMillis(1)));
    }

    private ModelSpec spec(String source) {
        return ModelStoreTest.spec(TestData.sha256(model), ModelSource.parse(source, Optional.empty()));
    }

    private static com.sun.net.httpserver.HttpHandler redirectTo(String location) {
        return exchange -> {
            exchange.getResponseHeaders().set("Location", location);
            exchange.sendResponseHeaders(302, -1);
        };
    }
}
