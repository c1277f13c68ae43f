package dev.garden.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real server and engine at their limits: one slot and no queue, so a second request while one generates is
 * refused with 429 and {@code Retry-After}; a client that walks away mid-stream frees the slot for the next one.
 */
class CapacityTest {
    static final String MODEL = TestGardens.MODEL;
    static final ObjectMapper JSON = new ObjectMapper();

    static GardenApp garden;
    static HttpClient http;

    static String token;

    @BeforeAll
    static void start() throws Exception {
        garden = TestGardens.start(TestGardens.engine(1, 0), java.time.Clock.systemUTC());
        var credentials = TestGardens.adminCredentials(garden)
                .createScoped(List.of("https://www.googleapis.com/auth/cloud-platform"));
        token = credentials.refreshAccessToken().getTokenValue();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterAll
    static void stop() {
        if (garden != null) {
            garden.close();
        }
    }

    static HttpRequest chat(boolean stream, int maxTokens) {
        String body = "{\"model\":\"" + MODEL + "\",\"stream\":" + stream + ",\"max_tokens\":" + maxTokens
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"Write a very long essay about gardens.\"}]}";
        return HttpRequest.newBuilder(URI.create(TestGardens.baseUrl(garden, TestGardens.PROJECT)
                        + "/chat/completions"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    @Test
    void secondRequestWhileTheOnlySlotIsBusy_is429WithRetryAfter_andAnAbandonedStreamFreesTheSlot()
            throws Exception {
        HttpResponse<InputStream> first = http.send(chat(true, 3000), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(first.statusCode()).isEqualTo(200);
        BufferedReader events = new BufferedReader(new InputStreamReader(first.body(), StandardCharsets.UTF_8));
        assertThat(events.readLine()).startsWith("data: {");

        HttpResponse<String> refused = http.send(chat(false, 8), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).contains("2");
        JsonNode error = JSON.readTree(refused.body()).path("error");
        assertThat(error.path("code").asInt()).isEqualTo(429);
        assertThat(error.path("status").asText()).isEqualTo("RESOURCE_EXHAUSTED");

        // Walk away mid-stream: the server notices at its next write and cancels the generation.
        first.body().close();

        HttpResponse<String> after = null;
        for (int attempt = 0; attempt < 100; attempt++) {
            after = http.send(chat(false, 8), HttpResponse.BodyHandlers.ofString());
            if (after.statusCode() != 429) {
                break;
            }
            Thread.sleep(100); // the cancel lands at the engine's next step, within milliseconds
        }
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(after.body()).path("usage").path("completion_tokens").asInt()).isPositive();
    }
}
