package dev.garden.gguf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Little-endian reads from the start of a GGUF file through one buffer. Every length read from the file is
 * checked against what is left of it before anything is allocated, so a damaged file fails with a message
 * instead of an {@link OutOfMemoryError}.
 */
final class GgufInput {
    private static final int BUFFER_SIZE = 1 << 16;

    private final FileChannel channel;
    private final long fileSize;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_SIZE).order(ByteOrder.LITTLE_ENDIAN).flip();
    // Strict, not replacing: a token whose bytes were silently replaced would break a copied tokenizer.
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private long bytesFromChannel;

    GgufInput(FileChannel channel) throws IOException {
        this.channel = channel;
        this.fileSize = channel.size();
    }

    /** Bytes consumed so far: the file position of the next read. */
    long position() {
        return bytesFromChannel - buffer.remaining();
    }

    long remaining() {
        return fileSize - position();
    }

    long fileSize() {
        return fileSize;
    }

    int u8() throws IOException {
        return Byte.toUnsignedInt(ensure(1).get());
    }

    int i8() throws IOException {
        return ensure(1).get();
    }

    int u16() throws IOException {
        return Short.toUnsignedInt(ensure(2).getShort());
    }

    int i16() throws IOException {
        return ensure(2).getShort();
    }

    long u32() throws IOException {
        return Integer.toUnsignedLong(ensure(4).getInt());
    }

    int i32() throws IOException {
        return ensure(4).getInt();
    }

    long i64() throws IOException {
        return ensure(8).getLong();
    }

    float f32() throws IOException {
        return ensure(4).getFloat();
    }

    double f64() throws IOException {
        return ensure(8).getDouble();
    }

    boolean bool() throws IOException {
        int value = u8();
        if (value > 1) {
            throw failure("boolean byte " + value + " is neither 0 nor 1", position() - 1);
        }
        return value == 1;
    }

    /**
     * A {@code uint64} count of things that take at least {@code minBytesEach} bytes each, checked against what is
     * left of the file.
     */
    int count(String what, long minBytesEach) throws IOException {
        long start = position();
        long count = i64();
        if (count < 0 || count > Integer.MAX_VALUE - 8 || count * minBytesEach > remaining()) {
            throw failure(what + " count " + Long.toUnsignedString(count) + " does not fit in the "
                    + remaining() + " bytes left", start);
        }
        return (int) count;
    }

    /** A GGUF string: a {@code uint64} byte length and that many bytes of UTF-8. */
    String string() throws IOException {
        long start = position();
        int length = count("string length", 1);
        ByteBuffer bytes;
        if (length <= BUFFER_SIZE) {
            bytes = ensure(length).slice(buffer.position(), length);
            buffer.position(buffer.position() + length);
        } else {
            bytes = ByteBuffer.allocate(length);
            bytes.put(buffer);
            while (bytes.hasRemaining()) {
                int read = channel.read(bytes);
                if (read < 0) {
                    throw failure("file ends inside a string", start);
                }
                bytesFromChannel += read;
            }
            bytes.flip();
        }
        try {
            CharBuffer chars = utf8.reset().decode(bytes);
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new GgufFormatException("string at byte " + start + " is not valid UTF-8", e);
        }
    }

    List<String> strings(int count) throws IOException {
        String[] strings = new String[count];
        for (int i = 0; i < count; i++) {
            strings[i] = string();
        }
        return List.of(strings);
    }

    GgufFormatException failure(String message, long at) {
        return new GgufFormatException(message + " (at byte " + at + ")");
    }

    /** The buffer with at least {@code n} bytes ready, {@code n <= BUFFER_SIZE}. */
    private ByteBuffer ensure(int n) throws IOException {
        if (buffer.remaining() >= n) {
            return buffer;
        }
        long start = position();
        buffer.compact();
        while (buffer.position() < n) {
            int read = channel.read(buffer);
            if (read < 0) {
                buffer.flip();
                throw failure("file ends after " + fileSize + " bytes, in the middle of a value", start);
            }
            bytesFromChannel += read;
        }
        return buffer.flip();
    }
}
