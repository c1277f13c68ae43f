package dev.garden.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.garden.core.ErrorKind;
import dev.garden.core.GardenException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The real server on an ephemeral port, driven with {@link HttpClient}. */
class GardenServerTest {
    /** A guard against a hung test, not a performance assertion. */
    private static final long TIMEOUT_SECONDS = 20;
    private static final String HELLO = "[{\"role\":\"user\",\"content\":\"Hello there world\"}]";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ScriptedRegistry registry = new ScriptedRegistry();
    private GardenServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
        client.close();
    }

    private GardenServer server() {
        if (server == null) {
            server = TestServers.start(registry);
        }
        return server;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server().port() + path);
    }

    private HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> chat(String body) throws Exception {
        return post(TestServers.CHAT_PATH, body);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode error(HttpResponse<String> response, int code, String status) throws IOException {
        assertThat(response.statusCode()).isEqualTo(code);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("error").get("code").asInt()).isEqualTo(code);
        assertThat(body.get("error").get("status").asText()).isEqualTo(status);
        return body.get("error");
    }

    @Test
    void post_echo_returnsChatCompletion() throws Exception {
        HttpResponse<String> response = chat("{\"model\":\"scripted/echo\",\"messages\":" + HELLO + "}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(response.body()).isEqualTo("""
                {"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"scripted/echo",\
                "choices":[{"index":0,"message":{"role":"assistant","content":"Hello there world","refusal":null},\
                "logprobs":null,"finish_reason":"stop"}],\
                "usage":{"prompt_tokens":3,"completion_tokens":3,"total_tokens":6,\
                "completion_tokens_details":{"reasoning_tokens":0}}}""");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/v1beta1/projects/p/locations/global/endpoints/openapi/chat/completions",
            "/v1/projects/my-project-123/locations/europe-west4/endpoints/openapi/chat/completions",
            "/v1/projects/42/locations/global/endpoints/openapi/chat/completions"})
    void post_otherVersionsProjectsAndLocations_work(String path) throws Exception {
        HttpResponse<String> response = post(path, "{\"model\":\"scripted/echo\",\"messages\":" + HELLO + "}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).get("object").asText()).isEqualTo("chat.completion");
    }

    @Test
    void post_malformedJson_returns400() throws Exception {
        JsonNode error = error(chat("{\"model\": \"scripted/echo\", \"messages\": ["), 400, "INVALID_ARGUMENT");

        assertThat(error.get("message").asText()).startsWith("Invalid JSON payload received. ");
    }

    @Test
    void post_wrongType_returns400NamingTheField() throws Exception {
        JsonNode error = error(chat("{\"model\":\"scripted/echo\",\"messages\":" + HELLO + ",\"temperature\":\"hot\"}"),
                400, "INVALID_ARGUMENT");

        assertThat(error.get("message").asText()).isEqualTo("Invalid value at 'temperature' (TYPE_DOUBLE), \"hot\"");
    }

    @Test
    void post_unknownModel_returns404ListingAvailableModels() throws Exception {
        JsonNode error = error(chat("{\"model\":\"acme/nope\",\"messages\":" + HELLO + "}"), 404, "NOT_FOUND");

        assertThat(error.get("message").asText()).contains("acme/nope", "scripted/echo", "scripted/slow");
    }

    @Test
    void post_busyModel_returns429WithRetryAfter() throws Exception {
        HttpResponse<String> response = chat("{\"model\":\"scripted/busy\",\"messages\":" + HELLO + "}");

        error(response, 429, "RESOURCE_EXHAUSTED");
        assertThat(response.headers().firstValue("Retry-After")).contains("2");
    }

    @Test
    void post_badPrompt_returns400WithBackendMessage() throws Exception {
        JsonNode error = error(chat("{\"model\":\"scripted/bad-prompt\",\"messages\":" + HELLO + "}"),
                400, "INVALID_ARGUMENT");

        assertThat(error.get("message").asText()).isEqualTo("The prompt is longer than the scripted model's context.");
    }

    @Test
    void post_crashingBackend_returns500WithoutLeakingDetails() throws Exception {
        HttpResponse<String> response = chat("{\"model\":\"scripted/crash\",\"messages\":" + HELLO + "}");

        JsonNode error = error(response, 500, "INTERNAL");
        assertThat(error.get("message").asText()).isEqualTo("Internal error encountered.");
        assertThat(response.body()).doesNotContain(ScriptedBackend.SECRET, "Exception", "at dev.");
    }

    @Test
    void post_streamFailingBeforeFirstEvent_returnsErrorStatusNotStream() throws Exception {
        HttpResponse<String> response = chat(
                "{\"model\":\"scripted/fail-early\",\"stream\":true,\"messages\":" + HELLO + "}");

        error(response, 503, "UNAVAILABLE");
    }

    @Test
    void post_streamWithAcceptJson_streamsAnyway() throws Exception {
        // Node's SDK sends Accept: application/json even when it streams.
        HttpResponse<String> response = post(TestServers.CHAT_PATH,
                "{\"model\":\"scripted/echo\",\"stream\":true,\"messages\":" + HELLO + "}",
                "Accept", "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("text/event-stream");
        assertThat(response.body()).endsWith("data: [DONE]\n\n");
    }

    @Test
    void post_concurrentRequests_eachGetsItsOwnAnswer() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> responses = IntStream.range(0, 8)
                .mapToObj(i -> client.sendAsync(HttpRequest.newBuilder(uri(TestServers.CHAT_PATH))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"scripted/echo\",\"stream\":" + (i % 2 == 0)
                                + ",\"messages\":[{\"role\":\"user\",\"content\":\"request " + i + "\"}]}"))
                        .build(), HttpResponse.BodyHandlers.ofString()))
                .toList();

        for (int i = 0; i < responses.size(); i++) {
            HttpResponse<String> response = responses.get(i).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains(i % 2 == 0
                    ? "{\"content\":\" " + i + "\"}" : "\"content\":\"request " + i + "\"");
        }
    }

    @Test
    void post_afterAClientError_connectionServesTheNextRequest() throws Exception {
        assertThat(chat("{").statusCode()).isEqualTo(400);

        assertThat(chat("{\"model\":\"scripted/echo\",\"messages\":" + HELLO + "}").statusCode()).isEqualTo(200);
    }

    @Test
    void get_healthz_returns200() throws Exception {
        HttpResponse<String> response = get("/healthz");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"ok\"}");
    }

    @Test
    void get_readyz_followsReadinessCheck() throws Exception {
        AtomicBoolean ready = new AtomicBoolean(false);
        server = TestServers.builder(registry).readiness(ready::get).build().start();

        JsonNode error = error(get("/readyz"), 503, "UNAVAILABLE");
        assertThat(error.get("message").asText()).isEqualTo("Garden is not ready to serve requests yet.");

        ready.set(true);
        assertThat(get("/readyz").statusCode()).isEqualTo(200);
    }

    @Test
    void get_readyz_whenCheckThrows_isNotReady() throws Exception {
        server = TestServers.builder(registry).readiness(() -> {
            throw new IllegalStateException("broken check");
        }).build().start();

        error(get("/readyz"), 503, "UNAVAILABLE");
    }

    @Test
    void get_chatCompletionsPath_returns405WithAllow() throws Exception {
        HttpResponse<String> response = get(TestServers.CHAT_PATH);

        JsonNode error = error(response, 405, "INVALID_ARGUMENT");
        assertThat(response.headers().firstValue("Allow")).contains("POST");
        assertThat(error.get("message").asText()).isEqualTo(
                "Method GET is not allowed for " + TestServers.CHAT_PATH + "; use POST.");
    }

    @Test
    void post_healthz_returns405() throws Exception {
        HttpResponse<String> response = post("/healthz", "{}");

        error(response, 405, "INVALID_ARGUMENT");
        assertThat(response.headers().firstValue("Allow")).contains("GET");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/v1/models", "/v2/projects/p/locations/global/endpoints/openapi/chat/completions",
            "/v1/projects/p/locations/global/endpoints/openapi/completions"})
    void get_unknownPath_returns404(String path) throws Exception {
        JsonNode error = error(get(path), 404, "NOT_FOUND");

        assertThat(error.get("message").asText()).isEqualTo("The requested URL " + path + " was not found on this server.");
    }

    @Test
    void post_authenticatorRefuses_returns401BeforeReadingTheBody() throws Exception {
        AtomicReference<RequestContext> seen = new AtomicReference<>();
        server = TestServers.builder(registry).authenticator(request -> {
            seen.set(request);
            throw GardenException.of(ErrorKind.UNAUTHENTICATED, "Request had invalid authentication credentials.");
        }).build().start();

        HttpResponse<String> response = post(
                "/v1beta1/projects/p1/locations/global/endpoints/openapi/chat/completions", "not even JSON",
                "Authorization", "Bearer t0ken");

        error(response, 401, "UNAUTHENTICATED");
        assertThat(seen.get().apiVersion()).isEqualTo("v1beta1");
        assertThat(seen.get().project()).isEqualTo("p1");
        assertThat(seen.get().location()).isEqualTo("global");
        assertThat(seen.get().header("authorization")).contains("Bearer t0ken");
        assertThat(seen.get().header("X-Absent")).isEmpty();
    }

    @Test
    void stop_withStreamRunning_cancelsTheGeneration() throws Exception {
        try (RawHttp http = RawHttp.connect(server().port())) {
            http.send(RawHttp.post(TestServers.CHAT_PATH,
                    "{\"model\":\"scripted/slow\",\"stream\":true,\"messages\":" + HELLO + "}"));
            assertThat(http.readHead().status()).isEqualTo(200);
            assertThat(http.readChunk()).isNotNull();

            server.stop();

            assertThat(registry.backend("scripted/slow").cancelled().await(TIMEOUT_SECONDS, TimeUnit.SECONDS))
                    .isTrue();
            assertThat(server.isRunning()).isFalse();
        }
    }

    @Test
    void disconnect_midStream_cancelsTheGeneration() throws Exception {
        try (RawHttp http = RawHttp.connect(server().port())) {
            http.send(RawHttp.post(TestServers.CHAT_PATH,
                    "{\"model\":\"scripted/slow\",\"stream\":true,\"messages\":" + HELLO + "}"));
            assertThat(http.readHead().status()).isEqualTo(200);
            assertThat(new String(http.readChunk())).contains("\"role\":\"assistant\"");
            assertThat(new String(http.readChunk())).contains("tick");
        }

        assertThat(registry.backend("scripted/slow").cancelled().await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(server.isRunning()).isTrue();
    }

    @Test
    void builder_withoutRegistry_fails() {
        org.assertj.core.api.Assertions.assertThatNullPointerException()
                .isThrownBy(() -> GardenServer.builder().build())
                .withMessageContaining("registry");
    }

    @Test
    void port_beforeStart_fails() {
        GardenServer notStarted = TestServers.builder(registry).build();

        org.assertj.core.api.Assertions.assertThatIllegalStateException().isThrownBy(notStarted::port);
    }

    @Test
    void start_twice_fails() {
        server();

        org.assertj.core.api.Assertions.assertThatIllegalStateException().isThrownBy(server::start);
    }
}
