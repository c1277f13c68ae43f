package dev.garden.llama;

import java.lang.foreign.MemorySegment;

/**
 * One {@code llama_sampler*}: what a sampler chain ({@link LlamaSampler}) and a grammar ({@link LlamaGrammar}) both
 * are to llama.cpp. Applies itself to candidates, remembers accepted tokens, clones, and is freed once.
 */
final class NativeSampler implements AutoCloseable {
    private final LlamaLibrary lib;
    private final MemorySegment handle;
    private boolean closed;

    NativeSampler(LlamaLibrary lib, MemorySegment handle) {
        this.lib = lib;
        this.handle = handle;
    }

    MemorySegment handle() {
        return handle;
    }

    /** Runs the sampler over candidates (a {@code llama_token_data_array*}). */
    void apply(MemorySegment candidates) {
        try {
            lib.samplerApply.invokeExact(handle, candidates);
        } catch (Throwable e) {
            throw LlamaModel.rethrow(e);
        }
    }

    /** Tells the sampler which token was chosen. */
    void accept(int token) {
        try {
            lib.samplerAccept.invokeExact(handle, token);
        } catch (Throwable e) {
            throw LlamaModel.rethrow(e);
        }
    }

    /** An independent copy, in the state llama.cpp's clone gives it. */
    NativeSampler copy() {
        try {
            return new NativeSampler(lib, (MemorySegment) lib.samplerClone.invokeExact(handle));
        } catch (Throwable e) {
            throw LlamaModel.rethrow(e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            lib.samplerFree.invokeExact(handle);
        } catch (Throwable e) {
            throw LlamaModel.rethrow(e);
        }
    }
}
