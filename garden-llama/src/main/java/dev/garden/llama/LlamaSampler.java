package dev.garden.llama;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;

/**
 * A llama.cpp sampler chain for one sequence: penalties, temperature, nucleus, then a draw (or greedy choice).
 * Each sequence has its own, since the chain holds state (the random generator, the penalty history).
 */
public final class LlamaSampler implements AutoCloseable {
    /** llama.h's {@code LLAMA_DEFAULT_SEED}: asks llama.cpp for a random seed, so never pass it as a real one. */
    private static final int RANDOM_SEED = 0xFFFFFFFF;

    private final LlamaLibrary lib;
    private final NativeSampler sampler;
    private final boolean argmaxOnly;

    /**
     * What the chain does.
     *
     * @param temperature      0 or less: always the most likely token
     * @param topP             nucleus size, 1 disables
     * @param seed             the draw's seed (32 bits, as llama.cpp takes it)
     * @param presencePenalty  OpenAI's presence penalty, 0 disables
     * @param frequencyPenalty OpenAI's frequency penalty, 0 disables
     * @param penaltyWindow    how many of the latest tokens the penalties look at
     */
    public record Settings(float temperature, float topP, int seed, float presencePenalty, float frequencyPenalty,
                           int penaltyWindow) {
    }

    private LlamaSampler(LlamaLibrary lib, MemorySegment chain, boolean argmaxOnly) {
        this.lib = lib;
        this.sampler = new NativeSampler(lib, chain);
        this.argmaxOnly = argmaxOnly;
    }

    /** Builds a chain in OpenAI's order: penalties, then temperature, then top-p over the scaled logits, then a draw. */
    public static LlamaSampler create(LlamaModel model, Settings settings) {
        LlamaLibrary lib = model.library();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment params = (MemorySegment) lib.samplerChainDefaultParams.invokeExact((SegmentAllocator) arena);
            MemorySegment chain = (MemorySegment) lib.samplerChainInit.invokeExact(params);
            boolean penalties = settings.presencePenalty() != 0 || settings.frequencyPenalty() != 0;
            LlamaSampler sampler = new LlamaSampler(lib, chain, settings.temperature() <= 0 && !penalties);
            if (penalties) {
                sampler.add((MemorySegment) lib.samplerInitPenalties.invokeExact(model.vocabularySize(),
                        settings.penaltyWindow(), 1.0f, settings.frequencyPenalty(), settings.presencePenalty()));
            }
            if (settings.temperature() <= 0) {
                sampler.add((MemorySegment) lib.samplerInitGreedy.invokeExact());
            } else {
                // Temperature first, then top-p over the scaled distribution: what OpenAI and Hugging Face do
                // (llama.cpp's own default order is the other way round).
                sampler.add((MemorySegment) lib.samplerInitTemp.invokeExact(settings.temperature()));
                if (settings.topP() < 1.0f) {
                    sampler.add((MemorySegment) lib.samplerInitTopP.invokeExact(settings.topP(), 1L));
                }
                int seed = settings.seed() == RANDOM_SEED ? RANDOM_SEED - 1 : settings.seed();
                sampler.add((MemorySegment) lib.samplerInitDist.invokeExact(seed));
            }
            return sampler;
        } catch (Throwable e) {
            throw LlamaModel.rethrow(e);
        }
    }

    private void add(MemorySegment stage) throws Throwable {
        lib.samplerChainAdd.invokeExact(sampler.handle(), stage);
    }

    MemorySegment handle() {
        return sampler.handle();
    }

    /**
     * Whether choosing is a plain argmax over the logits, with no state to update: then the engine can skip
     * llama.cpp's sampler, which builds a candidate array over the whole vocabulary for every token.
     */
    boolean argmaxOnly() {
        return argmaxOnly;
    }

    /** Runs the chain over candidates without remembering the pick (for rejection sampling). */
    void apply(MemorySegment candidates) {
        sampler.apply(candidates);
    }

    /** Tells the chain which token was chosen (penalties remember it). */
    void accept(int token) {
        sampler.accept(token);
    }

    @Override
    public void close() {
        sampler.close();
    }
}
