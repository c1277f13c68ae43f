package dev.garden.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * How the embedded engine runs a model.
 *
 * @param slots              sequences decoded together (continuous batching); a request with {@code n} choices
 *                           takes {@code n} of them
 * @param contextPerSlot     tokens each sequence may hold, prompt and output together
 * @param batchSize          the most tokens in one {@code llama_decode}: decoding sequences take one each, prompts
 *                           fill the rest in chunks
 * @param threads            CPU threads llama.cpp computes with
 * @param maxQueuedRequests  requests that may wait for a free slot; beyond that, {@code RESOURCE_EXHAUSTED}
 * @param retryAfter         what a rejected client is told to wait
 */
public record EngineOptions(int slots, int contextPerSlot, int batchSize, int threads, int maxQueuedRequests,
                            Duration retryAfter) {
    public EngineOptions {
        if (slots < 1 || slots > 64) {
            throw new IllegalArgumentException("slots must be 1..64, got " + slots);
        }
        if (contextPerSlot < 16) {
            throw new IllegalArgumentException("contextPerSlot must be at least 16, got " + contextPerSlot);
        }
        if (batchSize < slots) {
            throw new IllegalArgumentException("batchSize must be at least the number of slots");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive");
        }
        if (maxQueuedRequests < 0) {
            throw new IllegalArgumentException("maxQueuedRequests must not be negative");
        }
        Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** Four slots, 512-token batches, every core, 64 waiting requests. */
    public static EngineOptions defaults(int contextPerSlot) {
        return new EngineOptions(4, contextPerSlot, 512, Runtime.getRuntime().availableProcessors(), 64,
                Duration.ofSeconds(2));
    }

    /** The same options with another number of slots. */
    public EngineOptions withSlots(int slots) {
        return new EngineOptions(slots, contextPerSlot, Math.max(batchSize, slots), threads, maxQueuedRequests,
                retryAfter);
    }

    /** The same options with another thread count. */
    public EngineOptions withThreads(int threads) {
        return new EngineOptions(slots, contextPerSlot, batchSize, threads, maxQueuedRequests, retryAfter);
    }

    /** The same options with another queue bound. */
    public EngineOptions withMaxQueuedRequests(int maxQueuedRequests) {
        return new EngineOptions(slots, contextPerSlot, batchSize, threads, maxQueuedRequests, retryAfter);
    }
}
