package dev.garden.gguf;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes a GGUF v3 file: metadata and tensors are added, then {@link #write(Path)} writes them in the order
 * added, pulling each tensor's data from its {@link TensorSource} so that the data is never all in memory.
 *
 * <pre>{@code
 * GgufWriter.create()
 *         .put("general.architecture", GgufValue.string("llama"))
 *         .put("llama.block_count", GgufValue.uint32(2))
 *         .addTensor("output_norm.weight", GgmlType.F32, TensorSource.constant(1f), 64)
 *         .addTensor("token_embd.weight", GgmlType.F16,
 *                 TensorSource.generated((chunk, length) -> fillWithRandomValues(chunk, length)), 64, 512)
 *         .write(Path.of("tiny.gguf"));
 * }</pre>
 *
 * <p>Tensors are laid out as llama.cpp's own writer does and its reader requires: each starts at the previous one's
 * end rounded up to the alignment, the first at offset 0 of the data section. Not thread-safe.
 */
public final class GgufWriter {
    /** ggml's {@code GGML_MAX_NAME} is 64 bytes with the terminating NUL. */
    static final int MAX_TENSOR_NAME_BYTES = 63;

    private final Map<String, GgufValue> metadata = new LinkedHashMap<>();
    private final List<PendingTensor> tensors = new ArrayList<>();
    private final Set<String> tensorNames = new HashSet<>();
    private int alignment = GgufFile.DEFAULT_ALIGNMENT;

    private record PendingTensor(GgufTensorInfo info, TensorSource source) {
    }

    private GgufWriter() {
    }

    /** An empty writer, alignment 32. */
    public static GgufWriter create() {
        return new GgufWriter();
    }

    /**
     * Sets the alignment of the data section and of each tensor; other than 32, it is written as
     * {@value GgufFile#ALIGNMENT_KEY}.
     *
     * @throws IllegalArgumentException when {@code alignment} is not a power of two
     */
    public GgufWriter alignment(int alignment) {
        if (!GgufFile.isValidAlignment(alignment)) {
            throw new IllegalArgumentException("alignment must be a power of two, not " + alignment);
        }
        this.alignment = alignment;
        if (alignment == GgufFile.DEFAULT_ALIGNMENT) {
            metadata.remove(GgufFile.ALIGNMENT_KEY);
        } else {
            metadata.put(GgufFile.ALIGNMENT_KEY, GgufValue.uint32(alignment));
        }
        return this;
    }

    /**
     * Adds a metadata pair, or replaces the value of a key already added (keeping its place).
     * {@value GgufFile#ALIGNMENT_KEY} also sets {@link #alignment(int)}.
     *
     * @throws IllegalArgumentException when the key is empty, or is the alignment key with a value that is not a
     *                                  {@code UINT32} power of two
     */
    public GgufWriter put(String key, GgufValue value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("empty metadata key");
        }
        if (key.equals(GgufFile.ALIGNMENT_KEY)) {
            if (!(value instanceof GgufValue.IntValue(GgufValueType type, long bytes))
                    || type != GgufValueType.UINT32) {
                throw new IllegalArgumentException(key + " must be a UINT32, not " + value);
            }
            return alignment((int) Math.min(bytes, Integer.MAX_VALUE));
        }
        metadata.put(key, value);
        return this;
    }

    /** {@link #put(String, GgufValue) Puts} each pair, in the map's order. */
    public GgufWriter putAll(Map<String, ? extends GgufValue> values) {
        values.forEach(this::put);
        return this;
    }

    /**
     * Adds a tensor, after those already added.
     *
     * @param name   unique, at most 63 bytes of UTF-8
     * @param type   the element type; one {@code source} can encode if it was made from floats
     * @param source writes the data when the file is written
     * @param shape  the dimensions, {@code ne[0]} (the row length) first; 1 to 4 of them
     * @throws IllegalArgumentException when the name is taken or too long, the shape is not valid for the type, or
     *                                  the source encodes floats and cannot encode {@code type}
     */
    public GgufWriter addTensor(String name, GgmlType type, TensorSource source, long... shape) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_TENSOR_NAME_BYTES) {
            throw new IllegalArgumentException("tensor name longer than " + MAX_TENSOR_NAME_BYTES + " bytes: " + name);
        }
        if (source instanceof EncodingTensorSource && !EncodingTensorSource.supports(type)) {
            throw new IllegalArgumentException(name + ": floats cannot be encoded as " + type
                    + "; only F32, F16, BF16 and Q8_0");
        }
        List<Long> dimensions = new ArrayList<>(shape.length);
        for (long dimension : shape) {
            dimensions.add(dimension);
        }
        // The offset is only known once every tensor is added; 0 until then.
        GgufTensorInfo info = new GgufTensorInfo(name, dimensions, type, 0);
        if (!tensorNames.add(name)) {
            throw new IllegalArgumentException("duplicate tensor name " + name);
        }
        tensors.add(new PendingTensor(info, source));
        return this;
    }

    /** The tensors as they will be written, with their offsets in the data section. */
    public List<GgufTensorInfo> tensorInfos() {
        List<GgufTensorInfo> placed = new ArrayList<>(tensors.size());
        long offset = 0;
        for (PendingTensor tensor : tensors) {
            GgufTensorInfo info = tensor.info();
            placed.add(new GgufTensorInfo(info.name(), info.shape(), info.type(), offset));
            offset = GgufFile.alignUp(offset + info.byteSize(), alignment);
        }
        return placed;
    }

    /**
     * Writes the file: into a temporary file beside {@code path}, then moved over {@code path}, so that no reader
     * ever sees half a file. The temporary file is deleted if anything fails.
     *
     * @throws IOException              when writing fails, or a source does so
     * @throws IllegalStateException    when a source writes more or fewer bytes than its tensor has
     */
    public void write(Path path) throws IOException {
        Path absolute = path.toAbsolutePath();
        // Not Files.createTempFile: its owner-only permissions would stay with the file once renamed.
        Path temporary = absolute.resolveSibling("." + absolute.getFileName() + "." + ProcessHandle.current().pid()
                + "." + System.nanoTime() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                write(channel);
                // Durable before it takes the final name, so a crash cannot leave an empty file under that name.
                channel.force(false);
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private void write(FileChannel channel) throws IOException {
        List<GgufTensorInfo> placed = tensorInfos();
        GgufOutput out = new GgufOutput(channel);
        out.u32(GgufFile.MAGIC);
        out.u32(GgufFile.VERSION);
        out.u64(placed.size());
        out.u64(metadata.size());
        for (Map.Entry<String, GgufValue> pair : metadata.entrySet()) {
            out.string(pair.getKey());
            writeValue(out, pair.getValue());
        }
        for (GgufTensorInfo info : placed) {
            out.string(info.name());
            out.u32(info.shape().size());
            for (long dimension : info.shape()) {
                out.u64(dimension);
            }
            out.u32(info.type().id());
            out.u64(info.offset());
        }
        out.pad(alignment);
        long dataOffset = out.position();
        for (int i = 0; i < placed.size(); i++) {
            GgufTensorInfo info = placed.get(i);
            long start = out.position();
            if (start - dataOffset != info.offset()) {
                throw new IllegalStateException("tensor " + info.name() + " at " + (start - dataOffset)
                        + ", expected " + info.offset());
            }
            tensors.get(i).source().writeTo(info, out);
            long written = out.position() - start;
            if (written != info.byteSize()) {
                throw new IllegalStateException("tensor " + info.name() + ": its source wrote " + written
                        + " bytes, expected " + info.byteSize());
            }
            // gguf.cpp pads after every tensor, the last one included.
            out.pad(alignment);
        }
        out.flush();
    }

    private static void writeValue(GgufOutput out, GgufValue value) throws IOException {
        out.u32(value.type().id());
        switch (value) {
            case GgufValue.IntValue(GgufValueType type, long number) -> writeInt(out, type, number);
            case GgufValue.FloatValue(GgufValueType type, double number) -> writeFloat(out, type, number);
            case GgufValue.BoolValue(boolean bool) -> out.u8(bool ? 1 : 0);
            case GgufValue.StringValue(String string) -> out.string(string);
            case GgufValue.ArrayValue array -> writeArray(out, array);
        }
    }

    private static void writeArray(GgufOutput out, GgufValue.ArrayValue array) throws IOException {
        GgufValueType type = array.elementType();
        out.u32(type.id());
        out.u64(array.size());
        switch (type) {
            case STRING -> {
                for (String string : array.strings()) {
                    out.string(string);
                }
            }
            case BOOL -> {
                for (boolean bool : array.booleans()) {
                    out.u8(bool ? 1 : 0);
                }
            }
            case FLOAT32, FLOAT64 -> {
                for (double number : array.doubles()) {
                    writeFloat(out, type, number);
                }
            }
            default -> {
                for (long number : array.longs()) {
                    writeInt(out, type, number);
                }
            }
        }
    }

    private static void writeInt(GgufOutput out, GgufValueType type, long value) throws IOException {
        switch (type.size()) {
            case 1 -> out.u8((int) value);
            case 2 -> out.u16((int) value);
            case 4 -> out.u32(value);
            default -> out.u64(value);
        }
    }

    private static void writeFloat(GgufOutput out, GgufValueType type, double value) throws IOException {
        if (type == GgufValueType.FLOAT32) {
            out.f32((float) value);
        } else {
            out.f64(value);
        }
    }
}
