package dev.garden.llama;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * A GGUF model loaded into memory, with its vocabulary. Loaded once and shared by every context and request; its
 * tokenizer calls are thread-safe (llama.h: "The API is thread-safe").
 */
public final class LlamaModel implements AutoCloseable {
    private final LlamaLibrary lib;
    private final MemorySegment model;
    private final MemorySegment vocab;
    private final Path path;
    private volatile boolean closed;

    private LlamaModel(LlamaLibrary lib, MemorySegment model, Path path) throws Throwable {
        this.lib = lib;
        this.model = model;
        this.path = path;
        this.vocab = (MemorySegment) lib.modelGetVocab.invokeExact(model);
    }

    /**
     * Loads a GGUF file for CPU inference.
     *
     * @throws IllegalArgumentException when the file is missing or llama.cpp cannot load it
     */
    public static LlamaModel load(LlamaLibrary lib, Path gguf) {
        if (!Files.isRegularFile(gguf)) {
            throw new IllegalArgumentException("no model file at " + gguf);
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment params = (MemorySegment) lib.modelDefaultParams.invokeExact((SegmentAllocator) arena);
            LlamaLayouts.field(LlamaLayouts.MODEL_PARAMS, "n_gpu_layers").set(params, 0L, 0);
            MemorySegment model = (MemorySegment) lib.modelLoadFromFile.invokeExact(
                    arena.allocateFrom(gguf.toAbsolutePath().toString()), params);
            if (model.equals(MemorySegment.NULL)) {
                throw new IllegalArgumentException("llama.cpp could not load " + gguf
                        + " (not a GGUF file, or an architecture this llama.cpp does not know; its log says more)");
            }
            return new LlamaModel(lib, model, gguf);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("loading " + gguf + " failed", e);
        }
    }

    /** The file this model came from. */
    public Path path() {
        return path;
    }

    /** The context length the model was trained with. */
    public int trainedContextLength() {
        try {
            return (int) lib.modelNCtxTrain.invokeExact(model);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** The number of tokens in the vocabulary. */
    public int vocabularySize() {
        try {
            return (int) lib.vocabNTokens.invokeExact(vocab);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** A one-line description, e.g. {@code llama 135M Q4_1}. */
    public String description() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(256);
            int n = (int) lib.modelDesc.invokeExact(model, buf, 256L);
            return n < 0 ? "" : buf.getString(0);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** The size of all tensors in bytes. */
    public long sizeBytes() {
        try {
            return (long) lib.modelSize.invokeExact(model);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** The number of parameters. */
    public long parameterCount() {
        try {
            return (long) lib.modelNParams.invokeExact(model);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** The chat template in the GGUF ({@code tokenizer.chat_template}), if it has one. */
    public Optional<String> chatTemplate() {
        try {
            MemorySegment template = (MemorySegment) lib.modelChatTemplate.invokeExact(model, MemorySegment.NULL);
            return template.equals(MemorySegment.NULL) ? Optional.empty() : Optional.of(template.getString(0));
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** A scalar metadata value as text, e.g. {@code general.name}. */
    public Optional<String> metadata(String key) {
        try (Arena arena = Arena.ofConfined()) {
            int size = 4096;
            MemorySegment buf = arena.allocate(size);
            int n = (int) lib.modelMetaValStr.invokeExact(model, arena.allocateFrom(key), buf, (long) size);
            if (n < 0) {
                return Optional.empty();
            }
            if (n >= size) {
                buf = arena.allocate(n + 1L);
                int ignored = (int) lib.modelMetaValStr.invokeExact(model, arena.allocateFrom(key), buf, n + 1L);
            }
            return Optional.of(buf.getString(0));
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** The beginning-of-sequence token, or -1. */
    public int bosToken() {
        try {
            return (int) lib.vocabBos.invokeExact(vocab);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** The end-of-sequence token, or -1. */
    public int eosToken() {
        try {
            return (int) lib.vocabEos.invokeExact(vocab);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** Whether tokenizing with special tokens adds a BOS at the start. */
    public boolean addsBos() {
        try {
            return (boolean) lib.vocabGetAddBos.invokeExact(vocab);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** The text of a token as stored in the vocabulary (special tokens included), or empty for -1. */
    public String tokenText(int token) {
        if (token < 0) {
            return "";
        }
        try {
            MemorySegment text = (MemorySegment) lib.vocabGetText.invokeExact(vocab, token);
            return text.equals(MemorySegment.NULL) ? "" : text.getString(0);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** Whether a token ends generation (EOS, EOT, ...). */
    public boolean isEndOfGeneration(int token) {
        try {
            return (boolean) lib.vocabIsEog.invokeExact(vocab, token);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /**
     * Tokenizes text.
     *
     * @param addSpecial   add BOS (and EOS) if the model is configured to
     * @param parseSpecial turn special-token text such as {@code <|im_start|>} into those tokens
     */
    public int[] tokenize(String text, boolean addSpecial, boolean parseSpecial) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment input = arena.allocate(Math.max(1, utf8.length));
            MemorySegment.copy(utf8, 0, input, JAVA_BYTE, 0, utf8.length);
            int capacity = utf8.length + 8;
            MemorySegment out = arena.allocate(JAVA_INT, capacity);
            int n = (int) lib.tokenize.invokeExact(vocab, input, utf8.length, out, capacity, addSpecial, parseSpecial);
            if (n < 0) {
                if (n == Integer.MIN_VALUE) {
                    throw new IllegalArgumentException("text too long to tokenize");
                }
                capacity = -n;
                out = arena.allocate(JAVA_INT, capacity);
                n = (int) lib.tokenize.invokeExact(vocab, input, utf8.length, out, capacity, addSpecial, parseSpecial);
            }
            return out.asSlice(0, (long) n * Integer.BYTES).toArray(JAVA_INT);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /**
     * Writes a token's bytes into a buffer and returns how many. Control tokens render as nothing. The bytes of a
     * multi-byte character may be split across tokens; {@code Utf8Decoder} reassembles them.
     *
     * @return the byte count, or minus the size needed if the buffer is too small
     */
    int tokenToPiece(int token, MemorySegment buffer) {
        try {
            return (int) lib.tokenToPiece.invokeExact(vocab, token, buffer, (int) buffer.byteSize(), 0, false);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** The bytes of a token as text generation would show them (special tokens render as nothing). */
    public byte[] tokenBytes(int token) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(64);
            int n = tokenToPiece(token, buf);
            if (n < 0) {
                buf = arena.allocate(-n);
                n = tokenToPiece(token, buf);
            }
            return buf.asSlice(0, n).toArray(JAVA_BYTE);
        }
    }

    MemorySegment handle() {
        return model;
    }

    MemorySegment vocabHandle() {
        return vocab;
    }

    LlamaLibrary library() {
        return lib;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            lib.modelFree.invokeExact(model);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    static RuntimeException rethrow(Throwable e) {
        if (e instanceof RuntimeException r) {
            return r;
        }
        if (e instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(e);
    }
}
