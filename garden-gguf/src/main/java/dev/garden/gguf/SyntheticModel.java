package dev.garden.gguf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A llama-architecture model with random weights, written as GGUF: for tests and benchmarks that need a model of a
 * chosen size without committing or downloading one. The tokenizer (and chat template) can be copied from a real
 * model, so that text goes in and out; the output is gibberish, but deterministic for a seed.
 *
 * <pre>{@code
 * SyntheticModel model = SyntheticModel.preset("llama-450m-f16")
 *         .tokenizerFrom(GgufFile.read(smolLm2))
 *         .seed(42)
 *         .build();
 * System.out.println(model.describe());
 * model.write(Path.of("llama-450m-f16.gguf"));
 * }</pre>
 *
 * <p>Tensor names and shapes are those llama.cpp's {@code llama_model_llama::load_arch_tensors} asks for (shapes in
 * ggml order, row length first): {@code token_embd.weight [n_embd, n_vocab]}, per block {@code attn_norm},
 * {@code attn_q [n_embd, n_embd]}, {@code attn_k}/{@code attn_v [n_embd, n_embd_kv]},
 * {@code attn_output [n_embd, n_embd]}, {@code ffn_norm}, {@code ffn_gate}/{@code ffn_up [n_embd, n_ff]},
 * {@code ffn_down [n_ff, n_embd]}, then {@code output_norm.weight} and, unless the embeddings are tied,
 * {@code output.weight [n_embd, n_vocab]}. Norms are F32 ones; every other weight is drawn from a normal-like
 * distribution of mean 0 and the chosen standard deviation, in the chosen type.
 */
public final class SyntheticModel {
    private static final String TOKENS_KEY = "tokenizer.ggml.tokens";
    /** The presets {@link #preset(String)} knows, by name. */
    private static final Map<String, Builder> PRESETS = presets();

    private final Builder settings;
    private final int vocabularySize;

    private SyntheticModel(Builder settings) {
        this.settings = settings;
        this.vocabularySize = settings.tokenizer.isEmpty()
                ? settings.vocabularySize
                : settings.tokenizer.get(TOKENS_KEY).asArray().size();
    }

    private static Map<String, Builder> presets() {
        Map<String, Builder> presets = new LinkedHashMap<>();
        // ~453M parameters with a 49,152-token vocabulary (SmolLM2's), ~0.9 GB in F16: big enough that decoding
        // one sequence is bound by memory bandwidth, the regime where continuous batching pays.
        presets.put("llama-450m-f16", new Builder().embeddingLength(1024).blockCount(24).feedForwardLength(4096)
                .headCount(16).headCountKv(16).contextLength(8192).weightType(GgmlType.F16).tiedEmbeddings(true));
        // Tiny and exact: for tests, with grouped-query attention so that n_embd_kv differs from n_embd.
        presets.put("llama-tiny-f32", new Builder().embeddingLength(64).blockCount(2).feedForwardLength(128)
                .headCount(4).headCountKv(2).contextLength(2048).weightType(GgmlType.F32));
        return Map.copyOf(presets);
    }

    /** A builder with every setting at its default: the {@code llama-tiny-f32} shape, no tokenizer. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder starting from a named preset: {@code llama-450m-f16} (embedding 1024, 24 blocks, FFN 4096, 16
     * heads, 16 KV heads, context 8192, F16, tied embeddings) or {@code llama-tiny-f32} (embedding 64, 2 blocks,
     * FFN 128, 4 heads, 2 KV heads, context 2048, F32, a separate output projection). Settings can be changed
     * before {@link Builder#build()}.
     *
     * @throws IllegalArgumentException when no preset has this name; the message lists them
     */
    public static Builder preset(String name) {
        Builder preset = PRESETS.get(name);
        if (preset == null) {
            throw new IllegalArgumentException("unknown preset '" + name + "'; known: " + presetNames());
        }
        return preset.copy();
    }

    /** The names {@link #preset(String)} knows, sorted. */
    public static List<String> presetNames() {
        return PRESETS.keySet().stream().sorted().toList();
    }

    /** The number of tokens: the copied tokenizer's, or {@link Builder#vocabularySize(int)} without one. */
    public int vocabularySize() {
        return vocabularySize;
    }

    /** The number of weights in all tensors, norms and embeddings included. */
    public long parameterCount() {
        return tensors().stream().mapToLong(GgufTensorInfo::elementCount).sum();
    }

