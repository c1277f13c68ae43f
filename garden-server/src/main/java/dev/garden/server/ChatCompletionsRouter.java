package dev.garden.server;

import dev.garden.wire.openai.ChatCompletionRequest;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.IOException;
import java.util.Objects;

/**
 * The HTTP binding of
 * {@code POST /{v1|v1beta1}/projects/{project}/locations/{location}/endpoints/openapi/chat/completions}:
 * authenticates, reads the body under the size limit, parses it, hands it to {@link ChatCompletionsServing}, and
 * writes the answer as JSON or as server-sent events.
 *
 * <p>Streaming is decided by {@code "stream": true} in the body alone: Node's SDK sends
 * {@code Accept: application/json} even when it streams.
 */
final class ChatCompletionsRouter {
    private final ChatCompletionsServing serving;
    private final Authenticator authenticator;
    private final long maxRequestBytes;

    ChatCompletionsRouter(ChatCompletionsServing serving, Authenticator authenticator, long maxRequestBytes) {
        this.serving = Objects.requireNonNull(serving, "serving");
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.maxRequestBytes = maxRequestBytes;
    }

    /** Serves one request sent to the given API version. */
    void handle(String apiVersion, ServerRequest request, ServerResponse response) {
        SseChunkStream stream = null;
        try {
            var path = request.path().pathParameters();
            authenticator.authenticate(RequestContext.chatCompletions(apiVersion, path.get("project"),
                    path.get("location"), "openapi", name -> request.headers().first(HeaderNames.create(name))));
            ChatCompletionRequest chat = ChatCompletionRequestParser.parse(
                    RequestBodies.read(request, maxRequestBytes));
            if (Boolean.TRUE.equals(chat.stream())) {
                stream = new SseChunkStream(response);
                serving.stream(chat, stream);
            } else {
                HttpResponses.json(response, 200, serving.complete(chat));
            }
        } catch (RuntimeException e) {
            if (stream != null && stream.started()) {
                // Serving turns its own failures into the stream's last event; this is for anything that escaped.
                failStream(stream, e);
            } else {
                HttpResponses.failure(request, response, ErrorMapper.map(e));
            }
        }
    }

    private static void failStream(SseChunkStream stream, RuntimeException failure) {
        try {
            stream.fail(failure);
        } catch (IOException | RuntimeException ignored) {
            // The client is gone, or the stream already ended: there is no one left to tell.
        }
    }
}
