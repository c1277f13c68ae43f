package dev.garden.core.inference;

/** A generation under way. */
public interface Generation {
    /**
     * Stops generating as soon as possible and frees what the generation holds. The sink then receives
     * {@link GenerationSink#onError} with {@link dev.garden.core.ErrorKind#CANCELLED}, unless it already finished.
     * Safe to call more than once, from any thread.
     */
    void cancel();
}