    /** The bytes of tensor data, padding excluded: about the size of the file and of the model in memory. */
    public long tensorDataSize() {
        return tensors().stream().mapToLong(GgufTensorInfo::byteSize).sum();
    }

    /** The tensors the model has, in file order, with their offsets in the data section. */
    public List<GgufTensorInfo> tensors() {
        return writer().tensorInfos();
    }

    /** One line: shape, size, tokenizer and seed. */
    public String describe() {
        Builder s = settings;
        String tokenizer = s.tokenizer.isEmpty()
                ? "no tokenizer"
                : s.tokenizer.getOrDefault("tokenizer.ggml.model", GgufValue.string("?")).asString() + " tokenizer";
        return String.format(Locale.ROOT, "llama, %.1fM parameters, %s, %.1f MB: embedding %d, %d blocks, FFN %d,"
                        + " %d heads / %d KV heads (head dim %d), context %d, vocabulary %d (%s), %s embeddings,"
                        + " seed %d", parameterCount() / 1e6, s.weightType, tensorDataSize() / 1e6,
                s.embeddingLength, s.blockCount, s.feedForwardLength, s.headCount, s.headCountKv, headDimension(),
                s.contextLength, vocabularySize, tokenizer, s.tiedEmbeddings ? "tied" : "separate output", s.seed);
    }

    /**
     * A writer holding this model's metadata and tensors, for a caller who wants to add or change metadata before
     * writing. Each call gives a fresh writer; the random weights are drawn when it writes.
     */
    public GgufWriter writer() {
        Builder s = settings;
        GgufWriter writer = GgufWriter.create()
                .put("general.architecture", GgufValue.string("llama"))
                .put("general.name", GgufValue.string(s.name))
                .put("general.description", GgufValue.string(String.format(Locale.ROOT,
                        "Random weights (seed %d, standard deviation %s) written by Garden's SyntheticModel",
                        s.seed, s.weightStandardDeviation)))
                .put("general.file_type", GgufValue.uint32(fileType(s.weightType)))
                .put("llama.vocab_size", GgufValue.uint32(vocabularySize))
                .put("llama.context_length", GgufValue.uint32(s.contextLength))
                .put("llama.embedding_length", GgufValue.uint32(s.embeddingLength))
                .put("llama.block_count", GgufValue.uint32(s.blockCount))
                .put("llama.feed_forward_length", GgufValue.uint32(s.feedForwardLength))
                .put("llama.attention.head_count", GgufValue.uint32(s.headCount))
                .put("llama.attention.head_count_kv", GgufValue.uint32(s.headCountKv))
                .put("llama.rope.dimension_count", GgufValue.uint32(headDimension()))
                .put("llama.rope.freq_base", GgufValue.float32(s.ropeFrequencyBase))
                .put("llama.attention.layer_norm_rms_epsilon", GgufValue.float32(s.rmsNormEpsilon));
        if (s.tokenizer.isEmpty()) {
            // llama.cpp's "none" vocabulary: llama.vocab_size dummy tokens, no text in or out.
            writer.put("tokenizer.ggml.model", GgufValue.string("none"));
        } else {
            writer.putAll(s.tokenizer);
        }

        long embedding = s.embeddingLength;
        long kv = (long) headDimension() * s.headCountKv;
        long ffn = s.feedForwardLength;
        weight(writer, "token_embd.weight", embedding, vocabularySize);
        for (int block = 0; block < s.blockCount; block++) {
            String prefix = "blk." + block + ".";
            writer.addTensor(prefix + "attn_norm.weight", GgmlType.F32, TensorSource.constant(1f), embedding);
            weight(writer, prefix + "attn_q.weight", embedding, embedding);
            weight(writer, prefix + "attn_k.weight", embedding, kv);
            weight(writer, prefix + "attn_v.weight", embedding, kv);
            weight(writer, prefix + "attn_output.weight", embedding, embedding);
            writer.addTensor(prefix + "ffn_norm.weight", GgmlType.F32, TensorSource.constant(1f), embedding);
            weight(writer, prefix + "ffn_gate.weight", embedding, ffn);
            weight(writer, prefix + "ffn_up.weight", embedding, ffn);
            weight(writer, prefix + "ffn_down.weight", ffn, embedding);
        }
        writer.addTensor("output_norm.weight", GgmlType.F32, TensorSource.constant(1f), embedding);
        if (!s.tiedEmbeddings) {
            weight(writer, "output.weight", embedding, vocabularySize);
        }
        return writer;
    }

