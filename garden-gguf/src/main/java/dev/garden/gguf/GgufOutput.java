package dev.garden.gguf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;

/** Little-endian writes to a channel through one buffer, counting every byte. */
final class GgufOutput implements WritableByteChannel {
    private final WritableByteChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    private long flushed;

    GgufOutput(WritableByteChannel channel) {
        this.channel = channel;
    }

    /** Bytes written so far, buffered or not. */
    long position() {
        return flushed + buffer.position();
    }

    void u8(int value) throws IOException {
        room(1).put((byte) value);
    }

    void u16(int value) throws IOException {
        room(2).putShort((short) value);
    }

    void u32(long value) throws IOException {
        room(4).putInt((int) value);
    }

    void u64(long value) throws IOException {
        room(8).putLong(value);
    }

    void f32(float value) throws IOException {
        room(4).putFloat(value);
    }

    void f64(double value) throws IOException {
        room(8).putDouble(value);
    }

    /** A GGUF string: the {@code uint64} length in bytes, then UTF-8. */
    void string(String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        u64(bytes.length);
        write(ByteBuffer.wrap(bytes));
    }

    /** Zeros up to the next multiple of {@code alignment}. */
    void pad(int alignment) throws IOException {
        long padding = GgufFile.alignUp(position(), alignment) - position();
        for (long i = 0; i < padding; i++) {
            u8(0);
        }
    }

    /** Writes through the buffer, or around it when the data is large: tensor data goes straight to the file. */
    @Override
    public int write(ByteBuffer source) throws IOException {
        int length = source.remaining();
        if (length <= buffer.remaining()) {
            buffer.put(source);
            return length;
        }
        flush();
        if (length <= buffer.capacity() / 2) {
            buffer.put(source);
            return length;
        }
        while (source.hasRemaining()) {
            flushed += channel.write(source);
        }
        return length;
    }

    void flush() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            flushed += channel.write(buffer);
        }
        buffer.clear();
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    /** Flushes; the channel is the caller's to close. */
    @Override
    public void close() throws IOException {
        flush();
    }

    private ByteBuffer room(int bytes) throws IOException {
        if (buffer.remaining() < bytes) {
            flush();
        }
        return buffer;
    }
}
