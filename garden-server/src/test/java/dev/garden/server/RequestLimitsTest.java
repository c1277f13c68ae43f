package dev.garden.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Body limits and HTTP-level errors, through raw sockets where the framing matters. */
class RequestLimitsTest {
    private static final String TOO_LARGE_20_MIB = """
            {"error":{"code":413,"message":"Request payload size exceeds the limit: 20971520 bytes.",\
            "status":"INVALID_ARGUMENT"}}""";
    private static final String VALID = """
            {"model":"scripted/echo","messages":[{"role":"user","content":"Hi"}]}""";

    private final ScriptedRegistry registry = new ScriptedRegistry();
    private GardenServer server;

    @AfterEach
    void stop() {
        server.stop();
    }

    private GardenServer start(long maxRequestBytes) {
        server = TestServers.builder(registry).maxRequestBytes(maxRequestBytes).build().start();
        return server;
    }

    @Test
    void post_hugeContentLength_answers413WithoutWaitingForTheBody() throws IOException {
        server = TestServers.start(registry);
        try (RawHttp http = RawHttp.connect(server.port())) {
            // Declares 1 GiB, sends a few bytes, then waits: only a server that decides from the header answers.
            http.send("POST " + TestServers.CHAT_PATH + " HTTP/1.1\r\n"
                      + "Host: localhost\r\n"
                      + "Content-Type: application/json\r\n"
                      + "Content-Length: 1073741824\r\n"
                      + "\r\n"
                      + "{\"model\":");

            RawHttp.Response response = http.readResponse();

            assertThat(response.status()).isEqualTo(413);
            assertThat(response.header("Content-Type")).isEqualTo("application/json");
            assertThat(response.header("Connection")).isEqualTo("close");
            assertThat(response.body()).isEqualTo(TOO_LARGE_20_MIB);
            assertThat(http.closedByServer()).isTrue();
        }
    }

    @Test
    void post_oversizedBodyHidingARequest_neverServesTheHiddenRequest() throws IOException {
        server = TestServers.start(registry);
        try (RawHttp http = RawHttp.connect(server.port())) {
            // The unread body must not be parsed as the connection's next request.
            http.send("POST " + TestServers.CHAT_PATH + " HTTP/1.1\r\n"
                      + "Host: localhost\r\n"
                      + "Content-Length: 1073741824\r\n"
                      + "\r\n"
                      + "GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n");

            assertThat(http.readResponse().status()).isEqualTo(413);
            assertThat(http.closedByServer()).isTrue();
        }
    }

    @Test
    void post_hugeContentLengthExpectingContinue_answers413InsteadOf100() throws IOException {
        server = TestServers.start(registry);
        try (RawHttp http = RawHttp.connect(server.port())) {
            http.send("POST " + TestServers.CHAT_PATH + " HTTP/1.1\r\n"
                      + "Host: localhost\r\n"
                      + "Content-Length: 1073741824\r\n"
                      + "Expect: 100-continue\r\n"
                      + "\r\n");

            assertThat(http.readResponse().status()).isEqualTo(413);
        }
    }

    @Test
    void post_chunkedBodyOverLimit_answers413OnceTheLimitIsPassed() throws IOException {
        start(1024);
        try (RawHttp http = RawHttp.connect(server.port())) {
            // Two 1000-byte chunks and no last chunk: the answer must come from counting, not from the end.
            String chunk = Integer.toHexString(1000) + "\r\n" + " ".repeat(1000) + "\r\n";
            http.send("POST " + TestServers.CHAT_PATH + " HTTP/1.1\r\n"
                      + "Host: localhost\r\n"
                      + "Content-Type: application/json\r\n"
                      + "Transfer-Encoding: chunked\r\n"
                      + "\r\n"
                      + chunk + chunk);

            RawHttp.Response response = http.readResponse();

            assertThat(response.status()).isEqualTo(413);
            assertThat(response.header("Connection")).isEqualTo("close");
            assertThat(new ObjectMapper().readTree(response.body()).get("error").get("message").asText())
                    .isEqualTo("Request payload size exceeds the limit: 1024 bytes.");
            assertThat(http.closedByServer()).isTrue();
        }
    }

