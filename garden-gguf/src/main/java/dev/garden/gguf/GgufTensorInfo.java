package dev.garden.gguf;

import java.util.List;
import java.util.Objects;

/**
 * A tensor as a GGUF file describes it, without its data.
 *
 * @param name   the tensor's name, such as {@code blk.0.attn_q.weight}
 * @param shape  the dimensions in ggml's order, {@code ne[0]} first: the fastest-varying one, the length of a row.
 *               A llama token embedding of {@code n_vocab} rows of {@code n_embd} is {@code [n_embd, n_vocab]}.
 * @param type   the element type
 * @param offset where the data starts, relative to the file's data section ({@link GgufFile#dataOffset()})
 */
public record GgufTensorInfo(String name, List<Long> shape, GgmlType type, long offset) {

    /** ggml's {@code GGML_MAX_DIMS}. */
    public static final int MAX_DIMENSIONS = 4;

    /**
     * @throws IllegalArgumentException when the shape has no dimension or more than {@value #MAX_DIMENSIONS}, a
     *                                  negative one, or a first dimension that is not a whole number of blocks
     */
    public GgufTensorInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        shape = List.copyOf(shape);
        if (shape.isEmpty() || shape.size() > MAX_DIMENSIONS) {
            throw new IllegalArgumentException(name + ": " + shape.size() + " dimensions, expected 1 to "
                    + MAX_DIMENSIONS);
        }
        long elements = 1;
        for (long dimension : shape) {
            if (dimension < 0) {
                throw new IllegalArgumentException(name + ": negative dimension in " + shape);
            }
            elements = Math.multiplyExact(elements, dimension);
        }
        // ggml stores quantized rows as whole blocks, so a row length must be a multiple of the block size.
        if (shape.getFirst() % type.blockSize() != 0) {
            throw new IllegalArgumentException(name + ": rows of " + shape.getFirst() + " are not whole " + type
                    + " blocks of " + type.blockSize());
        }
        if (offset < 0) {
            throw new IllegalArgumentException(name + ": negative offset " + offset);
        }
    }

    /** The number of elements: the product of the dimensions. */
    public long elementCount() {
        long elements = 1;
        for (long dimension : shape) {
            elements *= dimension;
        }
        return elements;
    }

    /** The bytes of data, without the padding that follows it in the file. */
    public long byteSize() {
        return type.byteSize(elementCount());
    }
}
