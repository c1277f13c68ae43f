package dev.garden.gguf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

/** {@link SyntheticModel}: the llama layout, the metadata, the weights, determinism and the checks. */
class SyntheticModelTest {
    @TempDir
    Path dir;

    @Test
    void write_tinyWithStoriesTokenizer_hasLlamaMetadataAndTheCopiedTokenizer() throws IOException {
        GgufFile stories = GgufFile.read(TestModels.stories260K());
        Path file = dir.resolve("tiny.gguf");
        SyntheticModel.preset("llama-tiny-f32").tokenizerFrom(stories).build().write(file);

        GgufFile written = GgufFile.read(file);
        Map<String, GgufValue> metadata = written.metadata();
        assertThat(metadata.get("general.architecture")).isEqualTo(GgufValue.string("llama"));
        assertThat(metadata.get("general.file_type")).isEqualTo(GgufValue.uint32(0));
        assertThat(metadata.get("llama.context_length")).isEqualTo(GgufValue.uint32(2048));
        assertThat(metadata.get("llama.embedding_length")).isEqualTo(GgufValue.uint32(64));
        assertThat(metadata.get("llama.block_count")).isEqualTo(GgufValue.uint32(2));
        assertThat(metadata.get("llama.feed_forward_length")).isEqualTo(GgufValue.uint32(128));
        assertThat(metadata.get("llama.attention.head_count")).isEqualTo(GgufValue.uint32(4));
        assertThat(metadata.get("llama.attention.head_count_kv")).isEqualTo(GgufValue.uint32(2));
        assertThat(metadata.get("llama.rope.dimension_count")).isEqualTo(GgufValue.uint32(16));
        assertThat(metadata.get("llama.vocab_size")).isEqualTo(GgufValue.uint32(512));
        assertThat(metadata.get("llama.attention.layer_norm_rms_epsilon")).isEqualTo(GgufValue.float32(1e-5f));
        assertThat(metadata).doesNotContainKey("general.alignment");
        assertThat(written.metadataWithPrefix("tokenizer.")).isEqualTo(stories.metadataWithPrefix("tokenizer."));
    }

    @Test
    void tensors_llamaTiny_haveTheShapesLlamaCppExpects() {
        SyntheticModel model = SyntheticModel.preset("llama-tiny-f32").vocabularySize(100).build();
        Map<String, List<Long>> shapes = new LinkedHashMap<>();
        model.tensors().forEach(tensor -> shapes.put(tensor.name(), tensor.shape()));

        List<String> expectedNames = new ArrayList<>(List.of("token_embd.weight"));
        for (int block = 0; block < 2; block++) {
            for (String name : List.of("attn_norm", "attn_q", "attn_k", "attn_v", "attn_output", "ffn_norm",
                    "ffn_gate", "ffn_up", "ffn_down")) {
                expectedNames.add("blk." + block + "." + name + ".weight");
            }
        }
        expectedNames.addAll(List.of("output_norm.weight", "output.weight"));
        assertThat(shapes.keySet()).containsExactlyElementsOf(expectedNames);
        // ggml order, the row length first; the KV projections are 2 heads of 16 wide.
        assertThat(shapes.get("token_embd.weight")).containsExactly(64L, 100L);
        assertThat(shapes.get("blk.1.attn_norm.weight")).containsExactly(64L);
        assertThat(shapes.get("blk.1.attn_q.weight")).containsExactly(64L, 64L);
        assertThat(shapes.get("blk.1.attn_k.weight")).containsExactly(64L, 32L);
        assertThat(shapes.get("blk.1.attn_v.weight")).containsExactly(64L, 32L);
        assertThat(shapes.get("blk.1.attn_output.weight")).containsExactly(64L, 64L);
        assertThat(shapes.get("blk.1.ffn_gate.weight")).containsExactly(64L, 128L);
        assertThat(shapes.get("blk.1.ffn_up.weight")).containsExactly(64L, 128L);
        assertThat(shapes.get("blk.1.ffn_down.weight")).containsExactly(128L, 64L);
        assertThat(shapes.get("output.weight")).containsExactly(64L, 100L);
        assertThat(model.tensors()).allSatisfy(tensor -> assertThat(tensor.type()).isEqualTo(GgmlType.F32));
    }

    @Test
    void parameterCount_llama450m_isAbout453MillionAndIsF16() {
        SyntheticModel model = SyntheticModel.preset("llama-450m-f16").tokenizer(fakeTokenizer(49_152)).build();
        long embedding = 49_152L * 1024;
        long block = 2 * 1024 + 4 * 1024L * 1024 + 3 * 1024L * 4096;
        assertThat(model.parameterCount()).isEqualTo(embedding + 24 * block + 1024).isEqualTo(453_035_008L);
        assertThat(model.tensorDataSize()).isEqualTo(2 * (embedding + 24 * (block - 2048)) + 4 * (24 * 2048 + 1024));
        assertThat(model.tensors()).filteredOn(tensor -> tensor.shape().size() == 2)
                .allSatisfy(tensor -> assertThat(tensor.type()).isEqualTo(GgmlType.F16));
        assertThat(model.describe()).contains("453.0M parameters", "F16", "embedding 1024", "24 blocks",
                "FFN 4096", "16 heads / 16 KV heads", "vocabulary 49152", "tied");
    }

    @Test
    void tiedEmbeddings_dropTheOutputProjection() {
        SyntheticModel model = SyntheticModel.builder().vocabularySize(32).tiedEmbeddings(true).build();
        assertThat(model.tensors()).noneMatch(tensor -> tensor.name().equals("output.weight"));
        assertThat(model.tensors().getLast().name()).isEqualTo("output_norm.weight");
        assertThat(model.describe()).contains("tied embeddings");
    }

