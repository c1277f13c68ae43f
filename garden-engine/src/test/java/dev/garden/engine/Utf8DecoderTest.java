package dev.garden.engine;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class Utf8DecoderTest {

    @Test
    void decode_asciiPieces_passThrough() {
        Utf8Decoder decoder = new Utf8Decoder();
        assertThat(decode(decoder, "Once")).isEqualTo("Once");
        assertThat(decode(decoder, " upon")).isEqualTo(" upon");
    }

    @Test
    void decode_characterSplitAcrossTokens_waitsForItsLastByte() {
        byte[] emoji = "🌱".getBytes(StandardCharsets.UTF_8);
        Utf8Decoder decoder = new Utf8Decoder();
        assertThat(decoder.decode(new byte[]{emoji[0]}, 1)).isEmpty();
        assertThat(decoder.decode(new byte[]{emoji[1], emoji[2]}, 2)).isEmpty();
        assertThat(decoder.decode(new byte[]{emoji[3], 'a'}, 2)).isEqualTo("🌱a");
    }

    @Test
    void finish_withIncompleteCharacter_emitsReplacement() {
        byte[] e = "é".getBytes(StandardCharsets.UTF_8);
        Utf8Decoder decoder = new Utf8Decoder();
        assertThat(decoder.decode(new byte[]{e[0]}, 1)).isEmpty();
        assertThat(decoder.finish()).isEqualTo("\uFFFD");
    }

    @Test
    void decode_malformedByte_becomesReplacementWithoutStalling() {
        Utf8Decoder decoder = new Utf8Decoder();
        assertThat(decoder.decode(new byte[]{(byte) 0xFF, 'o', 'k'}, 3)).isEqualTo("\uFFFDok");
    }

    @Test
    void decode_longPiece_largerThanInternalBuffer_isDecodedWhole() {
        String text = "x".repeat(500) + "ü".repeat(100);
        assertThat(decode(new Utf8Decoder(), text)).isEqualTo(text);
    }

    private static String decode(Utf8Decoder decoder, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return decoder.decode(bytes, bytes.length);
    }
}
