package dev.garden.server;

import dev.garden.wire.openai.ChatCompletionChunk;

import java.io.IOException;

/**
 * Where a streamed answer goes, one event at a time. The HTTP layer implements it with server-sent events; the
 * serving layer decides what to send. An {@link IOException} from any method means the client went away.
 */
interface ChunkStream {

    /** Sends one chunk (the first one also commits the response). */
    void send(ChatCompletionChunk chunk) throws IOException;

    /** Sends the failure as the stream's last event, {@code data: {"error": ...}}, and ends the stream. */
    void fail(Throwable failure) throws IOException;

    /** Sends {@code data: [DONE]} and ends the stream. */
    void done() throws IOException;
}
