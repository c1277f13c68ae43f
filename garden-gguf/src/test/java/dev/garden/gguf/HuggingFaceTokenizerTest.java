package dev.garden.gguf;

import dev.garden.gguf.HuggingFaceTokenizer.TokenType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link HuggingFaceTokenizer} on small hand-written tokenizer files: the conversion rules one by one. */
class HuggingFaceTokenizerTest {
    private static final String QWEN2_SPLIT = "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\\\r\\\\n\\\\p{L}\\\\p{N}]?\\\\p{L}+"
            + "|\\\\p{N}| ?[^\\\\s\\\\p{L}\\\\p{N}]+[\\\\r\\\\n]*|\\\\s*[\\\\r\\\\n]+|\\\\s+(?!\\\\S)|\\\\s+";
    private static final String LLAMA3_SPLIT = "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\\\r\\\\n\\\\p{L}\\\\p{N}]?\\\\p{L}+"
            + "|\\\\p{N}{1,3}| ?[^\\\\s\\\\p{L}\\\\p{N}]+[\\\\r\\\\n]*|\\\\s*[\\\\r\\\\n]+|\\\\s+(?!\\\\S)|\\\\s+";
    private static final String BYTE_LEVEL =
            "{\"type\": \"ByteLevel\", \"add_prefix_space\": false, \"trim_offsets\": false, \"use_regex\": false}";

    @TempDir
    Path dir;

    /** A Qwen-like tokenizer.json: vocabulary ids 0-5, added tokens at 6, 7, 8 and 10 (9 is a gap). */
    private static String tokenizerJson(String preTokenizer, String merges) {
        return """
                {"version": "1.0",
                 "added_tokens": [
                  {"id": 6, "content": "<|endoftext|>", "special": true, "normalized": false},
                  {"id": 7, "content": "<|im_end|>", "special": true, "normalized": false},
                  {"id": 8, "content": "<think>", "special": false, "normalized": false},
                  {"id": 10, "content": "<|fim_pad|>", "special": false, "normalized": false}],
                 "normalizer": {"type": "NFC"},
                 "pre_tokenizer": %s,
                 "decoder": %s,
                 "model": {"type": "BPE", "dropout": null, "unk_token": null, "byte_fallback": false,
                  "vocab": {"a": 0, "b": 1, "Ġ": 2, "ab": 3, "Ġa": 4, "Ġab": 5},
                  "merges": %s}}
                """.formatted(preTokenizer, BYTE_LEVEL, merges);
    }

    private static String qwenPreTokenizer(String split) {
        return """
                {"type": "Sequence", "pretokenizers": [
                  {"type": "Split", "pattern": {"Regex": "%s"}, "behavior": "Isolated", "invert": false},
                  %s]}""".formatted(split, BYTE_LEVEL);
    }

    private static HuggingFaceTokenizer qwenLike(String config) {
        return HuggingFaceTokenizer.parse(tokenizerJson(qwenPreTokenizer(QWEN2_SPLIT),
                "[[\"a\", \"b\"], [\"Ġ\", \"a\"], [\"Ġa\", \"b\"]]"), config);
    }

    @Test
    void parse_qwenLike_givesTokensAtTheirIdsWithGapsFilled() {
        HuggingFaceTokenizer tokenizer = qwenLike(null);

        assertThat(tokenizer.vocabularySize()).isEqualTo(11);
        assertThat(tokenizer.tokens()).containsExactly("a", "b", "Ġ", "ab", "Ġa", "Ġab", "<|endoftext|>",
                "<|im_end|>", "<think>", "[PAD9]", "<|fim_pad|>");
        assertThat(tokenizer.tokenId("<think>")).hasValue(8);
        assertThat(tokenizer.tokenId("Ġab")).hasValue(5);
        assertThat(tokenizer.tokenId("<nothing>")).isEmpty();
    }

    @Test
    void tokenType_byKind_followsTheConverter() {
        HuggingFaceTokenizer tokenizer = qwenLike(null);

        assertThat(tokenizer.tokenType(0)).isEqualTo(TokenType.NORMAL);
        assertThat(tokenizer.tokenType(6)).isEqualTo(TokenType.CONTROL);
        assertThat(tokenizer.tokenType(8)).isEqualTo(TokenType.USER_DEFINED);
        assertThat(tokenizer.tokenType(9)).isEqualTo(TokenType.UNUSED);
        // Not marked special, but <|...|>: control, as convert_hf_to_gguf.py makes it.
        assertThat(tokenizer.tokenType(10)).isEqualTo(TokenType.CONTROL);
        assertThat(tokenizer.ggufMetadata().get("tokenizer.ggml.token_type"))
                .isEqualTo(GgufValue.int32Array(1, 1, 1, 1, 1, 1, 3, 3, 4, 5, 3));
    }

