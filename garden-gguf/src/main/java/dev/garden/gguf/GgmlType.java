package dev.garden.gguf;

/**
 * The element type of a tensor, with ggml's id, block size (elements per block) and block size in bytes.
 *
 * <p>Quantized types store blocks of elements; a tensor's first dimension must be a whole number of blocks.
 * Ids and sizes are ggml's, as llama.cpp's {@code gguf-py/gguf/constants.py} lists them
 * ({@code GGMLQuantizationType}, {@code GGML_QUANT_SIZES}).
 */
public enum GgmlType {
    /** 32-bit float. */
    F32(0, 1, 4),
    /** IEEE 754 half precision. */
    F16(1, 1, 2),
    /** Blocks of 32 4-bit values and an F16 scale. */
    Q4_0(2, 32, 2 + 16),
    /** Blocks of 32 4-bit values, an F16 scale and an F16 minimum. */
    Q4_1(3, 32, 2 + 2 + 16),
    /** Blocks of 32 5-bit values and an F16 scale. */
    Q5_0(6, 32, 2 + 4 + 16),
    /** Blocks of 32 5-bit values, an F16 scale and an F16 minimum. */
    Q5_1(7, 32, 2 + 2 + 4 + 16),
    /** Blocks of 32 signed bytes and an F16 scale: {@code x = d * q}. */
    Q8_0(8, 32, 2 + 32),
    /** Blocks of 32 signed bytes, an F16 scale and an F16 sum. */
    Q8_1(9, 32, 2 + 2 + 32),
    /** K-quant, 2 bits. */
    Q2_K(10, 256, 2 + 2 + 256 / 16 + 256 / 4),
    /** K-quant, 3 bits. */
    Q3_K(11, 256, 2 + 256 / 4 + 256 / 8 + 12),
    /** K-quant, 4 bits. */
    Q4_K(12, 256, 2 + 2 + 256 / 2 + 12),
    /** K-quant, 5 bits. */
    Q5_K(13, 256, 2 + 2 + 256 / 2 + 256 / 8 + 12),
    /** K-quant, 6 bits. */
    Q6_K(14, 256, 2 + 256 / 2 + 256 / 4 + 256 / 16),
    /** K-quant, 8 bits (intermediate results). */
    Q8_K(15, 256, 4 + 256 + 256 / 8),
    /** I-quant. */
    IQ2_XXS(16, 256, 2 + 256 / 4),
    /** I-quant. */
    IQ2_XS(17, 256, 2 + 256 / 4 + 256 / 32),
    /** I-quant. */
    IQ3_XXS(18, 256, 2 + 256 / 4 + 256 / 8),
    /** I-quant. */
    IQ1_S(19, 256, 2 + 256 / 8 + 256 / 16),
    /** I-quant, non-linear 4 bits. */
    IQ4_NL(20, 32, 2 + 16),
    /** I-quant. */
    IQ3_S(21, 256, 2 + 256 / 4 + 256 / 8 + 256 / 32 + 4),
    /** I-quant. */
    IQ2_S(22, 256, 2 + 256 / 4 + 256 / 16),
    /** I-quant. */
    IQ4_XS(23, 256, 2 + 2 + 256 / 2 + 256 / 64),
    /** 8-bit integer. */
    I8(24, 1, 1),
    /** 16-bit integer. */
    I16(25, 1, 2),
    /** 32-bit integer. */
    I32(26, 1, 4),
    /** 64-bit integer. */
    I64(27, 1, 8),
    /** 64-bit float. */
    F64(28, 1, 8),
    /** I-quant. */
    IQ1_M(29, 256, 256 / 8 + 256 / 16 + 256 / 32),
    /** bfloat16: the upper half of an F32. */
    BF16(30, 1, 2),
    /** Ternary. */
    TQ1_0(34, 256, 2 + 4 * 13),
    /** Ternary. */
    TQ2_0(35, 256, 2 + 64),
    /** Microscaling FP4. */
    MXFP4(39, 32, 1 + 16),
    /** NVIDIA FP4. */
    NVFP4(40, 64, 4 + 32),
    /** 1-bit. */
    Q1_0(41, 128, 2 + 16),
    /** 2-bit. */
    Q2_0(42, 64, 2 + 16);

    private final int id;
    private final int blockSize;
    private final int blockBytes;

    GgmlType(int id, int blockSize, int blockBytes) {
        this.id = id;
        this.blockSize = blockSize;
        this.blockBytes = blockBytes;
    }

    /** ggml's id, stored in tensor infos. */
    public int id() {
        return id;
    }

    /** Elements per block: 1 for the plain types. */
    public int blockSize() {
        return blockSize;
    }

    /** Bytes per block. */
    public int blockBytes() {
        return blockBytes;
    }

    /**
     * The bytes {@code elements} elements take.
     *
     * @throws IllegalArgumentException when {@code elements} is not a whole number of blocks
     */
    public long byteSize(long elements) {
        if (elements % blockSize != 0) {
            throw new IllegalArgumentException(this + " stores blocks of " + blockSize + " elements, not " + elements);
        }
        return Math.multiplyExact(elements / blockSize, (long) blockBytes);
    }

    /**
     * The type with this id.
     *
     * @throws IllegalArgumentException when ggml has no such type (or has removed it)
     */
    public static GgmlType ofId(int id) {
        for (GgmlType type : values()) {
            if (type.id == id) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown ggml type " + Integer.toUnsignedString(id));
    }
}
