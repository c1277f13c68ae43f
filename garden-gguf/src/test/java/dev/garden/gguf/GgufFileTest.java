package dev.garden.gguf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link GgufFile} on real models and on damaged files. */
class GgufFileTest {
    @TempDir
    Path dir;

    @Test
    void read_stories260K_hasItsKnownMetadataAndTensors() throws IOException {
        GgufFile file = GgufFile.read(TestModels.stories260K());

        assertThat(file.version()).isEqualTo(3);
        assertThat(file.alignment()).isEqualTo(32);
        assertThat(file.metadata().get("general.architecture").asString()).isEqualTo("llama");
        assertThat(file.metadata().get("llama.context_length")).isEqualTo(GgufValue.uint32(2048));
        assertThat(file.metadata().get("llama.embedding_length").asLong()).isEqualTo(64);
        assertThat(file.metadata().get("llama.block_count").asLong()).isEqualTo(5);
        assertThat(file.metadata().get("llama.feed_forward_length").asLong()).isEqualTo(172);
        assertThat(file.metadata().get("llama.attention.head_count").asLong()).isEqualTo(8);
        assertThat(file.metadata().get("llama.attention.head_count_kv").asLong()).isEqualTo(4);
        assertThat(file.metadata().get("llama.attention.layer_norm_rms_epsilon"))
                .isEqualTo(GgufValue.float32(1e-5f));
        assertThat(file.metadata().get("tokenizer.ggml.model").asString()).isEqualTo("llama");
        GgufValue.ArrayValue tokens = file.metadata().get("tokenizer.ggml.tokens").asArray();
        assertThat(tokens.size()).isEqualTo(512);
        assertThat(tokens.strings().subList(0, 3)).containsExactly("<unk>", "<s>", "</s>");
        assertThat(file.metadata().get("tokenizer.ggml.scores").asArray().elementType())
                .isEqualTo(GgufValueType.FLOAT32);
        assertThat(file.metadata().get("tokenizer.ggml.token_type").asArray().elementType())
                .isEqualTo(GgufValueType.INT32);
        assertThat(file.metadata().get("tokenizer.ggml.bos_token_id").asLong()).isEqualTo(1);

        // 5 blocks of 9 tensors, the embedding, the output norm and the output.
        assertThat(file.tensors()).hasSize(48);
        assertThat(file.tensors().getFirst())
                .isEqualTo(new GgufTensorInfo("token_embd.weight", List.of(64L, 512L), GgmlType.F32, 0));
        assertThat(file.tensor("blk.4.ffn_down.weight").orElseThrow().shape()).containsExactly(172L, 64L);
        assertThat(file.tensor("blk.0.attn_k.weight").orElseThrow().shape()).containsExactly(64L, 32L);
        assertThat(file.dataOffset()).isEqualTo(14176);
        GgufTensorInfo last = file.tensors().getLast();
        assertThat(file.dataOffset() + last.offset() + last.byteSize())
                .isEqualTo(Files.size(TestModels.stories260K()));
    }

    @Test
    void metadataWithPrefix_tokenizer_givesTheTokenizerKeysInFileOrder() throws IOException {
        GgufFile file = GgufFile.read(TestModels.stories260K());
        assertThat(file.metadataWithPrefix("tokenizer.")).containsOnlyKeys(
                "tokenizer.ggml.model", "tokenizer.ggml.tokens", "tokenizer.ggml.scores",
                "tokenizer.ggml.token_type", "tokenizer.ggml.unknown_token_id", "tokenizer.ggml.bos_token_id",
                "tokenizer.ggml.eos_token_id", "tokenizer.ggml.seperator_token_id",
                "tokenizer.ggml.padding_token_id");
        assertThat(file.metadataWithPrefix("tokenizer.").keySet().iterator().next())
                .isEqualTo("tokenizer.ggml.tokens");
    }

    @Test
    void read_smolLm2_hasItsBpeTokenizerAndChatTemplate() throws IOException {
        GgufFile file = GgufFile.read(TestModels.smolLm2());

        assertThat(file.metadata().get("tokenizer.ggml.model").asString()).isEqualTo("gpt2");
        assertThat(file.metadata().get("tokenizer.ggml.tokens").asArray().size()).isEqualTo(49_152);
        assertThat(file.metadata().get("tokenizer.ggml.merges").asArray().size()).isEqualTo(48_900);
        assertThat(file.metadata().get("tokenizer.chat_template").asString()).contains("<|im_start|>");
        assertThat(file.tensor("token_embd.weight").orElseThrow().shape()).containsExactly(576L, 49_152L);
    }