    @Test
    void ggufMetadata_qwenLikeWithConfig_hasWhatLlamaCppReads() {
        HuggingFaceTokenizer tokenizer = qwenLike("""
                {"add_bos_token": false, "bos_token": null, "eos_token": "<|im_end|>", "pad_token": "<|endoftext|>",
                 "unk_token": null, "chat_template": "{{ messages }}", "model_max_length": 131072}""");

        Map<String, GgufValue> metadata = tokenizer.ggufMetadata();

        assertThat(metadata.keySet()).containsExactly("tokenizer.ggml.model", "tokenizer.ggml.pre",
                "tokenizer.ggml.tokens", "tokenizer.ggml.token_type", "tokenizer.ggml.merges",
                "tokenizer.ggml.eos_token_id", "tokenizer.ggml.padding_token_id", "tokenizer.ggml.add_bos_token",
                "tokenizer.chat_template");
        assertThat(metadata.get("tokenizer.ggml.model")).isEqualTo(GgufValue.string("gpt2"));
        assertThat(metadata.get("tokenizer.ggml.pre")).isEqualTo(GgufValue.string("qwen2"));
        assertThat(metadata.get("tokenizer.ggml.tokens").asArray().strings()).isEqualTo(tokenizer.tokens());
        assertThat(metadata.get("tokenizer.ggml.merges").asArray().strings()).containsExactly("a b", "Ġ a", "Ġa b");
        assertThat(metadata.get("tokenizer.ggml.eos_token_id")).isEqualTo(GgufValue.uint32(7));
        assertThat(metadata.get("tokenizer.ggml.padding_token_id")).isEqualTo(GgufValue.uint32(6));
        assertThat(metadata.get("tokenizer.ggml.add_bos_token")).isEqualTo(GgufValue.bool(false));
        assertThat(metadata.get("tokenizer.chat_template")).isEqualTo(GgufValue.string("{{ messages }}"));
        assertThat(tokenizer.specialTokenIds()).containsExactly(Map.entry("eos", 7), Map.entry("pad", 6));
    }

    @Test
    void merges_stringForm_areKeptAndPairsWithSpacesAreSpelledByteLevel() {
        HuggingFaceTokenizer strings = HuggingFaceTokenizer.parse(
                tokenizerJson(qwenPreTokenizer(QWEN2_SPLIT), "[\"a b\", \"Ġ a\"]"), null);
        HuggingFaceTokenizer pairs = HuggingFaceTokenizer.parse(
                tokenizerJson(qwenPreTokenizer(QWEN2_SPLIT), "[[\"a b\", \"c\"]]"), null);

        assertThat(strings.ggufMetadata().get("tokenizer.ggml.merges").asArray().strings())
                .containsExactly("a b", "Ġ a");
        assertThat(pairs.ggufMetadata().get("tokenizer.ggml.merges").asArray().strings()).containsExactly("aĠb c");
    }

    @Test
    void specialTokenIds_addedTokenObjectsAndClsSepFallbacks_resolve() {
        HuggingFaceTokenizer tokenizer = qwenLike("""
                {"cls_token": {"__type": "AddedToken", "content": "<|endoftext|>", "special": true},
                 "sep_token": "<|im_end|>", "mask_token": "<think>", "unk_token": "<absent>",
                 "add_eos_token": true, "add_sep_token": false}""");

        assertThat(tokenizer.specialTokenIds()).containsExactly(Map.entry("bos", 6), Map.entry("eos", 7),
                Map.entry("sep", 7), Map.entry("mask", 8));
        Map<String, GgufValue> metadata = tokenizer.ggufMetadata();
        assertThat(metadata.get("tokenizer.ggml.bos_token_id")).isEqualTo(GgufValue.uint32(6));
        assertThat(metadata.get("tokenizer.ggml.seperator_token_id")).isEqualTo(GgufValue.uint32(7));
        assertThat(metadata.get("tokenizer.ggml.mask_token_id")).isEqualTo(GgufValue.uint32(8));
        assertThat(metadata.get("tokenizer.ggml.add_eos_token")).isEqualTo(GgufValue.bool(true));
        assertThat(metadata.get("tokenizer.ggml.add_sep_token")).isEqualTo(GgufValue.bool(false));
        assertThat(metadata).doesNotContainKeys("tokenizer.ggml.unknown_token_id", "tokenizer.ggml.add_bos_token");
    }

