package dev.garden.gguf;

import dev.garden.gguf.HuggingFaceTokenizer.TokenType;
import dev.garden.gguf.testing.Qwen3TestModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link HuggingFaceTokenizer} on Qwen3's real tokenizer files (fetched into the test cache), and the GGUF that
 * {@link Qwen3TestModel} writes with them. That llama.cpp tokenizes with it as Hugging Face does is
 * {@link Qwen3TokenizerLlamaTest}'s part.
 */
class Qwen3TokenizerTest {
    static HuggingFaceTokenizer tokenizer;
    static Path directory;

    @BeforeAll
    static void read() throws IOException {
        directory = Qwen3TestModel.tokenizerDirectory(TestModels.testCache());
        tokenizer = HuggingFaceTokenizer.read(directory);
    }

    @Test
    void read_qwen3_hasItsVocabularyAndAddedTokens() {
        assertThat(tokenizer.vocabularySize()).isEqualTo(Qwen3TestModel.VOCABULARY_SIZE).isEqualTo(151_643 + 26);
        assertThat(tokenizer.tokens().subList(0, 3)).containsExactly("!", "\"", "#");
        assertThat(tokenizer.tokens()).doesNotContain("[PAD151643]").noneMatch(token -> token.startsWith("[PAD"));
        assertThat(tokenizer.preTokenizer()).hasValue("qwen2");
    }

    @Test
    void tokenId_specialTokens_haveTheIdsTheTestModelPromises() {
        Map<String, Integer> expected = Map.of(
                "<|endoftext|>", Qwen3TestModel.END_OF_TEXT,
                "<|im_start|>", Qwen3TestModel.IM_START,
                "<|im_end|>", Qwen3TestModel.IM_END,
                "<tool_call>", Qwen3TestModel.TOOL_CALL,
                "</tool_call>", Qwen3TestModel.TOOL_CALL_END,
                "<tool_response>", Qwen3TestModel.TOOL_RESPONSE,
                "</tool_response>", Qwen3TestModel.TOOL_RESPONSE_END,
                "<think>", Qwen3TestModel.THINK,
                "</think>", Qwen3TestModel.THINK_END);
        expected.forEach((text, id) -> assertThat(tokenizer.tokenId(text)).as(text).hasValue(id));
        assertThat(Qwen3TestModel.THINK).isEqualTo(151_667);
    }

    @Test
    void tokenType_addedTokens_areControlOrUserDefinedAsInQwen3Ggufs() {
        for (String control : List.of("<|endoftext|>", "<|im_start|>", "<|im_end|>", "<|vision_pad|>",
                // Not special in tokenizer.json, but <|...|>: control, as the converter makes them.
                "<|fim_prefix|>", "<|fim_pad|>", "<|repo_name|>", "<|file_sep|>")) {
            assertThat(tokenizer.tokenType(tokenizer.tokenId(control).orElseThrow())).as(control)
                    .isEqualTo(TokenType.CONTROL);
        }
        for (String userDefined : List.of("<tool_call>", "</tool_call>", "<tool_response>", "</tool_response>",
                "<think>", "</think>")) {
            assertThat(tokenizer.tokenType(tokenizer.tokenId(userDefined).orElseThrow())).as(userDefined)
                    .isEqualTo(TokenType.USER_DEFINED);
        }
        assertThat(tokenizer.tokenType(tokenizer.tokenId("Ġthe").orElseThrow())).isEqualTo(TokenType.NORMAL);
    }

    @Test
    void ggufMetadata_qwen3_hasMergesSpecialIdsAndTemplate() throws IOException {
        Map<String, GgufValue> metadata = tokenizer.ggufMetadata();

        assertThat(metadata.get("tokenizer.ggml.model")).isEqualTo(GgufValue.string("gpt2"));
        assertThat(metadata.get("tokenizer.ggml.pre")).isEqualTo(GgufValue.string("qwen2"));
        List<String> merges = metadata.get("tokenizer.ggml.merges").asArray().strings();
        assertThat(merges).hasSize(151_387);
        assertThat(merges.subList(0, 3)).containsExactly("Ġ Ġ", "ĠĠ ĠĠ", "i n");
        assertThat(metadata.get("tokenizer.ggml.eos_token_id")).isEqualTo(GgufValue.uint32(Qwen3TestModel.IM_END));
        assertThat(metadata.get("tokenizer.ggml.padding_token_id"))
                .isEqualTo(GgufValue.uint32(Qwen3TestModel.END_OF_TEXT));
        assertThat(metadata.get("tokenizer.ggml.add_bos_token")).isEqualTo(GgufValue.bool(false));
        assertThat(metadata).doesNotContainKeys("tokenizer.ggml.bos_token_id", "tokenizer.ggml.unknown_token_id");
        String config = Files.readString(directory.resolve("tokenizer_config.json"));
        Object template = ((Map<?, ?>) Json.parse(config)).get("chat_template");
        assertThat(metadata.get("tokenizer.chat_template")).isEqualTo(GgufValue.string((String) template));
        assertThat((String) template).contains("<think>", "enable_thinking", "<tool_call>");
    }

    @Test
    void write_testModel_isReusedAndReadsBackWithTheTokenizer() throws IOException {
        Path file = Qwen3TestModel.write(TestModels.testCache());
        assertThat(Qwen3TestModel.write(TestModels.testCache())).isEqualTo(file);

        GgufFile gguf = GgufFile.read(file);
        Map<String, GgufValue> written = gguf.metadataWithPrefix("tokenizer.");
        Map<String, GgufValue> expected = new java.util.LinkedHashMap<>(tokenizer.ggufMetadata());
        expected.put("tokenizer.ggml.bos_token_id", GgufValue.uint32(Qwen3TestModel.END_OF_TEXT));
        assertThat(written).isEqualTo(expected);
        assertThat(gguf.metadata().get("llama.vocab_size")).isEqualTo(GgufValue.uint32(Qwen3TestModel.VOCABULARY_SIZE));
        assertThat(gguf.tensor("token_embd.weight").orElseThrow().shape())
                .containsExactly(64L, (long) Qwen3TestModel.VOCABULARY_SIZE);
        assertThat(Files.size(file)).isLessThan(30_000_000);
    }
}
