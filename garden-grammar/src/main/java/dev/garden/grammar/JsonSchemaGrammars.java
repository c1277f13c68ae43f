package dev.garden.grammar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Compiles OpenAI/Vertex {@code response_format} schemas into llama.cpp grammars, so that constrained decoding
 * can only produce JSON valid against the schema. A schema that cannot be enforced exactly is refused with an
 * {@link UnsupportedSchemaException}, never run unconstrained.
 *
 * <pre>{@code
 * JsonSchemaGrammars grammars = JsonSchemaGrammars.create();
 * Grammar grammar = grammars.compile(responseFormat.jsonSchema().schema());   // type: json_schema
 * Grammar anyObject = grammars.jsonObject();                                 // type: json_object
 * }</pre>
 *
 * <p>What is enforced, ignored and refused is listed in the {@linkplain dev.garden.grammar package}
 * documentation. Compiled grammars are cached (least recently used first out, bounded in count and in total
 * size) by the schema's compact JSON text; key order is part of the key, because the order of {@code properties}
 * is the order the output follows. Thread-safe.
 */
public final class JsonSchemaGrammars {
    /** How many compiled schemas {@link #create()} keeps. */
    public static final int DEFAULT_CACHE_SIZE = 256;
    /** The largest schema text accepted, in characters. */
    public static final int MAX_SCHEMA_CHARS = 1 << 20;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Grammar JSON_OBJECT = jsonObjectGrammar();

    /** The most grammar text the cache holds, in characters, whatever the entry count. */
    static final long MAX_CACHED_CHARS = 16L << 20;

    /** By SHA-256 of the schema's compact text, so a large schema is not kept twice; access order. */
    private final Map<String, Grammar> cache = new LinkedHashMap<>(16, 0.75f, true);
    private final int cacheSize;
    private long cachedChars;

    private JsonSchemaGrammars(int cacheSize) {
        this.cacheSize = cacheSize;
    }

    /** A compiler that caches the {@value #DEFAULT_CACHE_SIZE} most recently used grammars. */
    public static JsonSchemaGrammars create() {
        return create(DEFAULT_CACHE_SIZE);
    }

    /** A compiler that caches the {@code cacheSize} most recently used grammars (0: no cache). */
    public static JsonSchemaGrammars create(int cacheSize) {
        if (cacheSize < 0) {
            throw new IllegalArgumentException("cacheSize must be at least 0");
        }
        return new JsonSchemaGrammars(cacheSize);
    }

    /**
     * The grammar for JSON values valid against {@code schemaJson}, with root rule {@code root}.
     *
     * @throws UnsupportedSchemaException when the text is not JSON or the schema cannot be enforced
     */
    public Grammar compile(String schemaJson) {
        return compile(parse(schemaJson));
    }

    /**
     * The grammar for JSON values valid against {@code schema}, with root rule {@code root}.
     *
     * @throws UnsupportedSchemaException when the schema cannot be enforced
     */
    public Grammar compile(JsonNode schema) {
        String key = sha256(schema.toString());
        synchronized (cache) {
            Grammar cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
        }
        // Compiled outside the lock: two threads may compile one schema at once, which costs time, not correctness.
        GrammarBuilder builder = GrammarBuilder.create();
        String value = builder.schemaRule("root", schema);
        Grammar grammar = builder.build(value);
        synchronized (cache) {
            Grammar previous = cache.put(key, grammar);
            cachedChars += grammar.gbnf().length() - (previous == null ? 0 : previous.gbnf().length());
            var eldest = cache.entrySet().iterator();
            while (eldest.hasNext() && (cache.size() > cacheSize || cachedChars > MAX_CACHED_CHARS)) {
                cachedChars -= eldest.next().getValue().gbnf().length();
                eldest.remove();
            }
        }
        return grammar;
    }

    private static String sha256(String text) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The grammar for {@code response_format: {"type": "json_object"}}: exactly one JSON object, any content. */
    public Grammar jsonObject() {
        return JSON_OBJECT;
    }

    /** How many grammars the cache holds now. */
    int cachedCount() {
        synchronized (cache) {
            return cache.size();
        }
    }

    static JsonNode parse(String schemaJson) {
        if (schemaJson.length() > MAX_SCHEMA_CHARS) {
            throw UnsupportedSchemaException.general("", "is longer than " + MAX_SCHEMA_CHARS + " characters");
        }
        try {
            JsonNode node = JSON.readTree(schemaJson);
            if (node == null || node.isMissingNode()) {
                throw UnsupportedSchemaException.notJson("empty text");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw UnsupportedSchemaException.notJson(e.getOriginalMessage());
        }
    }

    private static Grammar jsonObjectGrammar() {
        RuleSet rules = new RuleSet();
        rules.addExact("root", rules.shared(JsonRules.OBJECT));
        return new Grammar(rules.render("root"), "root");
    }
}