    @Test
    void chatTemplate_namedList_givesDefaultAndNamedKeys() {
        HuggingFaceTokenizer tokenizer = qwenLike("""
                {"chat_template": [{"name": "default", "template": "D"}, {"name": "tool-use", "template": "T"},
                                   {"name": "rag", "template": "R"}]}""");

        Map<String, GgufValue> metadata = tokenizer.ggufMetadata();
        assertThat(tokenizer.chatTemplate()).hasValue("D");
        assertThat(metadata.get("tokenizer.chat_template")).isEqualTo(GgufValue.string("D"));
        assertThat(metadata.get("tokenizer.chat_template.tool_use")).isEqualTo(GgufValue.string("T"));
        assertThat(metadata.get("tokenizer.chat_template.rag")).isEqualTo(GgufValue.string("R"));
        assertThat(metadata.get("tokenizer.chat_templates"))
                .isEqualTo(GgufValue.stringArray(List.of("tool_use", "rag")));
    }

    @Test
    void read_directoryWithChatTemplateJinja_usesItWhenTheConfigHasNone() throws IOException {
        Files.writeString(dir.resolve("tokenizer.json"),
                tokenizerJson(qwenPreTokenizer(QWEN2_SPLIT), "[]"));
        Files.writeString(dir.resolve("tokenizer_config.json"), "{\"eos_token\": \"<|im_end|>\"}");
        Files.writeString(dir.resolve("chat_template.jinja"), "{{ 'from the file' }}");

        HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.read(dir);

        assertThat(tokenizer.chatTemplate()).hasValue("{{ 'from the file' }}");
        assertThat(tokenizer.specialTokenIds()).containsExactly(Map.entry("eos", 7));
    }

    @Test
    void preTokenizer_knownByteLevelKinds_areRecognized() {
        assertThat(HuggingFaceTokenizer.parse(tokenizerJson(qwenPreTokenizer(LLAMA3_SPLIT), "[]"), null)
                .preTokenizer()).hasValue("llama-bpe");
        String gpt2 = "{\"type\": \"ByteLevel\", \"add_prefix_space\": false, \"use_regex\": true}";
        assertThat(HuggingFaceTokenizer.parse(tokenizerJson(gpt2, "[]"), null).preTokenizer()).hasValue("gpt-2");
    }

    @Test
    void ggufMetadata_unknownPreTokenizer_needsItsName() {
        String digits = """
                {"type": "Sequence", "pretokenizers": [{"type": "Digits", "individual_digits": true}, %s]}"""
                .formatted(BYTE_LEVEL);
        HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.parse(tokenizerJson(digits, "[]"), null);

        assertThat(tokenizer.preTokenizer()).isEmpty();
        assertThatThrownBy(tokenizer::ggufMetadata).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pass llama.cpp's name");
        assertThat(tokenizer.ggufMetadata("smollm").get("tokenizer.ggml.pre")).isEqualTo(GgufValue.string("smollm"));
    }

    @Test
    void parse_notByteLevelBpe_isRefused() {
        String bpe = tokenizerJson(qwenPreTokenizer(QWEN2_SPLIT), "[]");
        assertThatThrownBy(() -> HuggingFaceTokenizer.parse(bpe.replace("\"BPE\"", "\"Unigram\""), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not BPE");
        assertThatThrownBy(() -> HuggingFaceTokenizer.parse(
                bpe.replace("\"byte_fallback\": false", "\"byte_fallback\": true"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("falls back to bytes");
        String metaspace = "{\"type\": \"Metaspace\", \"replacement\": \"▁\"}";
        assertThatThrownBy(() -> HuggingFaceTokenizer.parse(
                tokenizerJson(metaspace, "[]").replace(BYTE_LEVEL, metaspace), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not byte-level");
        assertThatThrownBy(() -> HuggingFaceTokenizer.parse("{\"model\": ", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("tokenizer.json: invalid JSON");
        assertThatThrownBy(() -> HuggingFaceTokenizer.parse(bpe, "[]"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tokenizer_config.json");
    }
}
