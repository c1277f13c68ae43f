package dev.garden.gguf;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Float encodings against hand-computed bytes. (By hand, once: F16, BF16 and Q8_0 models written by
 * {@link SyntheticModel} were byte-identical to the same F32 model converted by llama.cpp's {@code llama-quantize}.)
 */
class FloatEncoderTest {
    @Test
    void encode_f16_writesHalfPrecisionBitsLittleEndian() {
        assertThat(encode(GgmlType.F16, 1f, -2f, 65504f, 1e-8f)).isEqualTo("003c" + "00c0" + "ff7b" + "0000");
    }

    @Test
    void encode_bf16_roundsToNearestEven() {
        // 1 + 2^-8 is halfway between two bfloat16s: to the even one, 1.0; 1 + 3 * 2^-8 rounds up.
        assertThat(encode(GgmlType.BF16, 1f, 1f + 0x1p-8f, 1f + 3 * 0x1p-8f, -2f))
                .isEqualTo("803f" + "803f" + "823f" + "00c0");
        assertThat(FloatEncoder.toBfloat16(Float.NaN) & 0x7fc0).isEqualTo(0x7fc0);
    }

    @Test
    void encode_q8_0_scalesByMaxOver127AndRoundsHalfAwayFromZero() {
        float[] block = new float[32];
        block[0] = 127f;   // the largest magnitude: d = 127 / 127 = 1
        block[1] = -2.5f;  // roundf: -3, where Math.round would give -2
        block[2] = 2.5f;
        block[3] = -127f;
        String d = "003c"; // 1.0 as F16
        String quants = "7f" + "fd" + "03" + "81" + "00".repeat(28);
        assertThat(encode(GgmlType.Q8_0, block)).isEqualTo(d + quants);
    }

    @Test
    void encode_q8_0_ofZeros_hasZeroScale() {
        assertThat(encode(GgmlType.Q8_0, new float[32])).isEqualTo("0000" + "00".repeat(32));
    }

    private static String encode(GgmlType type, float... values) {
        ByteBuffer out = ByteBuffer.allocate((int) type.byteSize(values.length)).order(ByteOrder.LITTLE_ENDIAN);
        FloatEncoder.encode(type, values, values.length, out);
        assertThat(out.hasRemaining()).isFalse();
        return HexFormat.of().formatHex(out.array());
    }
}
