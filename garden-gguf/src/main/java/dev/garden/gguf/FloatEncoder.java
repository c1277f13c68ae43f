package dev.garden.gguf;

import java.nio.ByteBuffer;

/** Floats to ggml's bytes for the types a {@link TensorSource} can encode. */
final class FloatEncoder {
    private FloatEncoder() {
    }

    static boolean supports(GgmlType type) {
        return switch (type) {
            case F32, F16, BF16, Q8_0 -> true;
            default -> false;
        };
    }

    /**
     * Appends {@code values[0..length)} to {@code out} (little-endian) as {@code type}; {@code length} is a whole
     * number of blocks.
     */
    static void encode(GgmlType type, float[] values, int length, ByteBuffer out) {
        switch (type) {
            case F32 -> {
                for (int i = 0; i < length; i++) {
                    out.putFloat(values[i]);
                }
            }
            case F16 -> {
                for (int i = 0; i < length; i++) {
                    out.putShort(Float.floatToFloat16(values[i]));
                }
            }
            case BF16 -> {
                for (int i = 0; i < length; i++) {
                    out.putShort(toBfloat16(values[i]));
                }
            }
            case Q8_0 -> {
                for (int block = 0; block < length; block += 32) {
                    putQ8Block(values, block, out);
                }
            }
            default -> throw new IllegalArgumentException("cannot encode floats as " + type
                    + "; only F32, F16, BF16 and Q8_0");
        }
    }

    /**
     * ggml's {@code quantize_row_q8_0_ref}: an F16 scale {@code d = max|x| / 127}, then 32 bytes
     * {@code round(x / d)}.
     */
    private static void putQ8Block(float[] values, int from, ByteBuffer out) {
        float max = 0;
        for (int i = from; i < from + 32; i++) {
            max = Math.max(max, Math.abs(values[i]));
        }
        float scale = max / 127;
        float inverse = scale != 0 ? 1 / scale : 0;
        out.putShort(Float.floatToFloat16(scale));
        for (int i = from; i < from + 32; i++) {
            // roundf rounds half away from zero; Math.round would round -0.5 up to 0.
            float scaled = values[i] * inverse;
            out.put((byte) (scaled < 0 ? -Math.round(-scaled) : Math.round(scaled)));
        }
    }

    /**
     * ggml's {@code ggml_compute_fp32_to_bf16}: round to nearest even, NaN kept quiet.
     */
    static short toBfloat16(float value) {
        int bits = Float.floatToRawIntBits(value);
        if ((bits & 0x7fff_ffff) > 0x7f80_0000) {
            return (short) ((bits >>> 16) | 64);
        }
        return (short) ((bits + (0x7fff + ((bits >>> 16) & 1))) >>> 16);
    }
}
