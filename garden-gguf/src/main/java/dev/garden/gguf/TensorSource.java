package dev.garden.gguf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.Arrays;
import java.util.Objects;

/**
 * Where a tensor's data comes from when a {@link GgufWriter} writes it: called once, in tensor order, to write
 * exactly {@link GgufTensorInfo#byteSize()} bytes. Nothing need be held in memory beyond what the source
 * chooses to buffer, so files of many gigabytes are written in constant memory.
 *
 * <p>Write raw bytes already in ggml's layout with a lambda, or let the writer encode floats to the tensor's type
 * with {@link #ofFloats(float[])} or {@link #generated(FloatFiller)}; those encode to
 * {@link GgmlType#F32}, {@link GgmlType#F16}, {@link GgmlType#BF16} and {@link GgmlType#Q8_0}.
 */
@FunctionalInterface
public interface TensorSource {

    /**
     * Writes the tensor's data, little-endian, in ggml's layout: rows of {@code shape[0]} elements, one after the
     * other, each row a whole number of {@code tensor.type()} blocks.
     *
     * @param tensor what is being written: name, shape, type, and the bytes expected
     * @param out    where to write exactly {@code tensor.byteSize()} bytes; the writer adds the padding
     * @throws IOException when writing fails
     */
    void writeTo(GgufTensorInfo tensor, WritableByteChannel out) throws IOException;

    /** Fills floats chunk by chunk; see {@link #generated(FloatFiller)}. */
    @FunctionalInterface
    interface FloatFiller {
        /**
         * Puts the next {@code length} values of the tensor, in order, into {@code chunk[0..length)}.
         *
         * @param chunk  the array to fill, reused between calls
         * @param length how many values to put; a whole number of blocks of the tensor's type
         */
        void fill(float[] chunk, int length);
    }

    /**
     * Bytes already in the tensor's type and layout, written as they are (not copied: do not change them before
     * the file is written).
     */
    static TensorSource ofBytes(byte[] data) {
        Objects.requireNonNull(data, "data");
        return (tensor, out) -> {
            ByteBuffer buffer = ByteBuffer.wrap(data);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
        };
    }

    /**
     * Values held in memory, encoded to the tensor's type (not copied: do not change them before the file is
     * written). The array's length must be the tensor's element count.
     */
    static TensorSource ofFloats(float[] values) {
        Objects.requireNonNull(values, "values");
        return new EncodingTensorSource((chunk, length, start) -> System.arraycopy(values, (int) start, chunk, 0,
                length), values.length);
    }

    /**
     * Values made as they are written, chunk by chunk, in order, and encoded to the tensor's type: for tensors too
     * large to hold, such as a model's random weights.
     */
    static TensorSource generated(FloatFiller filler) {
        Objects.requireNonNull(filler, "filler");
        return new EncodingTensorSource((chunk, length, start) -> filler.fill(chunk, length), -1);
    }

    /** Every element {@code value}, encoded to the tensor's type: a norm's weights of 1.0, say. */
    static TensorSource constant(float value) {
        return generated((chunk, length) -> Arrays.fill(chunk, 0, length, value));
    }
}
