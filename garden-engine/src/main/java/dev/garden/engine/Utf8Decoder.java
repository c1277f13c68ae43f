package dev.garden.engine;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns a token's bytes into text, one token at a time. Byte-level tokenizers split multi-byte characters (an emoji,
 * a CJK character) across tokens, so bytes of an unfinished character wait for the next token. Malformed bytes
 * become U+FFFD rather than stalling the stream.
 */
final class Utf8Decoder {
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final ByteBuffer pending = ByteBuffer.allocate(64);
    private final CharBuffer out = CharBuffer.allocate(64);

    /** Adds bytes and returns the text of every character they complete (possibly empty). */
    String decode(byte[] bytes, int length) {
        StringBuilder text = new StringBuilder(length);
        int offset = 0;
        while (offset < length) {
            int take = Math.min(pending.remaining(), length - offset);
            pending.put(bytes, offset, take);
            offset += take;
            pending.flip();
            drain(text, false);
            pending.compact();
        }
        return text.toString();
    }

    /** Ends the stream: bytes of an unfinished character come out as U+FFFD. */
    String finish() {
        StringBuilder text = new StringBuilder();
        pending.flip();
        drain(text, true);
        pending.clear();
        decoder.reset();
        return text.toString();
    }

    private void drain(StringBuilder text, boolean endOfInput) {
        CoderResult result;
        do {
            out.clear();
            result = decoder.decode(pending, out, endOfInput);
            out.flip();
            text.append(out);
        } while (result.isOverflow());
        if (endOfInput) {
            out.clear();
            decoder.flush(out);
            out.flip();
            text.append(out);
        }
    }
}
