package dev.garden.gguf;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The metadata and tensor infos of a GGUF file, read without its tensor data.
 *
 * <p>Reads versions 2 and 3, little-endian. The layout is magic {@code GGUF}, version {@code u32},
 * tensor count {@code u64}, metadata count {@code u64}, the metadata, the tensor infos, padding to the alignment,
 * then the tensor data; each tensor's offset is relative to the start of that data section. See
 * <a href="https://github.com/ggml-org/ggml/blob/master/docs/gguf.md">the GGUF specification</a>.
 *
 * <pre>{@code
 * GgufFile file = GgufFile.read(Path.of("model.gguf"));
 * String architecture = file.metadata().get("general.architecture").asString();
 * Map<String, GgufValue> tokenizer = file.metadataWithPrefix("tokenizer.");
 * }</pre>
 */
public final class GgufFile {
    /** {@code GGUF} in ASCII, read as a little-endian {@code u32}. */
    static final int MAGIC = 0x4655_4747;
    /** The version this library writes. */
    public static final int VERSION = 3;
    /** The alignment when {@value #ALIGNMENT_KEY} is absent. */
    public static final int DEFAULT_ALIGNMENT = 32;
    /** The metadata key that sets the alignment, a {@code UINT32} power of two. */
    public static final String ALIGNMENT_KEY = "general.alignment";

    private final Path path;
    private final int version;
    private final int alignment;
    private final long dataOffset;
    private final Map<String, GgufValue> metadata;
    private final List<GgufTensorInfo> tensors;

    private GgufFile(Path path, int version, int alignment, long dataOffset, Map<String, GgufValue> metadata,
                     List<GgufTensorInfo> tensors) {
        this.path = path;
        this.version = version;
        this.alignment = alignment;
        this.dataOffset = dataOffset;
        this.metadata = Collections.unmodifiableMap(metadata);
        this.tensors = List.copyOf(tensors);
    }

