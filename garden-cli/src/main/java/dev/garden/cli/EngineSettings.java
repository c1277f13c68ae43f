package dev.garden.cli;

import dev.garden.engine.EngineOptions;
import dev.garden.models.ModelSpec;

import java.time.Duration;
import java.util.OptionalInt;

/**
 * The engine settings given on the command line, applied to every model.
 *
 * @param slots           sequences each model decodes together
 * @param contextPerSlot  a cap on tokens per sequence; each model's catalog entry gives its own, and the smaller wins
 * @param threads         CPU threads for llama.cpp
 * @param maxQueued       requests that may wait for a slot before Garden answers 429
 */
record EngineSettings(int slots, OptionalInt contextPerSlot, int threads, int maxQueued) {

    EngineOptions optionsFor(ModelSpec spec) {
        int context = contextPerSlot.isPresent()
                ? Math.min(contextPerSlot.getAsInt(), spec.contextLength())
                : spec.contextLength();
        return new EngineOptions(slots, context, Math.max(512, slots), threads, maxQueued, Duration.ofSeconds(2));
    }
}
