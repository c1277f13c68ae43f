package dev.garden.gguf;

/**
 * The type of a metadata value, with the id GGUF stores for it.
 *
 * @see <a href="https://github.com/ggml-org/ggml/blob/master/docs/gguf.md#file-structure">GGUF:
 *         gguf_metadata_value_type</a>
 */
public enum GgufValueType {
    /** Unsigned 8-bit integer. */
    UINT8(0, 1),
    /** Signed 8-bit integer. */
    INT8(1, 1),
    /** Unsigned 16-bit integer. */
    UINT16(2, 2),
    /** Signed 16-bit integer. */
    INT16(3, 2),
    /** Unsigned 32-bit integer. */
    UINT32(4, 4),
    /** Signed 32-bit integer. */
    INT32(5, 4),
    /** IEEE 754 single precision. */
    FLOAT32(6, 4),
    /** One byte, 0 or 1. */
    BOOL(7, 1),
    /** UTF-8 bytes after a {@code uint64} length. */
    STRING(8, 0),
    /** An element type, a {@code uint64} count and the elements. */
    ARRAY(9, 0),
    /** Unsigned 64-bit integer. */
    UINT64(10, 8),
    /** Signed 64-bit integer. */
    INT64(11, 8),
    /** IEEE 754 double precision. */
    FLOAT64(12, 8);

    private static final GgufValueType[] BY_ID = values();

    private final int id;
    private final int size;

    GgufValueType(int id, int size) {
        this.id = id;
        this.size = size;
    }

    /** The id stored in the file. */
    public int id() {
        return id;
    }

    /** Whether values of this type are integers, {@link GgufValue.IntValue}. */
    public boolean isInteger() {
        return switch (this) {
            case UINT8, INT8, UINT16, INT16, UINT32, INT32, UINT64, INT64 -> true;
            default -> false;
        };
    }

    /** Whether values of this type are floating point, {@link GgufValue.FloatValue}. */
    public boolean isFloat() {
        return this == FLOAT32 || this == FLOAT64;
    }

    /** The bytes one value takes in a file; 0 for the variable-length {@link #STRING} and {@link #ARRAY}. */
    int size() {
        return size;
    }

    /**
     * The type with this id.
     *
     * @throws IllegalArgumentException when no type has it
     */
    public static GgufValueType ofId(int id) {
        // The ids are 0..12 in declaration order.
        if (id < 0 || id >= BY_ID.length) {
            throw new IllegalArgumentException("unknown GGUF value type " + Integer.toUnsignedString(id));
        }
        return BY_ID[id];
    }
}
