package dev.garden.gguf;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A metadata value with its GGUF type: an integer, a float, a boolean, a string, or an array of one of these.
 *
 * <p>The type is kept, not only the value, because llama.cpp reads keys strictly by type: a context length written
 * as {@code INT64} instead of {@code UINT32} makes it refuse the file. Values read from one file therefore copy into
 * another unchanged. GGUF allows arrays of arrays, but llama.cpp's reader refuses them, and so does this library.
 */
public sealed interface GgufValue
        permits GgufValue.IntValue, GgufValue.FloatValue, GgufValue.BoolValue, GgufValue.StringValue,
        GgufValue.ArrayValue {

    /** The type stored in the file: {@link GgufValueType#ARRAY} for arrays. */
    GgufValueType type();

    /**
     * An integer of one of the eight integer types. A {@code UINT64} above {@link Long#MAX_VALUE} is held as the
     * negative {@code long} with the same bits.
     *
     * @param type  an integer type
     * @param value the value, within the range of {@code type}
     */
    record IntValue(GgufValueType type, long value) implements GgufValue {
        /**
         * @throws IllegalArgumentException when {@code type} is not an integer type or {@code value} is out of its
         *                                  range
         */
        public IntValue {
            Objects.requireNonNull(type, "type");
            IntRanges.check(type, value);
        }
    }

    /**
     * A {@code FLOAT32} or {@code FLOAT64}. A {@code FLOAT32} is rounded to float precision on creation, so what is
     * held is exactly what is written.
     *
     * @param type  {@link GgufValueType#FLOAT32} or {@link GgufValueType#FLOAT64}
     * @param value the value
     */
    record FloatValue(GgufValueType type, double value) implements GgufValue {
        /** @throws IllegalArgumentException when {@code type} is not a float type */
        public FloatValue {
            Objects.requireNonNull(type, "type");
            if (!type.isFloat()) {
                throw new IllegalArgumentException(type + " is not a float type");
            }
            if (type == GgufValueType.FLOAT32) {
                value = (float) value;
            }
        }
    }

    /**
     * A {@code BOOL}.
     *
     * @param value the value
     */
    record BoolValue(boolean value) implements GgufValue {
        @Override
        public GgufValueType type() {
            return GgufValueType.BOOL;
        }
    }

    /**
     * A {@code STRING}.
     *
     * @param value the text, written as UTF-8
     */
    record StringValue(String value) implements GgufValue {
        /** Refuses null. */
        public StringValue {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public GgufValueType type() {
            return GgufValueType.STRING;
        }
    }

    /**
     * An array of integers, floats, booleans or strings, all of one type. Large arrays (a tokenizer's 150,000
     * tokens) are held as one primitive array or list, not as a value object per element.
     */
    final class ArrayValue implements GgufValue {
        private final GgufValueType elementType;
        // Exactly one of these is set, by element type: integers widen to long, floats to double.
        private final long[] longs;
        private final double[] doubles;
        private final boolean[] booleans;
        private final List<String> strings;

        private ArrayValue(GgufValueType elementType, long[] longs, double[] doubles, boolean[] booleans,
                           List<String> strings) {
            this.elementType = elementType;
            this.longs = longs;
            this.doubles = doubles;
            this.booleans = booleans;
            this.strings = strings;
        }

        /** Takes ownership of {@code values}. */
        static ArrayValue ofLongs(GgufValueType elementType, long[] values) {
            if (!elementType.isInteger()) {
                throw new IllegalArgumentException(elementType + " is not an integer type");
            }
            IntRanges.checkAll(elementType, values);
            return new ArrayValue(elementType, values, null, null, null);
        }

        /** Takes ownership of {@code values}, rounding them to float precision for {@code FLOAT32}. */
        static ArrayValue ofDoubles(GgufValueType elementType, double[] values) {
            if (!elementType.isFloat()) {
                throw new IllegalArgumentException(elementType + " is not a float type");
            }
            if (elementType == GgufValueType.FLOAT32) {
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) values[i];
                }
            }
            return new ArrayValue(elementType, null, values, null, null);
        }

        /** Takes ownership of {@code values}. */
        static ArrayValue ofBooleans(boolean[] values) {
            return new ArrayValue(GgufValueType.BOOL, null, null, values, null);
        }

        static ArrayValue ofStrings(List<String> values) {
            return new ArrayValue(GgufValueType.STRING, null, null, null, List.copyOf(values));
        }

        @Override
        public GgufValueType type() {
            return GgufValueType.ARRAY;
        }

        /** The type of every element; never {@link GgufValueType#ARRAY}. */
        public GgufValueType elementType() {
            return elementType;
        }

        /** The number of elements. */
        public int size() {
            if (longs != null) {
                return longs.length;
            } else if (doubles != null) {
                return doubles.length;
            } else if (booleans != null) {
                return booleans.length;
            }
            return strings.size();
        }

        /**
         * The strings, unmodifiable.
         *
         * @throws IllegalStateException when the elements are not strings
         */
        public List<String> strings() {
            return require(strings, "strings");
        }

        /**
         * A copy of the integers (a {@code UINT64} above {@link Long#MAX_VALUE} as its bits).
         *
         * @throws IllegalStateException when the elements are not integers
         */
        public long[] toLongArray() {
            return require(longs, "integers").clone();
        }

        /**
         * A copy of the floats.
         *
         * @throws IllegalStateException when the elements are not floats
         */
        public double[] toDoubleArray() {
            return require(doubles, "floats").clone();
        }

        /**
         * A copy of the booleans.
         *
         * @throws IllegalStateException when the elements are not booleans
         */
        public boolean[] toBooleanArray() {
            return require(booleans, "booleans").clone();
        }

        // Package-private, uncopied views for the writer.
        long[] longs() {
            return longs;
        }

        double[] doubles() {
            return doubles;
        }

        boolean[] booleans() {
            return booleans;
        }

        private <T> T require(T elements, String what) {
            if (elements == null) {
                throw new IllegalStateException("an array of " + elementType + ", not of " + what);
            }
            return elements;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ArrayValue that
                    && elementType == that.elementType
                    && Arrays.equals(longs, that.longs)
                    && Arrays.equals(doubles, that.doubles)
                    && Arrays.equals(booleans, that.booleans)
                    && Objects.equals(strings, that.strings);
        }

        @Override
        public int hashCode() {
            return Objects.hash(elementType, Arrays.hashCode(longs), Arrays.hashCode(doubles),
                    Arrays.hashCode(booleans), strings);
        }

        /** The type, the size and the first few elements: a tokenizer's array prints in one line. */
        @Override
        public String toString() {
            int shown = Math.min(size(), 4);
            StringBuilder text = new StringBuilder("ArrayValue[").append(elementType).append(" x ").append(size());
            text.append(": ");
            for (int i = 0; i < shown; i++) {
                text.append(i == 0 ? "" : ", ");
                if (longs != null) {
                    text.append(longs[i]);
                } else if (doubles != null) {
                    text.append(doubles[i]);
                } else if (booleans != null) {
                    text.append(booleans[i]);
                } else {
                    text.append('"').append(strings.get(i)).append('"');
                }
            }
            return text.append(shown < size() ? ", ...]" : "]").toString();
        }
    }

    /** An unsigned 8-bit integer. */
    static IntValue uint8(int value) {
        return new IntValue(GgufValueType.UINT8, value);
    }

    /** A signed 8-bit integer. */
    static IntValue int8(int value) {
        return new IntValue(GgufValueType.INT8, value);
    }

    /** An unsigned 16-bit integer. */
    static IntValue uint16(int value) {
        return new IntValue(GgufValueType.UINT16, value);
    }

    /** A signed 16-bit integer. */
    static IntValue int16(int value) {
        return new IntValue(GgufValueType.INT16, value);
    }

    /** An unsigned 32-bit integer: what llama.cpp wants for lengths and counts. */
    static IntValue uint32(long value) {
        return new IntValue(GgufValueType.UINT32, value);
    }

    /** A signed 32-bit integer. */
    static IntValue int32(int value) {
        return new IntValue(GgufValueType.INT32, value);
    }

    /** An unsigned 64-bit integer, given by its bits. */
    static IntValue uint64(long bits) {
        return new IntValue(GgufValueType.UINT64, bits);
    }

    /** A signed 64-bit integer. */
    static IntValue int64(long value) {
        return new IntValue(GgufValueType.INT64, value);
    }

    /** A single-precision float. */
    static FloatValue float32(float value) {
        return new FloatValue(GgufValueType.FLOAT32, value);
    }

    /** A double-precision float. */
    static FloatValue float64(double value) {
        return new FloatValue(GgufValueType.FLOAT64, value);
    }

    /** A boolean. */
    static BoolValue bool(boolean value) {
        return new BoolValue(value);
    }

    /** A string. */
    static StringValue string(String value) {
        return new StringValue(value);
    }

    /** An array of strings. */
    static ArrayValue stringArray(List<String> values) {
        return ArrayValue.ofStrings(values);
    }

    /** An array of integers of {@code elementType}, each within its range. */
    static ArrayValue intArray(GgufValueType elementType, long... values) {
        return ArrayValue.ofLongs(elementType, values.clone());
    }

    /** An array of {@code INT32}. */
    static ArrayValue int32Array(int... values) {
        long[] longs = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            longs[i] = values[i];
        }
        return ArrayValue.ofLongs(GgufValueType.INT32, longs);
    }

    /** An array of {@code FLOAT32}. */
    static ArrayValue float32Array(float... values) {
        double[] doubles = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            doubles[i] = values[i];
        }
        return ArrayValue.ofDoubles(GgufValueType.FLOAT32, doubles);
    }

    /** An array of {@code FLOAT64}. */
    static ArrayValue float64Array(double... values) {
        return ArrayValue.ofDoubles(GgufValueType.FLOAT64, values.clone());
    }

    /** An array of booleans. */
    static ArrayValue boolArray(boolean... values) {
        return ArrayValue.ofBooleans(values.clone());
    }

    /**
     * This integer.
     *
     * @throws IllegalStateException when this is not an {@link IntValue}
     */
    default long asLong() {
        if (this instanceof IntValue(_, long value)) {
            return value;
        }
        throw new IllegalStateException("not an integer: " + this);
    }

    /**
     * This float, or this integer as a double.
     *
     * @throws IllegalStateException when this is neither a {@link FloatValue} nor an {@link IntValue}
     */
    default double asDouble() {
        return switch (this) {
            case FloatValue(_, double value) -> value;
            case IntValue(_, long value) -> value;
            default -> throw new IllegalStateException("not a number: " + this);
        };
    }

    /**
     * This string.
     *
     * @throws IllegalStateException when this is not a {@link StringValue}
     */
    default String asString() {
        if (this instanceof StringValue(String value)) {
            return value;
        }
        throw new IllegalStateException("not a string: " + this);
    }

    /**
     * This boolean.
     *
     * @throws IllegalStateException when this is not a {@link BoolValue}
     */
    default boolean asBoolean() {
        if (this instanceof BoolValue(boolean value)) {
            return value;
        }
        throw new IllegalStateException("not a boolean: " + this);
    }

    /**
     * This array.
     *
     * @throws IllegalStateException when this is not an {@link ArrayValue}
     */
    default ArrayValue asArray() {
        if (this instanceof ArrayValue array) {
            return array;
        }
        throw new IllegalStateException("not an array: " + this);
    }
}