    @Test
    void write_sameSeedTwice_givesIdenticalFiles_otherSeedDiffers() throws IOException {
        SyntheticModel.builder().seed(1).build().write(dir.resolve("a.gguf"));
        SyntheticModel.builder().seed(1).build().write(dir.resolve("b.gguf"));
        SyntheticModel.builder().seed(2).build().write(dir.resolve("c.gguf"));
        assertThat(Files.mismatch(dir.resolve("a.gguf"), dir.resolve("b.gguf"))).isEqualTo(-1);
        assertThat(Files.mismatch(dir.resolve("a.gguf"), dir.resolve("c.gguf"))).isNotEqualTo(-1);
    }

    @Test
    void write_weights_haveTheChosenSpreadAndNormsAreOne() throws IOException {
        Path file = dir.resolve("weights.gguf");
        SyntheticModel.builder().embeddingLength(256).feedForwardLength(512).headCount(4).headCountKv(4)
                .weightStandardDeviation(0.02f).build().write(file);
        GgufFile read = GgufFile.read(file);

        ByteBuffer weights = GgufWriterTest.data(read, "blk.0.ffn_up.weight");
        int count = weights.remaining() / 4;
        double sum = 0;
        double squares = 0;
        float max = 0;
        for (int i = 0; i < count; i++) {
            float value = weights.getFloat();
            sum += value;
            squares += value * value;
            max = Math.max(max, Math.abs(value));
        }
        double mean = sum / count;
        assertThat(mean).isCloseTo(0, offset(0.001));
        assertThat(Math.sqrt(squares / count - mean * mean)).isCloseTo(0.02, offset(0.0005));
        assertThat(max).isLessThan(0.02f * 3.5f);

        ByteBuffer norm = GgufWriterTest.data(read, "blk.1.ffn_norm.weight");
        while (norm.hasRemaining()) {
            assertThat(norm.getFloat()).isEqualTo(1f);
        }
        // Two tensors of the same shape draw different weights.
        assertThat(GgufWriterTest.data(read, "blk.0.attn_q.weight"))
                .isNotEqualTo(GgufWriterTest.data(read, "blk.0.attn_output.weight"));
    }

    @Test
    void tokenizer_withChatTemplate_isCopiedWhole() throws IOException {
        Map<String, GgufValue> tokenizer = new LinkedHashMap<>(fakeTokenizer(40));
        tokenizer.put("tokenizer.chat_template", GgufValue.string("{{ messages }}"));
        Path file = dir.resolve("chat.gguf");
        SyntheticModel.builder().tokenizer(tokenizer).build().write(file);
        assertThat(GgufFile.read(file).metadataWithPrefix("tokenizer.")).containsExactlyEntriesOf(tokenizer);
    }

    @Test
    void noTokenizer_writesLlamaCppsNoneVocabulary() throws IOException {
        Path file = dir.resolve("none.gguf");
        SyntheticModel.builder().vocabularySize(300).build().write(file);
        GgufFile read = GgufFile.read(file);
        assertThat(read.metadataWithPrefix("tokenizer.")).containsExactly(
                Map.entry("tokenizer.ggml.model", GgufValue.string("none")));
        assertThat(read.metadata().get("llama.vocab_size")).isEqualTo(GgufValue.uint32(300));
        assertThat(read.tensor("token_embd.weight").orElseThrow().shape()).containsExactly(64L, 300L);
    }

    @Test
    void build_settingsThatDoNotFit_areRefusedByName() {
        assertThatThrownBy(() -> SyntheticModel.builder().embeddingLength(100).headCount(3).build())
                .hasMessageContaining("not a multiple of the head count");
        assertThatThrownBy(() -> SyntheticModel.builder().headCount(4).headCountKv(3).build())
                .hasMessageContaining("does not divide");
        assertThatThrownBy(() -> SyntheticModel.builder().weightType(GgmlType.Q8_0).feedForwardLength(100).build())
                .hasMessageContaining("multiples");
        assertThatThrownBy(() -> SyntheticModel.builder().weightType(GgmlType.Q4_K).build())
                .hasMessageContaining("weights cannot be Q4_K");
        assertThatThrownBy(() -> SyntheticModel.builder().tokenizer(Map.of("general.name", GgufValue.string("x"))))
                .hasMessageContaining("not a tokenizer key");
        assertThatThrownBy(() -> SyntheticModel.builder().tokenizer(Map.of("tokenizer.ggml.model",
                GgufValue.string("gpt2")))).hasMessageContaining("tokenizer.ggml.tokens");
        assertThatThrownBy(() -> SyntheticModel.preset("llama-7b"))
                .hasMessageContaining("llama-450m-f16").hasMessageContaining("llama-tiny-f32");
    }

    @Test
    void preset_changedAfterwards_leavesThePresetAlone() {
        SyntheticModel.preset("llama-tiny-f32").blockCount(9);
        assertThat(SyntheticModel.preset("llama-tiny-f32").vocabularySize(10).build().tensors())
                .noneMatch(tensor -> tensor.name().startsWith("blk.2."));
    }

    private static Map<String, GgufValue> fakeTokenizer(int tokens) {
        return Map.of("tokenizer.ggml.model", GgufValue.string("gpt2"),
                "tokenizer.ggml.tokens", GgufValue.stringArray(Collections.nCopies(tokens, "t")));
    }
}
