package dev.garden.gguf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What {@link GgufWriter} writes, byte for byte and read back by {@link GgufFile}. */
class GgufWriterTest {
    @TempDir
    Path dir;

    @Test
    void write_oneStringAndOneTensor_matchesHandComputedBytes() throws IOException {
        Path file = dir.resolve("tiny.gguf");
        GgufWriter.create()
                .put("general.architecture", GgufValue.string("llama"))
                .addTensor("t", GgmlType.F32, TensorSource.ofFloats(new float[]{1f, -2f, 0.5f}), 3)
                .write(file);

        String expected = ""
                + "47475546" + "03000000"                                     // magic "GGUF", version 3
                + "0100000000000000" + "0100000000000000"                     // 1 tensor, 1 metadata pair
                + "1400000000000000" + hex("general.architecture")            // key: u64 length 20, bytes
                + "08000000" + "0500000000000000" + hex("llama")              // STRING, u64 length 5, bytes
                + "0100000000000000" + hex("t")                               // tensor name
                + "01000000" + "0300000000000000"                             // 1 dimension: ne[0] = 3
                + "00000000" + "0000000000000000"                             // F32, offset 0
                + "00".repeat(128 - 102)                                      // header is 102 bytes: pad to 128
                + "0000803f" + "000000c0" + "0000003f"                        // 1.0, -2.0, 0.5
                + "00".repeat(160 - 140);                                     // data padded to 32 as well
        assertThat(HexFormat.of().formatHex(Files.readAllBytes(file))).isEqualTo(expected);
    }

    @Test
    void write_everyValueType_readsBackEqual() throws IOException {
        Map<String, GgufValue> values = new LinkedHashMap<>();
        values.put("u8", GgufValue.uint8(255));
        values.put("i8", GgufValue.int8(-128));
        values.put("u16", GgufValue.uint16(65535));
        values.put("i16", GgufValue.int16(-32768));
        values.put("u32", GgufValue.uint32(0xFFFF_FFFFL));
        values.put("i32", GgufValue.int32(Integer.MIN_VALUE));
        values.put("u64", GgufValue.uint64(-1L));
        values.put("i64", GgufValue.int64(Long.MIN_VALUE));
        values.put("f32", GgufValue.float32(1e-5f));
        values.put("f64", GgufValue.float64(Math.PI));
        values.put("bool", GgufValue.bool(true));
        values.put("string", GgufValue.string("héllo, 世界 🌱"));
        values.put("empty", GgufValue.string(""));
        values.put("a.u8", GgufValue.intArray(GgufValueType.UINT8, 0, 255));
        values.put("a.i8", GgufValue.intArray(GgufValueType.INT8, -128, 127));
        values.put("a.u16", GgufValue.intArray(GgufValueType.UINT16, 0, 65535));
        values.put("a.i16", GgufValue.intArray(GgufValueType.INT16, -32768, 32767));
        values.put("a.u32", GgufValue.intArray(GgufValueType.UINT32, 0, 0xFFFF_FFFFL));
        values.put("a.i32", GgufValue.int32Array(-1, 2, 3));
        values.put("a.u64", GgufValue.intArray(GgufValueType.UINT64, -1L, 7));
        values.put("a.i64", GgufValue.intArray(GgufValueType.INT64, Long.MAX_VALUE, Long.MIN_VALUE));
        values.put("a.f32", GgufValue.float32Array(-1000f, 0.1f));
        values.put("a.f64", GgufValue.float64Array(0.1, Double.MAX_VALUE));
        values.put("a.bool", GgufValue.boolArray(true, false, true));
        values.put("a.string", GgufValue.stringArray(List.of("<s>", "Ġthe", "")));
        values.put("a.empty", GgufValue.stringArray(List.of()));
        Path file = dir.resolve("values.gguf");
        GgufWriter.create().putAll(values).write(file);

        GgufFile read = GgufFile.read(file);
        assertThat(read.version()).isEqualTo(3);
        assertThat(read.metadata()).containsExactlyEntriesOf(values);
        assertThat(read.value("a.f32").orElseThrow().asArray().toDoubleArray()).containsExactly(-1000f, 0.1f);
        assertThat(read.value("u64").orElseThrow().asLong()).isEqualTo(-1L);
        assertThat(read.tensors()).isEmpty();
    }