    /**
     * Writes the model, atomically (see {@link GgufWriter#write(Path)}).
     *
     * @throws IOException when writing fails
     */
    public void write(Path path) throws IOException {
        writer().write(path);
    }

    private void weight(GgufWriter writer, String name, long rowLength, long rows) {
        long seed = tensorSeed(settings.seed, name);
        float deviation = settings.weightStandardDeviation;
        // The generator is made when the tensor is written, so writing twice gives the same file.
        writer.addTensor(name, settings.weightType, (tensor, out) ->
                TensorSource.generated(new NormalFiller(seed, deviation)).writeTo(tensor, out), rowLength, rows);
    }

    /** Each tensor's own stream, from the seed and its name: a tensor's weights do not depend on the others. */
    static long tensorSeed(long seed, String name) {
        long hash = 0xcbf2_9ce4_8422_2325L; // 64-bit FNV-1a
        for (int i = 0; i < name.length(); i++) {
            hash = (hash ^ name.charAt(i)) * 0x100_0000_01b3L;
        }
        return seed * 0x9e37_79b9_7f4a_7c15L + hash;
    }

    private int headDimension() {
        return settings.embeddingLength / settings.headCount;
    }

    /** llama.cpp's {@code llama_ftype}: what most weights are, as {@code general.file_type}. */
    private static int fileType(GgmlType weightType) {
        return switch (weightType) {
            case F32 -> 0;
            case F16 -> 1;
            case Q8_0 -> 7;
            case BF16 -> 32;
            default -> throw new IllegalArgumentException("weights cannot be " + weightType);
        };
    }

    /** The settings of a {@link SyntheticModel}; every setter returns this builder. */
    public static final class Builder {
        private int embeddingLength = 64;
        private int blockCount = 2;
        private int feedForwardLength = 128;
        private int headCount = 4;
        private int headCountKv = 2;
        private int contextLength = 2048;
        private GgmlType weightType = GgmlType.F32;
        private long seed = 42;
        private float weightStandardDeviation = 0.02f;
        private float rmsNormEpsilon = 1e-5f;
        private float ropeFrequencyBase = 10_000f;
        private boolean tiedEmbeddings = false;
        private int vocabularySize = 256;
        private String name = "Garden synthetic llama";
        private Map<String, GgufValue> tokenizer = Map.of();

        private Builder() {
        }

        private Builder copy() {
            Builder copy = new Builder();
            copy.embeddingLength = embeddingLength;
            copy.blockCount = blockCount;
            copy.feedForwardLength = feedForwardLength;
            copy.headCount = headCount;
            copy.headCountKv = headCountKv;
            copy.contextLength = contextLength;
            copy.weightType = weightType;
            copy.seed = seed;
            copy.weightStandardDeviation = weightStandardDeviation;
            copy.rmsNormEpsilon = rmsNormEpsilon;
            copy.ropeFrequencyBase = ropeFrequencyBase;
            copy.tiedEmbeddings = tiedEmbeddings;
            copy.vocabularySize = vocabularySize;
            copy.name = name;
            copy.tokenizer = tokenizer;
            return copy;
        }

        /** {@code n_embd}, the width of the residual stream; a multiple of the head count. Default 64. */
        public Builder embeddingLength(int embeddingLength) {
            this.embeddingLength = embeddingLength;
            return this;
        }

        /** The number of transformer blocks. Default 2. */
        public Builder blockCount(int blockCount) {
            this.blockCount = blockCount;
            return this;
        }

        /** {@code n_ff}, the width of the feed-forward layers. Default 128. */
        public Builder feedForwardLength(int feedForwardLength) {
            this.feedForwardLength = feedForwardLength;
            return this;
        }

        /** Attention heads; the head dimension is {@code embeddingLength / headCount}. Default 4. */
        public Builder headCount(int headCount) {
            this.headCount = headCount;
            return this;
        }

        /** Key/value heads, dividing the head count (fewer is grouped-query attention). Default 2. */
        public Builder headCountKv(int headCountKv) {
            this.headCountKv = headCountKv;
            return this;
        }

        /** The trained context length, {@code llama.context_length}. Default 2048. */
        public Builder contextLength(int contextLength) {
            this.contextLength = contextLength;
            return this;
        }

