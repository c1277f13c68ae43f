package dev.garden.gguf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.WritableByteChannel;

/** Floats, produced chunk by chunk and encoded to the tensor's type as they are written. */
final class EncodingTensorSource implements TensorSource {
    /** Elements per chunk: a multiple of every block size, small enough to stay in cache. */
    static final int CHUNK = 1 << 14;

    /** Fills {@code chunk[0..length)} with the elements from index {@code start}. */
    @FunctionalInterface
    interface Chunks {
        void fill(float[] chunk, int length, long start);
    }

    private final Chunks chunks;
    private final long expectedElements;

    /** @param expectedElements the element count the values allow, or -1 for any */
    EncodingTensorSource(Chunks chunks, long expectedElements) {
        this.chunks = chunks;
        this.expectedElements = expectedElements;
    }

    /** Whether this can write a tensor of {@code type}. */
    static boolean supports(GgmlType type) {
        return FloatEncoder.supports(type);
    }

    @Override
    public void writeTo(GgufTensorInfo tensor, WritableByteChannel out) throws IOException {
        long elements = tensor.elementCount();
        if (expectedElements >= 0 && expectedElements != elements) {
            throw new IllegalArgumentException(tensor.name() + ": " + expectedElements + " values for "
                    + elements + " elements");
        }
        GgmlType type = tensor.type();
        float[] chunk = new float[CHUNK];
        ByteBuffer bytes = ByteBuffer.allocateDirect((int) type.byteSize(CHUNK)).order(ByteOrder.LITTLE_ENDIAN);
        for (long start = 0; start < elements; start += CHUNK) {
            int length = (int) Math.min(CHUNK, elements - start);
            chunks.fill(chunk, length, start);
            bytes.clear();
            FloatEncoder.encode(type, chunk, length, bytes);
            bytes.flip();
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
        }
    }
}