    @Test
    void post_chunkedBodyUnderLimit_isServed() throws IOException {
        start(1024);
        byte[] body = VALID.getBytes(StandardCharsets.UTF_8);
        try (RawHttp http = RawHttp.connect(server.port())) {
            http.send("POST " + TestServers.CHAT_PATH + " HTTP/1.1\r\n"
                      + "Host: localhost\r\n"
                      + "Transfer-Encoding: chunked\r\n"
                      + "Connection: close\r\n"
                      + "\r\n"
                      + Integer.toHexString(10) + "\r\n" + VALID.substring(0, 10) + "\r\n"
                      + Integer.toHexString(body.length - 10) + "\r\n" + VALID.substring(10) + "\r\n"
                      + "0\r\n\r\n");

            assertThat(http.readResponse().status()).isEqualTo(200);
        }
    }

    @Test
    void post_bodyExactlyAtLimit_isServedAndOneByteMoreIsNot() throws Exception {
        int length = VALID.getBytes(StandardCharsets.UTF_8).length;
        start(length);
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            URI uri = URI.create("http://127.0.0.1:" + server.port() + TestServers.CHAT_PATH);

            HttpResponse<String> atLimit = client.send(HttpRequest.newBuilder(uri)
                    .POST(HttpRequest.BodyPublishers.ofString(VALID)).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> overLimit = client.send(HttpRequest.newBuilder(uri)
                    .POST(HttpRequest.BodyPublishers.ofString(VALID + " ")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(atLimit.statusCode()).isEqualTo(200);
            assertThat(overLimit.statusCode()).isEqualTo(413);
            assertThat(overLimit.body()).contains("Request payload size exceeds the limit: " + length + " bytes.");
        }
    }

    @Test
    void get_withConnectionClose_serverClosesAfterTheResponse() throws IOException {
        server = TestServers.start(registry);
        try (RawHttp http = RawHttp.connect(server.port())) {
            http.send("GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

            assertThat(http.readResponse().status()).isEqualTo(200);
            assertThat(http.closedByServer()).isTrue();
        }
    }

    @Test
    void get_keepAlive_servesSeveralRequestsOnOneConnection() throws IOException {
        server = TestServers.start(registry);
        try (RawHttp http = RawHttp.connect(server.port())) {
            for (int i = 0; i < 3; i++) {
                http.send("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n");
                assertThat(http.readResponse().body()).isEqualTo("{\"status\":\"ok\"}");
            }
        }
    }

    @Test
    void garbageRequestLine_answers400InGoogleShape() throws IOException {
        server = TestServers.start(registry);
        try (RawHttp http = RawHttp.connect(server.port())) {
            http.send("NONSENSE\r\n\r\n");

            RawHttp.Response response = http.readResponse();

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.header("Content-Type")).isEqualTo("application/json");
            assertThat(new ObjectMapper().readTree(response.body()).get("error").get("status").asText())
                    .isEqualTo("INVALID_ARGUMENT");
        }
    }

    @Test
    void nonNumericContentLength_answers400InGoogleShape() throws IOException {
        server = TestServers.start(registry);
        try (RawHttp http = RawHttp.connect(server.port())) {
            http.send("POST " + TestServers.CHAT_PATH + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: ten\r\n\r\n");

            RawHttp.Response response = http.readResponse();

            assertThat(response.status()).isEqualTo(400);
            assertThat(new ObjectMapper().readTree(response.body()).get("error").get("code").asInt()).isEqualTo(400);
        }
    }

    @Test
    void malformedChunkedBody_answers400InGoogleShape() throws IOException {
        server = TestServers.start(registry);
        try (RawHttp http = RawHttp.connect(server.port())) {
            http.send("POST " + TestServers.CHAT_PATH + " HTTP/1.1\r\nHost: localhost\r\n"
                      + "Transfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n");

            RawHttp.Response response = http.readResponse();

            assertThat(response.status()).isEqualTo(400);
            assertThat(new ObjectMapper().readTree(response.body()).get("error").get("status").asText())
                    .isEqualTo("INVALID_ARGUMENT");
        }
    }
}
