package dev.garden.engine;

/** A request the engine accepted. */
public interface EngineJob {
    /** Stops the request's sequences at the next step and frees their slots; the listener gets CANCELLED. */
    void cancel();
}
