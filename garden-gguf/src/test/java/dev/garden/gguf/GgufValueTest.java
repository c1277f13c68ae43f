package dev.garden.gguf;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link GgufValue}: ranges, float rounding, array equality and the typed accessors. */
class GgufValueTest {
    @Test
    void integers_outOfTheirTypesRange_areRefused() {
        assertThatThrownBy(() -> GgufValue.uint8(256)).hasMessageContaining("out of range for UINT8");
        assertThatThrownBy(() -> GgufValue.uint8(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GgufValue.int8(128)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GgufValue.uint16(65536)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GgufValue.uint32(1L << 32)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GgufValue.uint32(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GgufValue.intArray(GgufValueType.UINT8, 1, 300))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GgufValue.IntValue(GgufValueType.FLOAT32, 1))
                .hasMessageContaining("not an integer type");
    }

    @Test
    void float32_givenADouble_holdsItRoundedToFloat() {
        GgufValue.FloatValue value = new GgufValue.FloatValue(GgufValueType.FLOAT32, 0.1);
        assertThat(value.value()).isEqualTo((double) 0.1f);
        assertThat(value).isEqualTo(GgufValue.float32(0.1f));
        assertThat(GgufValue.float64(0.1).value()).isEqualTo(0.1);
    }

    @Test
    void arrays_withEqualElements_areEqual() {
        assertThat(GgufValue.int32Array(1, 2, 3)).isEqualTo(GgufValue.intArray(GgufValueType.INT32, 1, 2, 3))
                .hasSameHashCodeAs(GgufValue.intArray(GgufValueType.INT32, 1, 2, 3))
                .isNotEqualTo(GgufValue.intArray(GgufValueType.UINT32, 1, 2, 3));
        assertThat(GgufValue.stringArray(List.of("a", "b"))).isEqualTo(GgufValue.stringArray(List.of("a", "b")));
        assertThat(GgufValue.float32Array(1f)).isNotEqualTo(GgufValue.float64Array(1.0));
    }

    @Test
    void arrays_givenAnArray_copyItAndHandOutCopies() {
        long[] values = {1, 2};
        GgufValue.ArrayValue array = GgufValue.intArray(GgufValueType.INT64, values);
        values[0] = 99;
        array.toLongArray()[1] = 99;
        assertThat(array.toLongArray()).containsExactly(1, 2);
    }

    @Test
    void accessors_ofTheWrongKind_sayWhatTheValueIs() {
        assertThat(GgufValue.uint32(7).asLong()).isEqualTo(7);
        assertThat(GgufValue.uint32(7).asDouble()).isEqualTo(7.0);
        assertThat(GgufValue.string("x").asString()).isEqualTo("x");
        assertThat(GgufValue.bool(true).asBoolean()).isTrue();
        assertThatThrownBy(() -> GgufValue.string("x").asLong()).hasMessageContaining("not an integer");
        assertThatThrownBy(() -> GgufValue.uint8(1).asArray()).hasMessageContaining("not an array");
        assertThatThrownBy(() -> GgufValue.int32Array(1).strings()).hasMessageContaining("not of strings");
    }

    @Test
    void toString_ofALargeArray_showsOnlyTheFirstElements() {
        assertThat(GgufValue.stringArray(List.of("a", "b", "c", "d", "e")))
                .hasToString("ArrayValue[STRING x 5: \"a\", \"b\", \"c\", \"d\", ...]");
    }
}
