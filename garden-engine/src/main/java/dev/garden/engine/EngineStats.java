package dev.garden.engine;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of what the engine did, for benchmarks and metrics: how long it spent inside llama.cpp's decode versus
 * in its own bookkeeping (sampling, detokenizing, stop strings, handing tokens to listeners).
 */
public final class EngineStats {
    final LongAdder decodeCalls = new LongAdder();
    final LongAdder tokensDecoded = new LongAdder();
    final LongAdder decodeNanos = new LongAdder();
    final LongAdder stepNanos = new LongAdder();
    final LongAdder tokensGenerated = new LongAdder();
    final LongAdder rejected = new LongAdder();

    void recordDecode(int tokens, long nanos) {
        decodeCalls.increment();
        tokensDecoded.add(tokens);
        decodeNanos.add(nanos);
    }

    void recordStep(long nanos) {
        stepNanos.add(nanos);
    }

    /** {@code llama_decode} calls made. */
    public long decodeCalls() {
        return decodeCalls.sum();
    }

    /** Tokens passed to {@code llama_decode} (prompt and generated). */
    public long tokensDecoded() {
        return tokensDecoded.sum();
    }

    /** Time spent inside {@code llama_decode}, in nanoseconds. */
    public long decodeNanos() {
        return decodeNanos.sum();
    }

    /** Time spent after each decode sampling and handing out tokens, in nanoseconds. */
    public long samplingAndDeliveryNanos() {
        return stepNanos.sum();
    }

    /** Tokens generated. */
    public long tokensGenerated() {
        return tokensGenerated.sum();
    }

    /** Requests refused because the queue was full. */
    public long rejected() {
        return rejected.sum();
    }
}
