package dev.garden.llama;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;

import static java.lang.foreign.ValueLayout.JAVA_FLOAT;

/**
 * A llama.cpp context: the KV cache for several sequences at once and the compute graph that decodes a batch.
 * Not thread-safe: one thread (the engine's) owns it.
 */
public final class LlamaContext implements AutoCloseable {
    private final LlamaLibrary lib;
    private final MemorySegment context;
    private final MemorySegment memory;
    private final int sequenceCapacity;
    private final int contextPerSequence;
    private final int batchCapacity;
    private final int vocabularySize;
    private final LlamaThreadpool threads;
    private final CandidateArray candidates;
    private boolean closed;

    /**
     * How a context is sized.
     *
     * @param sequences          how many sequences decode together (each has its own KV cache stream)
     * @param contextPerSequence tokens each sequence may hold (prompt and output); llama.cpp rounds up to 256
     * @param batchSize          the most tokens one {@code llama_decode} takes
     * @param threads            CPU threads for decoding and prompt processing
     */
    public record Config(int sequences, int contextPerSequence, int batchSize, int threads) {
        public Config {
            if (sequences < 1 || contextPerSequence < 1 || batchSize < 1 || threads < 1) {
                throw new IllegalArgumentException("context sizes must be positive: " + this);
            }
        }
    }

    private LlamaContext(LlamaLibrary lib, MemorySegment context, int vocabularySize, LlamaThreadpool threads)
            throws Throwable {
        this.lib = lib;
        this.vocabularySize = vocabularySize;
        this.threads = threads;
        this.candidates = new CandidateArray(vocabularySize);
        this.context = context;
        this.memory = (MemorySegment) lib.getMemory.invokeExact(context);
        this.sequenceCapacity = (int) lib.nSeqMax.invokeExact(context);
        this.contextPerSequence = (int) lib.nCtxSeq.invokeExact(context);
        this.batchCapacity = (int) lib.nBatch.invokeExact(context);
    }

