package dev.garden.llama;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

/**
 * Reads tokens' bytes through one reusable native buffer: the engine thread's detokenizer, which runs once per
 * generated token and should not allocate native memory each time.
 */
public final class TokenPieces implements AutoCloseable {
    private final LlamaModel model;
    private final Arena arena = Arena.ofShared();
    private MemorySegment buffer;

    /** A reader for a model's tokens. */
    public TokenPieces(LlamaModel model) {
        this.model = model;
        this.buffer = arena.allocate(256);
    }

    /** The bytes generation shows for a token (control tokens show nothing). */
    public byte[] read(int token) {
        int n = model.tokenToPiece(token, buffer);
        if (n < 0) {
            buffer = arena.allocate(-n);
            n = model.tokenToPiece(token, buffer);
        }
        return buffer.asSlice(0, n).toArray(JAVA_BYTE);
    }

    @Override
    public void close() {
        arena.close();
    }
}
