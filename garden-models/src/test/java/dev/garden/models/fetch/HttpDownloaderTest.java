package dev.garden.models.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpDownloaderTest {

    private final HttpDownloader http = new HttpDownloader(3, Duration.ofMillis(1));
    private FakeServer server;

    @BeforeEach
    void startServer() {
        server = FakeServer.start();
        server.file("/file", "text/plain", "hello".getBytes(StandardCharsets.UTF_8));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void open_serverAnswers503Twice_triesAgainAndSucceeds() throws IOException {
        server.failFirst("/file", 2, 503);

        try (HttpDownloader.Body body = http.open(server.uri("/file"), Map.of())) {
            assertThat(body.text()).isEqualTo("hello");
            assertThat(body.contentLength()).isEqualTo(5);
        }
        assertThat(server.requests("/file")).isEqualTo(3);
    }

    @Test
    void open_serverKeepsAnswering503_givesUpAfterTheLastAttempt() {
        server.failFirst("/file", 10, 503);

        assertThatThrownBy(() -> http.open(server.uri("/file"), Map.of()))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("GET " + server.uri("/file"))
                .hasMessageContaining("HTTP 503: failing on purpose");
        assertThat(server.requests("/file")).isEqualTo(3);
    }

    @Test
    void open_serverAnswers404_failsAtOnceWithUrlAndStatus() {
        assertThatThrownBy(() -> http.open(server.uri("/missing"), Map.of()))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("GET " + server.uri("/missing") + " failed: HTTP 404")
                .satisfies(e -> assertThat(((FetchException) e).httpStatus()).hasValue(404));
        assertThat(server.requests("/missing")).isEqualTo(1);
    }

    @Test
    void open_nothingListening_triesAgainThenSaysItCannotConnect() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        assertThatThrownBy(() -> http.open(URI.create("http://127.0.0.1:" + port + "/x"), Map.of()))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("cannot connect")
                .hasMessageContaining("tried 3 times");
    }

    @Test
    void open_headers_areSent() {
        http.open(server.uri("/file"), Map.of("Authorization", "Bearer t")).close();

        assertThat(server.authorizations("/file")).containsExactly("Bearer t");
    }
}