    /** Creates a context over a loaded model. */
    public static LlamaContext create(LlamaModel model, Config config) {
        LlamaLibrary lib = model.library();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment params = (MemorySegment) lib.contextDefaultParams.invokeExact((SegmentAllocator) arena);
            // llama.cpp pads each sequence's share to a multiple of 256 and warns when n_ctx was not; pad here.
            int perSequence = (config.contextPerSequence() + 255) / 256 * 256;
            set(params, "n_ctx", config.sequences() * perSequence);
            set(params, "n_batch", config.batchSize());
            set(params, "n_ubatch", config.batchSize());
            set(params, "n_seq_max", config.sequences());
            set(params, "n_threads", config.threads());
            set(params, "n_threads_batch", config.threads());
            // One KV stream per sequence: sequences share no prefix here, and separate streams keep each
            // sequence's attention to its own cells (llama.h: try kv_unified=false when n_seq_max > 1).
            LlamaLayouts.field(LlamaLayouts.CONTEXT_PARAMS, "kv_unified").set(params, 0L, false);
            MemorySegment ctx = (MemorySegment) lib.initFromModel.invokeExact(model.handle(), params);
            if (ctx.equals(MemorySegment.NULL)) {
                throw new IllegalStateException("llama.cpp could not create a context for " + config
                        + " (out of memory? its log says more)");
            }
            LlamaThreadpool threads = LlamaThreadpool.create(lib, config.threads());
            lib.attachThreadpool.invokeExact(ctx, threads.handle(), threads.handle());
            return new LlamaContext(lib, ctx, model.vocabularySize(), threads);
        } catch (IllegalStateException e) {
            throw e;
        } catch (Throwable e) {
            throw LlamaModel.rethrow(e);
        }
    }

    private static void set(MemorySegment params, String field, int value) {
        LlamaLayouts.field(LlamaLayouts.CONTEXT_PARAMS, field).set(params, 0L, value);
    }

    /** How many sequences this context decodes together. */
    public int sequenceCapacity() {
        return sequenceCapacity;
    }

    /** Tokens each sequence may hold. */
    public int contextPerSequence() {
        return contextPerSequence;
    }

    /** The most tokens one decode takes. */
    public int batchCapacity() {
        return batchCapacity;
    }

    /**
     * Runs the model over a batch.
     *
     * @return llama.cpp's status: 0 success, 1 no KV slot, 2 aborted, negative an error
     * @throws IllegalArgumentException when the batch holds more tokens than {@link #batchCapacity()} (llama.cpp
     *                                  would abort the process)
     */
    public int decode(LlamaBatch batch) {
        if (batch.size() > batchCapacity) {
            throw new IllegalArgumentException("a batch of " + batch.size() + " tokens exceeds the context's "
                    + batchCapacity);
        }
        try {
            return (int) lib.decode.invokeExact(context, batch.struct());
        } catch (Throwable e) {
            throw LlamaModel.rethrow(e);
        }
    }

    /** Forgets everything a sequence holds in the KV cache. */
    public void clearSequence(int sequence) {
        try {
            boolean ignored = (boolean) lib.memorySeqRm.invokeExact(memory, sequence, -1, -1);
        } catch (Throwable e) {
            throw LlamaModel.rethrow(e);
        }
    }

    /** Forgets every sequence. */
    public void clearAll() {
        try {
            lib.memoryClear.invokeExact(memory, true);
        } catch (Throwable e) {
            throw LlamaModel.rethrow(e);
        }
    }

    /**
     * Samples the next token from the logits of output {@code index} of the last decode, and lets the sampler
     * remember it (penalties count it).
     */
    public int sample(LlamaSampler sampler, int index) {
        try {
            if (sampler.argmaxOnly()) {
                return argmax(index);
            }
            return (int) lib.samplerSample.invokeExact(sampler.handle(), context, index);
        } catch (Throwable e) {
            throw LlamaModel.rethrow(e);
        }
    }

    /**
     * Samples the next token from output {@code index} so that the grammar allows it, and advances both. As llama.cpp's
     * own sampler does it (rejection sampling): pick without the grammar, ask the grammar about that one token, and
     * only when it refuses, mask the whole vocabulary and pick again. A model that mostly follows the format pays
     * one single-token grammar check per token instead of a check of every token in the vocabulary.
     *
     * @throws IllegalStateException when the grammar allows no token at all (a grammar without a way to end)
     */
    public int sample(LlamaSampler sampler, LlamaGrammar grammar, int index) {
        try {
            MemorySegment logits = logits(index);
            int token = pick(sampler, logits);
            grammar.apply(candidates.single(token));
            if (!candidates.singleSurvived()) {
                MemorySegment allowed = candidates.fill(logits);
                grammar.apply(allowed);
                int best = candidates.argmax();
                if (best < 0) {
                    throw new IllegalStateException("the grammar allows no token here");
                }
                if (sampler.argmaxOnly()) {
                    token = best;
                } else {
                    sampler.apply(allowed);
                    token = candidates.selected();
                }
            }
            grammar.accept(token);
            if (!sampler.argmaxOnly()) {
                sampler.accept(token);
            }
            return token;
        } catch (IllegalStateException e) {
            throw e;
        } catch (Throwable e) {
            throw LlamaModel.rethrow(e);
        }
    }

    /** The chain's pick over the whole vocabulary, without remembering it. */
    private int pick(LlamaSampler sampler, MemorySegment logits) {
        if (sampler.argmaxOnly()) {
            return argmax(logits);
        }
        sampler.apply(candidates.fill(logits));
        return candidates.selected();
    }

    private MemorySegment logits(int index) throws Throwable {
        MemorySegment logits = (MemorySegment) lib.getLogitsIth.invokeExact(context, index);
        if (logits.equals(MemorySegment.NULL)) {
            // Reading through NULL would crash the process; this is a caller's bug (an index without logits).
            throw new IllegalArgumentException("no logits at batch index " + index);
        }
        return logits.reinterpret((long) vocabularySize * Float.BYTES);
    }

    /** The most likely next token at output {@code index}; ties go to the lowest id, as llama.cpp's greedy does. */
    private int argmax(int index) throws Throwable {
        return argmax(logits(index));
    }

    private int argmax(MemorySegment logits) {
        int best = 0;
        float bestLogit = logits.getAtIndex(JAVA_FLOAT, 0);
        for (int token = 1; token < vocabularySize; token++) {
            float logit = logits.getAtIndex(JAVA_FLOAT, token);
            if (logit > bestLogit) {
                bestLogit = logit;
                best = token;
            }
        }
        return best;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            lib.free.invokeExact(context);
        } catch (Throwable e) {
            throw LlamaModel.rethrow(e);
        } finally {
            // After the context: it must not compute on a freed pool.
            threads.close();
            candidates.close();
        }
    }
}
