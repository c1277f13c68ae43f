package dev.garden.core.inference;

import dev.garden.core.GardenException;

/**
 * Something that runs a model: the embedded engine, an upstream server, a scripted test double.
 * Backends see the domain alone and keep their own wire types inside.
 */
public interface ModelBackend extends AutoCloseable {

    /**
     * Starts a generation. Problems found before generating (a prompt longer than the context, no capacity left)
     * are thrown here; later ones go to {@link GenerationSink#onError}.
     *
     * @throws GardenException with {@code INVALID_ARGUMENT}, {@code RESOURCE_EXHAUSTED}, {@code UNAVAILABLE}, ...
     */
    Generation generate(InferenceRequest request, GenerationSink sink);

    /**
     * The sampling a request gets for the parameters it leaves out ({@code temperature}, {@code top_p}): the
     * model's recommended settings where its catalog entry gives them, else OpenAI's defaults.
     */
    default SamplingParams samplingDefaults() {
        return SamplingParams.DEFAULTS;
    }

    /** Releases what the backend holds. Generations under way end with {@code UNAVAILABLE}. */
    @Override
    void close();
}