    @Test
    void write_tensorsOfSeveralTypes_areAlignedAndReadBack() throws IOException {
        float[] matrix = {1, 2, 3, 4, 5, 6};
        float[] q8 = new float[64];
        for (int i = 0; i < q8.length; i++) {
            q8[i] = i - 32;
        }
        byte[] raw = {1, 2, 3, 4, 5, 6, 7};
        Path file = dir.resolve("tensors.gguf");
        GgufWriter.create()
                .put("general.architecture", GgufValue.string("test"))
                .addTensor("matrix", GgmlType.F32, TensorSource.ofFloats(matrix), 3, 2)
                .addTensor("half", GgmlType.F16, TensorSource.constant(1f), 5)
                .addTensor("quantized", GgmlType.Q8_0, TensorSource.ofFloats(q8), 32, 2)
                .addTensor("raw", GgmlType.I8, TensorSource.ofBytes(raw), 7, 1, 1, 1)
                .write(file);

        GgufFile read = GgufFile.read(file);
        assertThat(read.alignment()).isEqualTo(32);
        assertThat(read.dataOffset() % 32).isZero();
        assertThat(read.tensors()).containsExactly(
                new GgufTensorInfo("matrix", List.of(3L, 2L), GgmlType.F32, 0),
                new GgufTensorInfo("half", List.of(5L), GgmlType.F16, 32),
                new GgufTensorInfo("quantized", List.of(32L, 2L), GgmlType.Q8_0, 64),
                new GgufTensorInfo("raw", List.of(7L, 1L, 1L, 1L), GgmlType.I8, 160));
        // The last tensor is padded too, as gguf.cpp does.
        assertThat(Files.size(file)).isEqualTo(read.dataOffset() + 192);

        ByteBuffer floats = data(read, "matrix");
        for (float value : matrix) {
            assertThat(floats.getFloat()).isEqualTo(value);
        }
        ByteBuffer half = data(read, "half");
        for (int i = 0; i < 5; i++) {
            assertThat(Float.float16ToFloat(half.getShort())).isEqualTo(1f);
        }
        ByteBuffer quantized = data(read, "quantized");
        assertThat(Float.float16ToFloat(quantized.getShort())).isEqualTo(Float.float16ToFloat(
                Float.floatToFloat16(32f / 127)));
        assertThat(quantized.get()).isEqualTo((byte) -127);
        assertThat(data(read, "raw").array()).containsExactly(raw);
    }

    @Test
    void alignment_64_isWrittenAsMetadataAndAlignsTheData() throws IOException {
        Path file = dir.resolve("aligned.gguf");
        GgufWriter.create()
                .alignment(64)
                .addTensor("a", GgmlType.F32, TensorSource.constant(0f), 3)
                .addTensor("b", GgmlType.F32, TensorSource.constant(0f), 3)
                .write(file);

        GgufFile read = GgufFile.read(file);
        assertThat(read.alignment()).isEqualTo(64);
        assertThat(read.metadata()).containsEntry("general.alignment", GgufValue.uint32(64));
        assertThat(read.dataOffset() % 64).isZero();
        assertThat(read.tensor("b").orElseThrow().offset()).isEqualTo(64);
    }

    @Test
    void alignment_putAsMetadata_setsTheAlignment() {
        GgufWriter writer = GgufWriter.create()
                .put("general.alignment", GgufValue.uint32(128))
                .addTensor("a", GgmlType.F32, TensorSource.constant(0f), 1)
                .addTensor("b", GgmlType.F32, TensorSource.constant(0f), 1);
        assertThat(writer.tensorInfos().get(1).offset()).isEqualTo(128);
    }