    @Test
    void read_notGguf_failsWithFormatException() throws IOException {
        Path file = write("not.gguf", "this is not a GGUF file at all".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> GgufFile.read(file))
                .isInstanceOf(GgufFormatException.class)
                .hasMessageContaining("no GGUF magic");
    }

    @Test
    void read_bigEndianFile_saysSo() throws IOException {
        Path file = write("big.gguf", header(Integer.reverseBytes(3), 0, 0).array());
        assertThatThrownBy(() -> GgufFile.read(file))
                .isInstanceOf(GgufFormatException.class)
                .hasMessageContaining("big-endian");
    }

    @Test
    void read_truncatedFile_failsWithFormatException() throws IOException {
        Path complete = dir.resolve("complete.gguf");
        GgufWriter.create()
                .put("general.architecture", GgufValue.string("llama"))
                .addTensor("t", GgmlType.F32, TensorSource.constant(1f), 8)
                .write(complete);
        byte[] bytes = Files.readAllBytes(complete);
        for (int length : new int[]{30, 60, 100}) {
            byte[] truncated = Arrays.copyOf(bytes, length);
            Path file = write("truncated-" + length + ".gguf", truncated);
            assertThatThrownBy(() -> GgufFile.read(file)).isInstanceOf(GgufFormatException.class);
        }
        // The header intact but the data cut short.
        Path file = write("no-data.gguf", Arrays.copyOf(bytes, bytes.length - 20));
        assertThatThrownBy(() -> GgufFile.read(file))
                .isInstanceOf(GgufFormatException.class)
                .hasMessageContaining("past the end of the file");
    }

    @Test
    void read_hugeArrayCount_failsWithoutAllocatingIt() throws IOException {
        ByteBuffer bytes = header(3, 0, 1);
        putString(bytes, "tokens");
        bytes.putInt(GgufValueType.ARRAY.id()).putInt(GgufValueType.STRING.id()).putLong(1L << 40);
        Path file = write("huge.gguf", bytes.array());
        assertThatThrownBy(() -> GgufFile.read(file))
                .isInstanceOf(GgufFormatException.class)
                .hasMessageContaining("does not fit");
    }

    @Test
    void read_arrayOfArrays_isRefusedAsLlamaCppDoes() throws IOException {
        ByteBuffer bytes = header(3, 0, 1);
        putString(bytes, "nested");
        bytes.putInt(GgufValueType.ARRAY.id()).putInt(GgufValueType.ARRAY.id()).putLong(1);
        Path file = write("nested.gguf", bytes.array());
        assertThatThrownBy(() -> GgufFile.read(file))
                .isInstanceOf(GgufFormatException.class)
                .hasMessageContaining("array of arrays");
    }

    @Test
    void read_duplicateKey_isRefused() throws IOException {
        ByteBuffer bytes = header(3, 0, 2);
        for (int i = 0; i < 2; i++) {
            putString(bytes, "key");
            bytes.putInt(GgufValueType.UINT8.id()).put((byte) i);
        }
        Path file = write("duplicate.gguf", bytes.array());
        assertThatThrownBy(() -> GgufFile.read(file)).hasMessageContaining("duplicate metadata key 'key'");
    }

    @Test
    void read_invalidUtf8_isRefusedRatherThanAltered() throws IOException {
        ByteBuffer bytes = header(3, 0, 1);
        putString(bytes, "bad");
        bytes.putInt(GgufValueType.STRING.id()).putLong(2).put((byte) 0xC3).put((byte) 0x28);
        Path file = write("utf8.gguf", bytes.array());
        assertThatThrownBy(() -> GgufFile.read(file)).hasMessageContaining("not valid UTF-8");
    }

    @Test
    void read_unknownTensorType_isRefused() throws IOException {
        ByteBuffer bytes = header(3, 1, 0);
        putString(bytes, "t");
        bytes.putInt(1).putLong(32).putInt(4).putLong(0); // type 4 was Q4_2, removed from ggml
        Path file = write("type.gguf", bytes.array());
        assertThatThrownBy(() -> GgufFile.read(file)).hasMessageContaining("unknown ggml type 4");
    }

    private static ByteBuffer header(int version, long tensors, long metadata) {
        ByteBuffer bytes = ByteBuffer.allocate(128).order(ByteOrder.LITTLE_ENDIAN);
        bytes.put("GGUF".getBytes(StandardCharsets.US_ASCII)).putInt(version).putLong(tensors).putLong(metadata);
        return bytes;
    }

    private static void putString(ByteBuffer bytes, String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        bytes.putLong(utf8.length).put(utf8);
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }
}
