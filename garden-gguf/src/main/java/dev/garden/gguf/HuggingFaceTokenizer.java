package dev.garden.gguf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A Hugging Face tokenizer ({@code tokenizer.json}, with the {@code tokenizer_config.json} beside it) as the
 * {@code tokenizer.*} metadata llama.cpp reads from a GGUF file: to import a model's tokenizer, or to give a
 * {@link SyntheticModel} a real one.
 *
 * <pre>{@code
 * HuggingFaceTokenizer qwen3 = HuggingFaceTokenizer.read(Path.of("Qwen3-0.6B"));
 * SyntheticModel.preset("llama-tiny-f32").tokenizer(qwen3.ggufMetadata()).build().write(Path.of("tiny.gguf"));
 * }</pre>
 *
 * <p>Only byte-level BPE is supported (GPT-2, Llama 3, Qwen2 to Qwen3, and most tokenizers of the last years), which
 * llama.cpp calls the {@code gpt2} tokenizer model. The rules are those of llama.cpp's {@code convert_hf_to_gguf.py}
 * and gguf-py's {@code SpecialVocab}:
 * <ul>
 *   <li>{@code tokenizer.ggml.tokens} holds every token at its id: the BPE vocabulary in its byte-level spelling
 *       ({@code Ġthe}), the added tokens as their text, and {@code [PAD<id>]} for ids neither uses;</li>
 *   <li>{@code tokenizer.ggml.token_type}: {@link TokenType#NORMAL} for the vocabulary, {@link TokenType#CONTROL}
 *       for added tokens marked {@code special} or that look special ({@code <|...|>}), other added tokens
 *       {@link TokenType#USER_DEFINED}, gaps {@link TokenType#UNUSED}. llama.cpp matches user-defined tokens in text
 *       even when asked not to parse special tokens, as Hugging Face always matches non-special added tokens;</li>
 *   <li>{@code tokenizer.ggml.merges} as {@code "a b"} strings, from either form of {@code model.merges};</li>
 *   <li>the special tokens named in {@code tokenizer_config.json} ({@code bos_token}, {@code eos_token},
 *       {@code unk_token}, {@code sep_token}, {@code pad_token}, {@code mask_token}; {@code cls_token} stands in for
 *       a missing BOS and {@code sep_token} for a missing EOS) as {@code tokenizer.ggml.*_token_id}, its
 *       {@code add_bos_token}, {@code add_eos_token} and {@code add_sep_token} flags, and its chat template.</li>
 * </ul>
 *
 * <p>llama.cpp picks the pre-tokenizer (the regular expression that splits text before BPE) by the name in
 * {@code tokenizer.ggml.pre}. The converter finds that name by hashing what the tokenizer makes of a test text,
 * which needs Hugging Face's library; this class recognizes the pre-tokenizers of {@code tokenizer.json} instead:
 * Qwen2's split expression ({@code qwen2}), Llama 3's ({@code llama-bpe}) and plain GPT-2 byte-level
 * ({@code gpt-2}). For any other, name it with {@link #ggufMetadata(String)}.
 *
 * <p>Not carried over, because llama.cpp has no such setting for BPE: the normalizer (Qwen's NFC: text that is not
 * already in NFC tokenizes differently), the post-processor's templates, and the {@code lstrip}/{@code rstrip} of
 * added tokens.
 */
public final class HuggingFaceTokenizer {
    /** The ids of llama.cpp's {@code llama_token_type}, as {@code tokenizer.ggml.token_type} holds them. */
    public enum TokenType {
        /** A token of the BPE vocabulary. */
        NORMAL(1),
        /** A special added token, such as {@code <|im_start|>}: only matched in text when parsing special tokens. */
        CONTROL(3),
        /** A non-special added token, such as Qwen3's {@code <think>}: always matched in text. */
        USER_DEFINED(4),
        /** An id that no token has; written as {@code [PAD<id>]}. */
        UNUSED(5);

        private final int id;

        TokenType(int id) {
            this.id = id;
        }

        /** The value llama.cpp reads. */
        public int id() {
            return id;
        }
    }

    /** {@code tokenizer_config.json}'s special tokens, in the converter's order, with their GGUF keys. */
    private static final Map<String, String> SPECIAL_TOKEN_KEYS = orderedMap(
            "bos", "tokenizer.ggml.bos_token_id",
            "eos", "tokenizer.ggml.eos_token_id",
            "unk", "tokenizer.ggml.unknown_token_id",
            // Spelled so in llama.cpp and gguf-py.
            "sep", "tokenizer.ggml.seperator_token_id",
            "pad", "tokenizer.ggml.padding_token_id",
            "mask", "tokenizer.ggml.mask_token_id");

    /** Split expressions of byte-level pre-tokenizers, exactly as tokenizer.json has them, by llama.cpp's name. */
    private static final Map<String, String> KNOWN_SPLITS = orderedMap(
            // Qwen2, Qwen2.5, QwQ, Qwen3: one digit at a time.
            "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*"
                    + "|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+", "qwen2",
            // Llama 3: up to three digits at a time.
            "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*"
                    + "|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+", "llama-bpe");

    private final List<String> tokens;
    private final List<TokenType> types;
    private final List<String> merges;
    private final Map<String, Integer> ids;
    private final Map<String, Integer> specialTokenIds;
    private final Map<String, Boolean> addSpecialTokens;
    private final Map<String, String> chatTemplates;
    private final Optional<String> preTokenizer;

    private HuggingFaceTokenizer(List<String> tokens, List<TokenType> types, List<String> merges,
                                 Map<String, Integer> ids, Map<String, Integer> specialTokenIds,
                                 Map<String, Boolean> addSpecialTokens, Map<String, String> chatTemplates,
                                 Optional<String> preTokenizer) {
        this.tokens = tokens;
        this.types = types;
        this.merges = merges;
        this.ids = ids;
        this.specialTokenIds = specialTokenIds;
        this.addSpecialTokens = addSpecialTokens;
        this.chatTemplates = chatTemplates;
        this.preTokenizer = preTokenizer;
    }

    /**
     * Reads {@code tokenizer.json} in {@code directory}, with {@code tokenizer_config.json} when it is there, and
     * {@code chat_template.jinja} when that config has no template (as newer Hugging Face repositories keep it).
     *
     * @throws IOException              when a file cannot be read; {@code tokenizer.json} missing is one
     * @throws IllegalArgumentException when a file is not valid JSON or not a byte-level BPE tokenizer; the message
     *                                  names the file
     */
    public static HuggingFaceTokenizer read(Path directory) throws IOException {
        String tokenizer = Files.readString(directory.resolve("tokenizer.json"), StandardCharsets.UTF_8);
        Path configFile = directory.resolve("tokenizer_config.json");
        String config = Files.isRegularFile(configFile) ? Files.readString(configFile, StandardCharsets.UTF_8) : null;
        Path templateFile = directory.resolve("chat_template.jinja");
        String template = Files.isRegularFile(templateFile)
                ? Files.readString(templateFile, StandardCharsets.UTF_8) : null;
        return parse(tokenizer, config, template);
    }

    /**
     * Reads a tokenizer from the text of its files.
     *
     * @param tokenizerJson       the content of {@code tokenizer.json}
     * @param tokenizerConfigJson the content of {@code tokenizer_config.json}, or null without one
     * @throws IllegalArgumentException when a text is not valid JSON or not a byte-level BPE tokenizer
     */
    public static HuggingFaceTokenizer parse(String tokenizerJson, String tokenizerConfigJson) {
        return parse(tokenizerJson, tokenizerConfigJson, null);
    }

    private static HuggingFaceTokenizer parse(String tokenizerJson, String configJson, String templateFile) {
        Map<String, Object> tokenizer = object(parseJson(tokenizerJson, "tokenizer.json"), "tokenizer.json");
        Map<String, Object> config = configJson == null ? Map.of()
                : object(parseJson(configJson, "tokenizer_config.json"), "tokenizer_config.json");

        Map<String, Object> model = object(tokenizer.get("model"), "tokenizer.json's model");
        require("BPE".equals(model.get("type")), "tokenizer.json's model is " + model.get("type")
                + ", not BPE; only byte-level BPE tokenizers can be converted");
        require(!Boolean.TRUE.equals(model.get("byte_fallback")), "tokenizer.json's BPE falls back to bytes, as"
                + " SentencePiece-style tokenizers do; only byte-level BPE tokenizers can be converted");
        require(hasType(tokenizer.get("pre_tokenizer"), "ByteLevel") || hasType(tokenizer.get("decoder"), "ByteLevel"),
                "tokenizer.json is not byte-level (no ByteLevel pre-tokenizer or decoder); only byte-level BPE"
                        + " tokenizers can be converted");

        Map<Integer, String> byId = new HashMap<>();
        Map<String, Integer> ids = new HashMap<>();
        object(model.get("vocab"), "tokenizer.json's model.vocab").forEach((token, id) -> {
            int tokenId = tokenId(id, "the vocabulary's " + token);
            byId.put(tokenId, token);
            ids.putIfAbsent(token, tokenId);
        });
        Map<Integer, Boolean> added = new HashMap<>(); // id -> special
        for (Object entry : list(tokenizer.getOrDefault("added_tokens", List.of()), "tokenizer.json's added_tokens")) {
            Map<String, Object> token = object(entry, "an added token");
            String content = string(token.get("content"), "an added token's content");
            int tokenId = tokenId(token.get("id"), "the added token " + content);
            // Hugging Face looks up added tokens before the vocabulary; so does the id -> text direction here.
            byId.put(tokenId, content);
            ids.put(content, tokenId);
            added.put(tokenId, Boolean.TRUE.equals(token.get("special")));
        }
        require(!byId.isEmpty(), "tokenizer.json has no tokens");

        int size = Collections.max(byId.keySet()) + 1;
        List<String> tokens = new ArrayList<>(size);
        List<TokenType> types = new ArrayList<>(size);
        for (int id = 0; id < size; id++) {
            String token = byId.get(id);
            if (token == null) {
                tokens.add("[PAD" + id + "]");
                types.add(TokenType.UNUSED);
            } else {
                tokens.add(token);
                Boolean special = added.get(id);
                types.add(special == null ? TokenType.NORMAL
                        : special || looksSpecial(token) ? TokenType.CONTROL : TokenType.USER_DEFINED);
            }
        }

        Object templates = config.get("chat_template");
        return new HuggingFaceTokenizer(List.copyOf(tokens), List.copyOf(types), merges(model.get("merges")),
                Collections.unmodifiableMap(ids), specialTokenIds(config, ids),
                addSpecialTokens(config), chatTemplates(templates == null ? templateFile : templates),
                detectPreTokenizer(tokenizer.get("pre_tokenizer")));
    }

    /** The number of token ids, gaps included: the highest id plus one. */
    public int vocabularySize() {
        return tokens.size();
    }

    /** Every token's text, at its id, as {@code tokenizer.ggml.tokens} holds them. */
    public List<String> tokens() {
        return tokens;
    }

    /**
     * The type of a token.
     *
     * @throws IndexOutOfBoundsException when no token has this id
     */
    public TokenType tokenType(int id) {
        return types.get(id);
    }

    /** The id of the added token or vocabulary token with this text ({@code <think>}, {@code Ġthe}). */
    public OptionalInt tokenId(String token) {
        Integer id = ids.get(token);
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    /**
     * The special tokens {@code tokenizer_config.json} names, by kind ({@code bos}, {@code eos}, {@code unk},
     * {@code sep}, {@code pad}, {@code mask}), with their ids; kinds it leaves out are absent.
     */
    public Map<String, Integer> specialTokenIds() {
        return specialTokenIds;
    }

    /** The default chat template, when {@code tokenizer_config.json} (or {@code chat_template.jinja}) has one. */
    public Optional<String> chatTemplate() {
        return Optional.ofNullable(chatTemplates.get("default"));
    }

    /** llama.cpp's name for the pre-tokenizer, when this class recognizes it: {@code qwen2} for Qwen3. */
    public Optional<String> preTokenizer() {
        return preTokenizer;
    }

    /**
     * The {@code tokenizer.*} metadata, with the pre-tokenizer this class recognized.
     *
     * @throws IllegalStateException when it recognized none; name it with {@link #ggufMetadata(String)}
     */
    public Map<String, GgufValue> ggufMetadata() {
        return ggufMetadata(preTokenizer.orElseThrow(() -> new IllegalStateException("the pre-tokenizer of this"
                + " tokenizer.json is not one Garden recognizes; pass llama.cpp's name for it (see"
                + " llama_vocab::impl::load in llama-vocab.cpp)")));
    }

    /**
     * The {@code tokenizer.*} metadata, in the order llama.cpp's converter writes them, for
     * {@link SyntheticModel.Builder#tokenizer(Map)} or {@link GgufWriter#putAll(Map)}.
     *
     * @param preTokenizer llama.cpp's name for the pre-tokenizer, written as {@code tokenizer.ggml.pre}
     */
    public Map<String, GgufValue> ggufMetadata(String preTokenizer) {
        Objects.requireNonNull(preTokenizer, "preTokenizer");
        Map<String, GgufValue> metadata = new LinkedHashMap<>();
        metadata.put("tokenizer.ggml.model", GgufValue.string("gpt2"));
        metadata.put("tokenizer.ggml.pre", GgufValue.string(preTokenizer));
        metadata.put("tokenizer.ggml.tokens", GgufValue.stringArray(tokens));
        metadata.put("tokenizer.ggml.token_type",
                GgufValue.int32Array(types.stream().mapToInt(TokenType::id).toArray()));
        metadata.put("tokenizer.ggml.merges", GgufValue.stringArray(merges));
        specialTokenIds.forEach((kind, id) -> metadata.put(SPECIAL_TOKEN_KEYS.get(kind), GgufValue.uint32(id)));
        addSpecialTokens.forEach((kind, add) ->
                metadata.put("tokenizer.ggml.add_" + kind + "_token", GgufValue.bool(add)));
        List<String> named = new ArrayList<>();
        chatTemplates.forEach((name, template) -> {
            if (!name.equals("default")) {
                named.add(name);
                metadata.put("tokenizer.chat_template." + name, GgufValue.string(template));
            }
        });
        if (!named.isEmpty()) {
            metadata.put("tokenizer.chat_templates", GgufValue.stringArray(named));
        }
        chatTemplate().ifPresent(template -> metadata.put("tokenizer.chat_template", GgufValue.string(template)));
        return Collections.unmodifiableMap(metadata);
    }

    /** The converter's {@code does_token_look_special}: some models leave tokens like these unmarked. */
    static boolean looksSpecial(String token) {
        return token.equals("<pad>") || token.equals("<mask>") || token.equals("<2mass>") || token.equals("[@BOS@]")
                || (token.startsWith("<|") && token.endsWith("|>"))
                || (token.startsWith("<｜") && token.endsWith("｜>"))
                || (token.startsWith("<unused") && token.endsWith(">"));
    }

    private static List<String> merges(Object merges) {
        List<Object> entries = list(merges == null ? List.of() : merges, "tokenizer.json's model.merges");
        List<String> out = new ArrayList<>(entries.size());
        for (Object entry : entries) {
            if (entry instanceof String merge) {
                out.add(merge);
            } else if (entry instanceof List<?> pair && pair.size() == 2
                    && pair.get(0) instanceof String left && pair.get(1) instanceof String right) {
                // The pair form (transformers 4.45 and later) exists so that parts may hold spaces; GGUF keeps the
                // "a b" form, so a space inside a part becomes U+0120, its byte-level spelling, as the converter does.
                out.add(left.replace(' ', '\u0120') + " " + right.replace(' ', '\u0120'));
            } else {
                throw new IllegalArgumentException("tokenizer.json has a merge that is neither \"a b\" nor"
                        + " [\"a\", \"b\"]: " + entry);
            }
        }
        return List.copyOf(out);
    }

    private static Map<String, Integer> specialTokenIds(Map<String, Object> config, Map<String, Integer> ids) {
        Map<String, String> texts = new HashMap<>();
        for (String kind : List.of("bos", "eos", "unk", "sep", "pad", "cls", "mask")) {
            specialTokenText(config.get(kind + "_token")).ifPresent(text -> texts.put(kind, text));
        }
        // As gguf-py's SpecialVocab: BERT-like tokenizers name CLS and SEP where others name BOS and EOS.
        if (!texts.containsKey("bos") && texts.containsKey("cls")) {
            texts.put("bos", texts.get("cls"));
        }
        if (!texts.containsKey("eos") && texts.containsKey("sep")) {
            texts.put("eos", texts.get("sep"));
        }
        Map<String, Integer> special = new LinkedHashMap<>();
        for (String kind : SPECIAL_TOKEN_KEYS.keySet()) {
            String text = texts.get(kind);
            if (text != null && ids.containsKey(text)) {
                special.put(kind, ids.get(text));
            }
        }
        return Collections.unmodifiableMap(special);
    }

    /** A special token in tokenizer_config.json is its text, or an AddedToken object with a {@code content}. */
    private static Optional<String> specialTokenText(Object entry) {
        if (entry instanceof String text) {
            return Optional.of(text);
        }
        if (entry instanceof Map<?, ?> token && token.get("content") instanceof String text) {
            return Optional.of(text);
        }
        return Optional.empty();
    }

    private static Map<String, Boolean> addSpecialTokens(Map<String, Object> config) {
        Map<String, Boolean> add = new LinkedHashMap<>();
        // llama.cpp reads these three only.
        for (String kind : List.of("bos", "eos", "sep")) {
            if (config.get("add_" + kind + "_token") instanceof Boolean flag) {
                add.put(kind, flag);
            }
        }
        return Collections.unmodifiableMap(add);
    }

    /** A string is the default template; a list of {@code {name, template}} holds named ones, "default" among them. */
    private static Map<String, String> chatTemplates(Object templates) {
        Map<String, String> out = new LinkedHashMap<>();
        if (templates instanceof String template) {
            out.put("default", template);
        } else if (templates instanceof List<?> choices) {
            for (Object choice : choices) {
                if (choice instanceof Map<?, ?> named && named.get("name") instanceof String name
                        && named.get("template") instanceof String template && !name.isEmpty()) {
                    // GGUF key names: the converter keeps letters and digits only.
                    out.put(name.replaceAll("[^A-Za-z0-9]", "_"), template);
                }
            }
        } else if (templates != null) {
            throw new IllegalArgumentException("tokenizer_config.json's chat_template is neither a string nor a list");
        }
        return Collections.unmodifiableMap(out);
    }

    private static Optional<String> detectPreTokenizer(Object preTokenizer) {
        List<Map<?, ?>> steps = new ArrayList<>();
        flatten(preTokenizer, "pretokenizers", steps);
        List<String> splits = new ArrayList<>();
        boolean byteLevelRegex = false;
        for (Map<?, ?> step : steps) {
            Object type = step.get("type");
            if ("Split".equals(type) && step.get("pattern") instanceof Map<?, ?> pattern
                    && pattern.get("Regex") instanceof String regex && "Isolated".equals(step.get("behavior"))
                    && !Boolean.TRUE.equals(step.get("invert"))) {
                splits.add(regex);
            } else if ("ByteLevel".equals(type)) {
                if (Boolean.TRUE.equals(step.get("add_prefix_space"))) {
                    return Optional.empty(); // llama.cpp's BPE never adds a space in front
                }
                byteLevelRegex |= !Boolean.FALSE.equals(step.get("use_regex"));
            } else {
                return Optional.empty(); // digits split apart, punctuation, metaspace...: none of those named here
            }
        }
        if (splits.size() == 1 && !byteLevelRegex) {
            return Optional.ofNullable(KNOWN_SPLITS.get(splits.getFirst()));
        }
        return splits.isEmpty() && byteLevelRegex ? Optional.of("gpt-2") : Optional.empty();
    }

    private static boolean hasType(Object node, String type) {
        List<Map<?, ?>> steps = new ArrayList<>();
        flatten(node, "pretokenizers", steps);
        flatten(node, "decoders", steps);
        return steps.stream().anyMatch(step -> type.equals(step.get("type")));
    }

    /** The steps of a pre-tokenizer or decoder, a {@code Sequence} opened up. */
    private static void flatten(Object node, String sequenceKey, List<Map<?, ?>> out) {
        if (!(node instanceof Map<?, ?> map)) {
            return;
        }
        if ("Sequence".equals(map.get("type")) && map.get(sequenceKey) instanceof List<?> children) {
            children.forEach(child -> flatten(child, sequenceKey, out));
        } else if (!"Sequence".equals(map.get("type"))) {
            out.add(map);
        }
    }

    private static Object parseJson(String text, String file) {
        try {
            return Json.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String what) {
        require(value instanceof Map, what + " is not a JSON object");
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value, String what) {
        require(value instanceof List, what + " is not a JSON array");
        return (List<Object>) value;
    }

    private static String string(Object value, String what) {
        require(value instanceof String, what + " is not a string");
        return (String) value;
    }

    private static int tokenId(Object value, String what) {
        if (value instanceof Long id && id >= 0 && id < Integer.MAX_VALUE) {
            return id.intValue();
        }
        throw new IllegalArgumentException(what + " has no valid id: " + value);
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