    @Test
    void put_alignmentNotUint32PowerOfTwo_isRefused() {
        assertThatThrownBy(() -> GgufWriter.create().put("general.alignment", GgufValue.uint64(32)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GgufWriter.create().alignment(48)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void put_sameKeyTwice_replacesTheValueInPlace() throws IOException {
        Path file = dir.resolve("replaced.gguf");
        GgufWriter.create()
                .put("a", GgufValue.uint32(1))
                .put("b", GgufValue.uint32(2))
                .put("a", GgufValue.string("again"))
                .write(file);
        assertThat(GgufFile.read(file).metadata())
                .containsExactly(Map.entry("a", GgufValue.string("again")), Map.entry("b", GgufValue.uint32(2)));
    }

    @Test
    void addTensor_invalid_isRefused() {
        GgufWriter writer = GgufWriter.create().addTensor("t", GgmlType.F32, TensorSource.constant(0f), 4);
        assertThatThrownBy(() -> writer.addTensor("t", GgmlType.F32, TensorSource.constant(0f), 4))
                .hasMessageContaining("duplicate");
        assertThatThrownBy(() -> writer.addTensor("x".repeat(64), GgmlType.F32, TensorSource.constant(0f), 4))
                .hasMessageContaining("longer than 63 bytes");
        assertThatThrownBy(() -> writer.addTensor("q", GgmlType.Q8_0, TensorSource.constant(0f), 33))
                .hasMessageContaining("not whole Q8_0 blocks");
        assertThatThrownBy(() -> writer.addTensor("k", GgmlType.Q4_K, TensorSource.constant(0f), 256))
                .hasMessageContaining("cannot be encoded as Q4_K");
        assertThatThrownBy(() -> writer.addTensor("d", GgmlType.F32, TensorSource.constant(0f), 1, 1, 1, 1, 1))
                .hasMessageContaining("5 dimensions");
        assertThat(writer.tensorInfos()).hasSize(1);
    }

    @Test
    void write_sourceWritesTooFewBytes_failsAndLeavesNoFile() {
        Path file = dir.resolve("short.gguf");
        GgufWriter writer = GgufWriter.create()
                .addTensor("t", GgmlType.I8, TensorSource.ofBytes(new byte[3]), 4);
        assertThatThrownBy(() -> writer.write(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("wrote 3 bytes, expected 4");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void write_floatsOfWrongCount_failsAndLeavesNoFile() {
        GgufWriter writer = GgufWriter.create()
                .addTensor("t", GgmlType.F32, TensorSource.ofFloats(new float[5]), 4);
        assertThatThrownBy(() -> writer.write(dir.resolve("wrong.gguf"))).hasMessageContaining("5 values for 4");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void write_overAnExistingFile_replacesIt() throws IOException {
        Path file = dir.resolve("model.gguf");
        Files.writeString(file, "old");
        GgufWriter.create().put("k", GgufValue.bool(false)).write(file);
        assertThat(GgufFile.read(file).metadata()).containsOnlyKeys("k");
        assertThat(dir).isDirectoryContaining(path -> path.equals(file))
                .isDirectoryNotContaining(path -> path.getFileName().toString().endsWith(".tmp"));
    }

    @Test
    void write_twice_givesIdenticalFiles() throws IOException {
        GgufWriter writer = GgufWriter.create()
                .put("general.architecture", GgufValue.string("llama"))
                .addTensor("t", GgmlType.F16, TensorSource.constant(0.25f), 64, 3);
        writer.write(dir.resolve("one.gguf"));
        writer.write(dir.resolve("two.gguf"));
        assertThat(Files.mismatch(dir.resolve("one.gguf"), dir.resolve("two.gguf"))).isEqualTo(-1);
    }

    static ByteBuffer data(GgufFile file, String tensorName) throws IOException {
        GgufTensorInfo tensor = file.tensor(tensorName).orElseThrow();
        ByteBuffer buffer = ByteBuffer.allocate((int) tensor.byteSize()).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel channel = FileChannel.open(file.path())) {
            channel.read(buffer, file.dataOffset() + tensor.offset());
        }
        return buffer.flip();
    }

    private static String hex(String ascii) {
        return HexFormat.of().formatHex(ascii.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
