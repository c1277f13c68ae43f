package dev.garden.llama;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * A reusable {@code llama_batch} in native memory: tokens, their positions and sequences, and which of them need
 * logits. Each token belongs to exactly one sequence. Owned by one thread.
 */
public final class LlamaBatch implements AutoCloseable {
    private final Arena arena = Arena.ofShared();
    private final int capacity;
    private final MemorySegment struct;
    private final MemorySegment tokens;
    private final MemorySegment positions;
    private final MemorySegment sequenceCounts;
    private final MemorySegment sequenceIds;
    private final MemorySegment outputs;
    private int size;
    private int outputCount;

    /** A batch that holds up to {@code capacity} tokens. */
    public LlamaBatch(int capacity) {
        this.capacity = capacity;
        tokens = arena.allocate(JAVA_INT, capacity);
        positions = arena.allocate(JAVA_INT, capacity);
        sequenceCounts = arena.allocate(JAVA_INT, capacity);
        sequenceIds = arena.allocate(JAVA_INT, capacity);
        outputs = arena.allocate(JAVA_BYTE, capacity);
        // seq_id is an array of pointers to arrays of ids; each token has one id, stored in sequenceIds.
        MemorySegment idPointers = arena.allocate(ADDRESS, capacity);
        for (int i = 0; i < capacity; i++) {
            idPointers.setAtIndex(ADDRESS, i, sequenceIds.asSlice((long) i * Integer.BYTES, Integer.BYTES));
            sequenceCounts.setAtIndex(JAVA_INT, i, 1);
        }
        struct = arena.allocate(LlamaLayouts.BATCH);
        struct.set(ADDRESS, LlamaLayouts.offset(LlamaLayouts.BATCH, "token"), tokens);
        struct.set(ADDRESS, LlamaLayouts.offset(LlamaLayouts.BATCH, "embd"), MemorySegment.NULL);
        struct.set(ADDRESS, LlamaLayouts.offset(LlamaLayouts.BATCH, "pos"), positions);
        struct.set(ADDRESS, LlamaLayouts.offset(LlamaLayouts.BATCH, "n_seq_id"), sequenceCounts);
        struct.set(ADDRESS, LlamaLayouts.offset(LlamaLayouts.BATCH, "seq_id"), idPointers);
        struct.set(ADDRESS, LlamaLayouts.offset(LlamaLayouts.BATCH, "logits"), outputs);
        clear();
    }

    /** Empties the batch. */
    public void clear() {
        size = 0;
        outputCount = 0;
        struct.set(JAVA_INT, 0, 0);
    }

    /**
     * Adds a token.
     *
     * @param wantLogits whether the decode should produce logits for this position (to sample what follows)
     * @return the output index to sample from after decoding, or -1 when no logits were asked for
     */
    public int add(int token, int position, int sequence, boolean wantLogits) {
        if (size == capacity) {
            throw new IllegalStateException("batch is full (" + capacity + " tokens)");
        }
        tokens.setAtIndex(JAVA_INT, size, token);
        positions.setAtIndex(JAVA_INT, size, position);
        sequenceIds.setAtIndex(JAVA_INT, size, sequence);
        outputs.set(JAVA_BYTE, size, (byte) (wantLogits ? 1 : 0));
        size++;
        struct.set(JAVA_INT, 0, size);
        // llama_sampler_sample takes the batch position of an output token (llama_get_logits_ith maps it).
        return wantLogits ? size - 1 : -1;
    }

    /** Tokens in the batch. */
    public int size() {
        return size;
    }

    /** Room left. */
    public int remaining() {
        return capacity - size;
    }

    /** Tokens the batch can hold. */
    public int capacity() {
        return capacity;
    }

    MemorySegment struct() {
        return struct;
    }

    @Override
    public void close() {
        arena.close();
    }
}
