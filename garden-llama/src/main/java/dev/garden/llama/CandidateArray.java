package dev.garden.llama;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * A {@code llama_token_data_array} over the whole vocabulary in native memory, reused for every sampling of one
 * context: filled from a row of logits, then handed to samplers that mask or pick ({@code llama_sampler_apply}).
 * Also a one-candidate array, to ask a grammar about a single token. Owned by the engine thread.
 *
 * <p>Layouts (llama.h): {@code llama_token_data} is {id int32, logit float, p float} (12 bytes);
 * {@code llama_token_data_array} is {data pointer, size size_t, selected int64, sorted bool} (32 bytes).
 */
final class CandidateArray implements AutoCloseable {
    private static final long TOKEN_DATA = 12;
    private static final long DATA = 0;
    private static final long SIZE = 8;
    private static final long SELECTED = 16;
    private static final long SORTED = 24;
    private static final long ARRAY = 32;

    private final Arena arena = Arena.ofShared();
    private final int vocabularySize;
    private final MemorySegment data;
    private final MemorySegment array;
    private final MemorySegment single;
    private final MemorySegment singleArray;

    CandidateArray(int vocabularySize) {
        this.vocabularySize = vocabularySize;
        this.data = arena.allocate(TOKEN_DATA * vocabularySize, 4);
        this.array = arena.allocate(ARRAY, 8);
        this.single = arena.allocate(TOKEN_DATA, 4);
        this.singleArray = arena.allocate(ARRAY, 8);
    }

    /** Every token with its logit, unsorted, nothing selected. */
    MemorySegment fill(MemorySegment logits) {
        for (int token = 0; token < vocabularySize; token++) {
            long at = token * TOKEN_DATA;
            data.set(JAVA_INT, at, token);
            data.set(JAVA_FLOAT, at + 4, logits.getAtIndex(JAVA_FLOAT, token));
            data.set(JAVA_FLOAT, at + 8, 0f);
        }
        reset(array, data, vocabularySize);
        return array;
    }

    /** Just one token, to ask a grammar whether it may come next. */
    MemorySegment single(int token) {
        single.set(JAVA_INT, 0, token);
        single.set(JAVA_FLOAT, 4, 1f);
        single.set(JAVA_FLOAT, 8, 0f);
        reset(singleArray, single, 1);
        return singleArray;
    }

    /** Whether the one token of {@link #single} survived the samplers applied to it. */
    boolean singleSurvived() {
        return single.get(JAVA_FLOAT, 4) != Float.NEGATIVE_INFINITY;
    }

    /** The token a picking sampler selected in the full array. */
    int selected() {
        long index = array.get(JAVA_LONG, SELECTED);
        long size = array.get(JAVA_LONG, SIZE);
        if (index < 0 || index >= size) {
            throw new IllegalStateException("no token was selected");
        }
        // Samplers may reorder (and shrink) the array through its data pointer, so read through it.
        MemorySegment current = array.get(ADDRESS, DATA).reinterpret(TOKEN_DATA * size);
        return current.get(JAVA_INT, index * TOKEN_DATA);
    }

    /** The most likely token still allowed in the full array, or -1 when every token was masked. */
    int argmax() {
        long size = array.get(JAVA_LONG, SIZE);
        MemorySegment current = array.get(ADDRESS, DATA).reinterpret(TOKEN_DATA * size);
        int best = -1;
        float bestLogit = Float.NEGATIVE_INFINITY;
        for (long i = 0; i < size; i++) {
            float logit = current.get(JAVA_FLOAT, i * TOKEN_DATA + 4);
            if (logit > bestLogit) {
                bestLogit = logit;
                best = current.get(JAVA_INT, i * TOKEN_DATA);
            }
        }
        return best;
    }

    private static void reset(MemorySegment header, MemorySegment tokens, long size) {
        header.set(ADDRESS, DATA, tokens);
        header.set(JAVA_LONG, SIZE, size);
        header.set(JAVA_LONG, SELECTED, -1L);
        header.set(JAVA_BOOLEAN, SORTED, false);
    }

    @Override
    public void close() {
        arena.close();
    }
}