    /**
     * Reads the metadata and tensor infos of a GGUF file; the tensor data is not read.
     *
     * @throws GgufFormatException when the file is not a well-formed GGUF v2 or v3 file: the message says why and
     *                             at which byte
     * @throws IOException         when the file cannot be read
     */
    public static GgufFile read(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            return read(path, new GgufInput(channel));
        } catch (GgufFormatException e) {
            throw new GgufFormatException(path + ": " + e.getMessage(), e);
        }
    }

    private static GgufFile read(Path path, GgufInput in) throws IOException {
        if (in.fileSize() < 24 || in.i32() != MAGIC) {
            throw new GgufFormatException("not a GGUF file: no GGUF magic");
        }
        int version = in.i32();
        if (version != 2 && version != VERSION) {
            // A big-endian file's version reads as 0x03000000 here.
            String hint = Integer.reverseBytes(version) == VERSION ? " (a big-endian file: not supported)" : "";
            throw new GgufFormatException("GGUF version " + Integer.toUnsignedString(version) + hint
                    + " is not supported, only 2 and 3");
        }
        // The smallest tensor info: an empty name, n_dims, one dimension, the type and the offset.
        int tensorCount = in.count("tensor", 8 + 4 + 8 + 4 + 8);
        // The smallest metadata pair: an empty key, the value type and one byte.
        int metadataCount = in.count("metadata", 8 + 4 + 1);

        Map<String, GgufValue> metadata = LinkedHashMap.newLinkedHashMap(metadataCount);
        for (int i = 0; i < metadataCount; i++) {
            long start = in.position();
            String key = in.string();
            GgufValue value = readValue(in, key);
            if (metadata.putIfAbsent(key, value) != null) {
                throw in.failure("duplicate metadata key '" + key + "'", start);
            }
        }
        int alignment = alignment(metadata);

        List<GgufTensorInfo> tensors = new ArrayList<>(tensorCount);
        Map<String, GgufTensorInfo> byName = LinkedHashMap.newLinkedHashMap(tensorCount);
        for (int i = 0; i < tensorCount; i++) {
            long start = in.position();
            GgufTensorInfo tensor = readTensorInfo(in);
            if (byName.putIfAbsent(tensor.name(), tensor) != null) {
                throw in.failure("duplicate tensor '" + tensor.name() + "'", start);
            }
            tensors.add(tensor);
        }
        long dataOffset = alignUp(in.position(), alignment);
        for (GgufTensorInfo tensor : tensors) {
            if (tensor.offset() % alignment != 0) {
                throw new GgufFormatException("tensor '" + tensor.name() + "' at offset " + tensor.offset()
                        + " is not aligned to " + alignment);
            }
            if (dataOffset + tensor.offset() + tensor.byteSize() > in.fileSize()) {
                throw new GgufFormatException("tensor '" + tensor.name() + "' ends past the end of the file ("
                        + in.fileSize() + " bytes)");
            }
        }
        return new GgufFile(path, version, alignment, dataOffset, metadata, tensors);
    }

    private static GgufValue readValue(GgufInput in, String key) throws IOException {
        long start = in.position();
        GgufValueType type = valueType(in, key, in.i32());
        return switch (type) {
            case UINT8 -> GgufValue.uint8(in.u8());
            case INT8 -> GgufValue.int8(in.i8());
            case UINT16 -> GgufValue.uint16(in.u16());
            case INT16 -> GgufValue.int16(in.i16());
            case UINT32 -> GgufValue.uint32(in.u32());
            case INT32 -> GgufValue.int32(in.i32());
            case UINT64 -> GgufValue.uint64(in.i64());
            case INT64 -> GgufValue.int64(in.i64());
            case FLOAT32 -> GgufValue.float32(in.f32());
            case FLOAT64 -> GgufValue.float64(in.f64());
            case BOOL -> GgufValue.bool(in.bool());
            case STRING -> GgufValue.string(in.string());
            case ARRAY -> readArray(in, key, start);
        };
    }

    private static GgufValue.ArrayValue readArray(GgufInput in, String key, long start) throws IOException {
        GgufValueType elementType = valueType(in, key, in.i32());
        if (elementType == GgufValueType.ARRAY) {
            // llama.cpp's gguf.cpp refuses nested arrays too.
            throw in.failure("metadata '" + key + "' is an array of arrays, which is not supported", start);
        }
        int count = in.count("array '" + key + "'", Math.max(elementType.size(), 8));
        return switch (elementType) {
            case STRING -> GgufValue.ArrayValue.ofStrings(in.strings(count));
            case BOOL -> {
                boolean[] values = new boolean[count];
                for (int i = 0; i < count; i++) {
                    values[i] = in.bool();
                }
                yield GgufValue.ArrayValue.ofBooleans(values);
            }
            case FLOAT32, FLOAT64 -> {
                double[] values = new double[count];
                for (int i = 0; i < count; i++) {
                    values[i] = elementType == GgufValueType.FLOAT32 ? in.f32() : in.f64();
                }
                yield GgufValue.ArrayValue.ofDoubles(elementType, values);
            }
            default -> {
                long[] values = new long[count];
                for (int i = 0; i < count; i++) {
                    values[i] = switch (elementType) {
                        case UINT8 -> in.u8();
                        case INT8 -> in.i8();
                        case UINT16 -> in.u16();
                        case INT16 -> in.i16();
                        case UINT32 -> in.u32();
                        case INT32 -> in.i32();
                        default -> in.i64();
                    };
                }
                yield GgufValue.ArrayValue.ofLongs(elementType, values);
            }
        };
    }

    private static GgufValueType valueType(GgufInput in, String key, int id) throws GgufFormatException {
        try {
            return GgufValueType.ofId(id);
        } catch (IllegalArgumentException e) {
            throw in.failure("metadata '" + key + "': " + e.getMessage(), in.position() - 4);
        }
    }

    private static GgufTensorInfo readTensorInfo(GgufInput in) throws IOException {
        long start = in.position();
        String name = in.string();
        long dimensions = in.u32();
        if (dimensions < 1 || dimensions > GgufTensorInfo.MAX_DIMENSIONS) {
            throw in.failure("tensor '" + name + "' has " + dimensions + " dimensions", start);
        }
        List<Long> shape = new ArrayList<>((int) dimensions);
        for (int d = 0; d < dimensions; d++) {
            shape.add(in.i64());
        }
        int typeId = in.i32();
        long offset = in.i64();
        try {
            return new GgufTensorInfo(name, shape, GgmlType.ofId(typeId), offset);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw in.failure("tensor '" + name + "': " + e.getMessage(), start);
        }
    }

    private static int alignment(Map<String, GgufValue> metadata) throws GgufFormatException {
        GgufValue value = metadata.get(ALIGNMENT_KEY);
        if (value == null) {
            return DEFAULT_ALIGNMENT;
        }
        if (!(value instanceof GgufValue.IntValue(GgufValueType type, long alignment))
                || type != GgufValueType.UINT32 || !isValidAlignment(alignment)) {
            throw new GgufFormatException(ALIGNMENT_KEY + " must be a UINT32 power of two, not " + value);
        }
        return (int) alignment;
    }

    static boolean isValidAlignment(long alignment) {
        return alignment > 0 && alignment <= (1 << 30) && Long.bitCount(alignment) == 1;
    }

    static long alignUp(long position, int alignment) {
        return (position + alignment - 1) / alignment * alignment;
    }

    /** The file this was read from. */
    public Path path() {
        return path;
    }

    /** The GGUF version, 2 or 3. */
    public int version() {
        return version;
    }

    /** The alignment of the data section and of each tensor in it: {@value #ALIGNMENT_KEY}, 32 by default. */
    public int alignment() {
        return alignment;
    }

    /** Where the data section starts in the file: a tensor's data is at {@code dataOffset() + tensor.offset()}. */
    public long dataOffset() {
        return dataOffset;
    }

    /** Every metadata pair, in file order, unmodifiable. */
    public Map<String, GgufValue> metadata() {
        return metadata;
    }

    /** The value of one metadata key, if present. */
    public Optional<GgufValue> value(String key) {
        return Optional.ofNullable(metadata.get(key));
    }

    /**
     * The metadata pairs whose keys start with {@code prefix}, in file order: {@code "tokenizer."} gives a
     * tokenizer to copy into another file.
     */
    public Map<String, GgufValue> metadataWithPrefix(String prefix) {
        Map<String, GgufValue> selected = new LinkedHashMap<>();
        metadata.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                selected.put(key, value);
            }
        });
        return Collections.unmodifiableMap(selected);
    }

    /** The tensor infos, in file order. */
    public List<GgufTensorInfo> tensors() {
        return tensors;
    }

    /** The tensor with this name, if present. */
    public Optional<GgufTensorInfo> tensor(String name) {
        return tensors.stream().filter(tensor -> tensor.name().equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return "GgufFile[" + path + ", v" + version + ", " + metadata.size() + " metadata, " + tensors.size()
                + " tensors]";
    }
}
