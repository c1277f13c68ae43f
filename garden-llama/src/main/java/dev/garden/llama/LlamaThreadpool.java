package dev.garden.llama;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * ggml's compute threads, kept for the life of a context. Without one attached, ggml starts and joins a new set of
 * threads for every {@code llama_decode}; llama.cpp's own tools (llama-bench, the server) attach a persistent pool,
 * and so does Garden. Its threads poll briefly between graphs (ggml's default level, 50) before sleeping.
 */
final class LlamaThreadpool implements AutoCloseable {
    /** {@code sizeof(struct ggml_threadpool_params)}: a 512-byte CPU mask, then n_threads, prio, poll, two bools. */
    private static final long PARAMS_SIZE = 528;

    private final LlamaLibrary lib;
    private final MemorySegment pool;
    private boolean closed;

    private LlamaThreadpool(LlamaLibrary lib, MemorySegment pool) {
        this.lib = lib;
        this.pool = pool;
    }

    static LlamaThreadpool create(LlamaLibrary lib, int threads) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment params = arena.allocate(PARAMS_SIZE, 8);
            lib.threadpoolParamsInit.invokeExact(params, threads);

            MemorySegment pool = (MemorySegment) lib.threadpoolNew.invokeExact(params);
            if (pool.equals(MemorySegment.NULL)) {
                throw new IllegalStateException("ggml could not start a pool of " + threads + " threads");
            }
            return new LlamaThreadpool(lib, pool);
        } catch (IllegalStateException e) {
            throw e;
        } catch (Throwable e) {
            throw LlamaModel.rethrow(e);
        }
    }

    MemorySegment handle() {
        return pool;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            lib.threadpoolFree.invokeExact(pool);
        } catch (Throwable e) {
            throw LlamaModel.rethrow(e);
        }
    }
}
