package dev.garden.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden SSE transcripts, checked byte for byte through a raw socket: a fixed clock and sequential ids make every
 * stream reproducible. Run with {@code -Dgarden.golden.update=true} to rewrite the goldens after a deliberate
 * change (then review the diff).
 */
class SseGoldenTest {
    private final ScriptedRegistry registry = new ScriptedRegistry();
    private GardenServer server;

    @BeforeEach
    void start() {
        server = TestServers.start(registry);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            plain           | {"model":"scripted/echo","stream":true,"messages":[{"role":"user","content":"Hello there world"}]}
            include-usage   | {"model":"scripted/echo","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"Hello there world"}]}
            n2              | {"model":"scripted/echo","stream":true,"n":2,"messages":[{"role":"user","content":"Hi there"}]}
            stop            | {"model":"scripted/echo","stream":true,"stop":"world","messages":[{"role":"user","content":"Hello there world"}]}
            length          | {"model":"scripted/echo","stream":true,"max_tokens":2,"messages":[{"role":"user","content":"Hello there world"}]}
            midstream-error | {"model":"scripted/fail-midstream","stream":true,"messages":[{"role":"user","content":"Hi"}]}
            interleaved     | {"model":"scripted/two-choices","stream":true,"n":2,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"Hi"}]}
            reasoning       | {"model":"scripted/reasoner","stream":true,"stream_options":{"include_usage":true},"extra_body":{"google":{"thinking_config":{"include_thoughts":true}}},"messages":[{"role":"user","content":"Hi"}]}
            reasoning-hidden | {"model":"scripted/reasoner","stream":true,"stream_options":{"include_usage":true},"reasoning_effort":"low","messages":[{"role":"user","content":"Hi"}]}
            tool-call       | {"model":"scripted/tool-call","stream":true,"google":{"thinking_config":{"thinking_budget":-1,"include_thoughts":true}},"tools":[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object","properties":{"city":{"type":"string"}}}}}],"messages":[{"role":"user","content":"Weather in Paris?"}]}
            parallel-tools  | {"model":"scripted/parallel-tools","stream":true,"stream_options":{"include_usage":true},"tools":[{"type":"function","function":{"name":"get_weather"}},{"type":"function","function":{"name":"get_time"}}],"messages":[{"role":"user","content":"Weather and time in Paris?"}]}
            """)
    void stream_scriptedModel_matchesGoldenTranscript(String golden, String request) throws IOException {
        RawHttp.Response response;
        try (RawHttp http = RawHttp.connect(server.port())) {
            response = http.send(RawHttp.post(TestServers.CHAT_PATH, request)).readResponse();
            assertThat(http.closedByServer()).as("closed after the last chunk, as the request asked").isTrue();
        }

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("text/event-stream");
        assertThat(response.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(response.header("Transfer-Encoding")).isEqualTo("chunked");
        // Flushed after each event: every HTTP chunk is exactly one event.
        assertThat(response.chunkTexts()).allSatisfy(chunk -> {
            assertThat(chunk).startsWith("data: ").endsWith("\n\n");
            assertThat(chunk.split("\n\n", -1)).hasSize(2);
        });
        assertThat(response.body()).isEqualTo(golden(golden, response.body()));
    }

    private static String golden(String name, String actual) throws IOException {
        String resource = "/golden/" + name + ".sse";
        if (Boolean.getBoolean("garden.golden.update")) {
            Files.writeString(Path.of("src/test/resources" + resource), actual, StandardCharsets.UTF_8);
            return actual;
        }
        try (InputStream in = SseGoldenTest.class.getResourceAsStream(resource)) {
            assertThat(in).as("golden %s", resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
