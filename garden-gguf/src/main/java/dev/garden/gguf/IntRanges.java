package dev.garden.gguf;

/** The range of each GGUF integer type, checked when a value is made so that it is never truncated on writing. */
final class IntRanges {
    private IntRanges() {
    }

    static void check(GgufValueType type, long value) {
        if (!contains(type, value)) {
            throw new IllegalArgumentException(value + " is out of range for " + type);
        }
    }

    static void checkAll(GgufValueType type, long[] values) {
        if (type == GgufValueType.UINT64 || type == GgufValueType.INT64) {
            return;
        }
        for (long value : values) {
            check(type, value);
        }
    }

    private static boolean contains(GgufValueType type, long value) {
        return switch (type) {
            case UINT8 -> value >= 0 && value <= 0xFF;
            case INT8 -> value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE;
            case UINT16 -> value >= 0 && value <= 0xFFFF;
            case INT16 -> value >= Short.MIN_VALUE && value <= Short.MAX_VALUE;
            case UINT32 -> value >= 0 && value <= 0xFFFF_FFFFL;
            case INT32 -> value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE;
            case UINT64, INT64 -> true;
            default -> throw new IllegalArgumentException(type + " is not an integer type");
        };
    }
}
