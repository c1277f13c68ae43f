package dev.garden.core.inference;

import dev.garden.core.GardenException;

import java.util.concurrent.LinkedBlockingQueue;

/**
 * Hands a backend's output from its thread to a consumer that may block (an HTTP handler on a virtual thread).
 * The backend never waits: the queue is unbounded, and its length is bounded by the request's token limit.
 */
public final class GenerationStream implements GenerationSink {

    /** One thing taken from the stream. */
    public sealed interface Item {
    }

    /** A text delta or a finished choice. */
    public record Event(InferenceEvent event) implements Item {
    }

    /** The generation finished; nothing follows. */
    public record Completed(Usage usage) implements Item {
    }

    /** The generation failed; nothing follows. */
    public record Failed(GardenException error) implements Item {
    }

    private final LinkedBlockingQueue<Item> items = new LinkedBlockingQueue<>();

    @Override
    public void onEvent(InferenceEvent event) {
        items.add(new Event(event));
    }

    @Override
    public void onComplete(Usage usage) {
        items.add(new Completed(usage));
    }

    @Override
    public void onError(GardenException error) {
        items.add(new Failed(error));
    }

    /** The next item, waiting for it if need be. */
    public Item take() throws InterruptedException {
        return items.take();
    }

    /** The next item, waiting at most {@code timeout} for it; null when none came in time. */
    public Item poll(long timeout, java.util.concurrent.TimeUnit unit) throws InterruptedException {
        return items.poll(timeout, unit);
    }
}