        /** The type of every weight but the norms: F32, F16, BF16 or Q8_0. Default F32. */
        public Builder weightType(GgmlType weightType) {
            this.weightType = Objects.requireNonNull(weightType, "weightType");
            return this;
        }

        /** The seed of the random weights: the same seed and settings give the same file. Default 42. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The standard deviation of the random weights. Default 0.02. */
        public Builder weightStandardDeviation(float weightStandardDeviation) {
            this.weightStandardDeviation = weightStandardDeviation;
            return this;
        }

        /** {@code llama.attention.layer_norm_rms_epsilon}. Default 1e-5. */
        public Builder rmsNormEpsilon(float rmsNormEpsilon) {
            this.rmsNormEpsilon = rmsNormEpsilon;
            return this;
        }

        /** {@code llama.rope.freq_base}. Default 10000. */
        public Builder ropeFrequencyBase(float ropeFrequencyBase) {
            this.ropeFrequencyBase = ropeFrequencyBase;
            return this;
        }

        /**
         * Whether the output projection reuses the token embedding (no {@code output.weight}), as SmolLM2 does.
         * Default false. In a small model with random weights, tied embeddings make greedy decoding repeat the last
         * token forever: the residual stream stays close to that token's embedding, whose dot product with itself
         * beats every other token's.
         */
        public Builder tiedEmbeddings(boolean tiedEmbeddings) {
            this.tiedEmbeddings = tiedEmbeddings;
            return this;
        }

        /** The number of tokens when there is no tokenizer; ignored with one. Default 256. */
        public Builder vocabularySize(int vocabularySize) {
            this.vocabularySize = vocabularySize;
            return this;
        }

        /** {@code general.name}. Default "Garden synthetic llama". */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Copies every {@code tokenizer.*} pair of {@code source} (tokens, scores, types, merges, special ids,
         * {@code tokenizer.chat_template} when present): the vocabulary size becomes the number of its tokens.
         *
         * @throws IllegalArgumentException when {@code source} has no {@code tokenizer.ggml.tokens} array
         */
        public Builder tokenizerFrom(GgufFile source) {
            return tokenizer(source.metadataWithPrefix("tokenizer."));
        }

        /**
         * Uses these {@code tokenizer.*} pairs as the tokenizer; an empty map means none (llama.cpp's {@code none}
         * vocabulary of {@link #vocabularySize(int)} tokens).
         *
         * @throws IllegalArgumentException when a key does not start with {@code tokenizer.}, or the pairs are not
         *                                  empty and have no {@code tokenizer.ggml.tokens} array
         */
        public Builder tokenizer(Map<String, GgufValue> tokenizer) {
            for (String key : tokenizer.keySet()) {
                require(key.startsWith("tokenizer."), "not a tokenizer key: " + key);
            }
            require(tokenizer.isEmpty() || tokenizer.get(TOKENS_KEY) instanceof GgufValue.ArrayValue,
                    "a tokenizer needs a " + TOKENS_KEY + " array");
            this.tokenizer = Collections.unmodifiableMap(new LinkedHashMap<>(tokenizer));
            return this;
        }

        /**
         * The model, its settings checked.
         *
         * @throws IllegalArgumentException when a setting is out of range or they do not fit together; the message
         *                                  names it
         */
        public SyntheticModel build() {
            require(embeddingLength > 0 && blockCount > 0 && feedForwardLength > 0 && contextLength > 0,
                    "sizes must be positive");
            require(headCount > 0 && embeddingLength % headCount == 0,
                    "the embedding length " + embeddingLength + " is not a multiple of the head count " + headCount);
            require((embeddingLength / headCount) % 2 == 0, "RoPE needs an even head dimension");
            require(headCountKv > 0 && headCount % headCountKv == 0,
                    "the KV head count " + headCountKv + " does not divide the head count " + headCount);
            require(!tokenizer.isEmpty() || vocabularySize > 0, "the vocabulary size must be positive");
            require(weightStandardDeviation >= 0, "the standard deviation must not be negative");
            require(FloatEncoder.supports(weightType), "weights cannot be " + weightType
                    + "; only F32, F16, BF16 and Q8_0");
            int block = weightType.blockSize();
            require(embeddingLength % block == 0 && feedForwardLength % block == 0,
                    weightType + " rows are blocks of " + block
                            + ": the embedding and feed-forward lengths must be multiples of it");
            return new SyntheticModel(copy());
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
