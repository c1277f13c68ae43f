package dev.garden.core.inference;

import dev.garden.core.GardenException;

/**
 * Receives what a backend generates. Called from the backend's own thread: implementations must return quickly
 * and never block on a client.
 *
 * <p>The backend calls {@link #onEvent} any number of times, then exactly one of {@link #onComplete} or
 * {@link #onError}, and nothing after that.
 */
public interface GenerationSink {
    /** A text delta or a finished choice. */
    void onEvent(InferenceEvent event);

    /** Every choice has finished; the usage of the whole request. */
    void onComplete(Usage usage);

    /** Generation failed or was cancelled; no more calls follow. */
    void onError(GardenException error);
}
