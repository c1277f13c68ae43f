package dev.garden.server;

import dev.garden.wire.openai.ChatCompletionChunk;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.ServerResponse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes a streamed answer as server-sent events, by hand, so that the bytes on the wire are exactly Garden's:
 * {@code data: <json>\n\n} per event, flushed one by one, ending with {@code data: [DONE]\n\n} or one
 * {@code data: {"error": ...}\n\n} event. See the
 * <a href="https://html.spec.whatwg.org/multipage/server-sent-events.html">SSE spec</a>; the OpenAI SDKs raise on a
 * {@code data:} object with an {@code error} key, which is why a failure mid-stream takes that form.
 */
final class SseChunkStream implements ChunkStream {
    private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END_OF_EVENT = "\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DONE = "[DONE]".getBytes(StandardCharsets.US_ASCII);

    private final ServerResponse response;
    private OutputStream out;
    private boolean ended;

    SseChunkStream(ServerResponse response) {
        this.response = response;
    }

    /** Whether the response is committed, so that a failure can only be an event. */
    boolean started() {
        return out != null;
    }

    @Override
    public void send(ChatCompletionChunk chunk) throws IOException {
        event(Json.write(chunk));
    }

    @Override
    public void fail(Throwable failure) throws IOException {
        event(Json.write(ErrorMapper.map(failure).body()));
        end();
    }

    @Override
    public void done() throws IOException {
        event(DONE);
        end();
    }

    private void event(byte[] data) throws IOException {
        if (ended) {
            throw new IllegalStateException("The stream has ended");
        }
        // One write per event, then a flush: each event leaves in its own HTTP chunk, as soon as it exists.
        ByteArrayOutputStream event = new ByteArrayOutputStream(data.length + DATA.length + END_OF_EVENT.length);
        event.writeBytes(DATA);
        event.writeBytes(data);
        event.writeBytes(END_OF_EVENT);
        try {
            if (out == null) {
                response.status(200);
                response.header(HeaderNames.CONTENT_TYPE, "text/event-stream");
                response.header(HeaderNames.CACHE_CONTROL, "no-cache");
                out = response.outputStream();
            }
            event.writeTo(out);
            out.flush();
        } catch (UncheckedIOException | CloseConnectionException e) {
            // Helidon reports a broken connection unchecked; to the stream it is the client going away.
            throw new IOException("The client went away", e);
        }
    }

    private void end() throws IOException {
        ended = true;
        try {
            out.close();
        } catch (UncheckedIOException | CloseConnectionException e) {
            throw new IOException("The client went away", e);
        }
    }
}
