package dev.garden.llama;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * A GBNF grammar compiled by llama.cpp for a model's vocabulary, as a grammar sampler: it masks every token that
 * would leave the grammar. The sampler holds the parse state of one sequence, so each sequence needs its own:
 * {@link #copy()} clones a compiled grammar without parsing it again.
 */
public final class LlamaGrammar implements AutoCloseable {
    private final NativeSampler sampler;

    private LlamaGrammar(NativeSampler sampler) {
        this.sampler = sampler;
    }

    /**
     * Compiles a grammar that constrains a sequence from its first generated token.
     *
     * @throws IllegalArgumentException when llama.cpp cannot parse the grammar (its reason goes to stderr)
     */
    public static LlamaGrammar compile(LlamaModel model, String gbnf, String root) {
        LlamaLibrary lib = model.library();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment sampler = (MemorySegment) lib.samplerInitGrammar.invokeExact(model.vocabHandle(),
                    arena.allocateFrom(gbnf), arena.allocateFrom(root));
            return of(lib, sampler, gbnf);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Throwable e) {
            throw LlamaModel.rethrow(e);
        }
    }

    /**
     * Compiles a grammar that stays inactive until a trigger appears in the output: a regular expression matched
     * from the start of the generation (the grammar is fed from its first capture group), or one of the trigger
     * tokens (fed from that token on). What precedes the trigger is unconstrained: a model may answer in text or
     * begin a tool call.
     *
     * @throws IllegalArgumentException when llama.cpp cannot parse the grammar or a pattern
     */
    public static LlamaGrammar compileLazy(LlamaModel model, String gbnf, String root, List<String> triggerPatterns,
                                           int[] triggerTokens) {
        LlamaLibrary lib = model.library();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment patterns = arena.allocate(ADDRESS, Math.max(1, triggerPatterns.size()));
            for (int i = 0; i < triggerPatterns.size(); i++) {
                patterns.setAtIndex(ADDRESS, i, arena.allocateFrom(triggerPatterns.get(i)));
            }
            MemorySegment tokens = arena.allocate(JAVA_INT, Math.max(1, triggerTokens.length));
            MemorySegment.copy(triggerTokens, 0, tokens, JAVA_INT, 0, triggerTokens.length);
            MemorySegment sampler = (MemorySegment) lib.samplerInitGrammarLazyPatterns.invokeExact(
                    model.vocabHandle(), arena.allocateFrom(gbnf), arena.allocateFrom(root), patterns,
                    (long) triggerPatterns.size(), tokens, (long) triggerTokens.length);
            return of(lib, sampler, gbnf);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Throwable e) {
            throw LlamaModel.rethrow(e);
        }
    }

    private static LlamaGrammar of(LlamaLibrary lib, MemorySegment sampler, String gbnf) {
        if (sampler.equals(MemorySegment.NULL)) {
            throw new IllegalArgumentException("llama.cpp could not parse the grammar (see its message on stderr):\n"
                    + (gbnf.length() > 2000 ? gbnf.substring(0, 2000) + "..." : gbnf));
        }
        return new LlamaGrammar(new NativeSampler(lib, sampler));
    }

    /** An independent copy in the grammar's initial state, for another sequence. */
    public LlamaGrammar copy() {
        return new LlamaGrammar(sampler.copy());
    }

    MemorySegment handle() {
        return sampler.handle();
    }

    /** Masks, in candidates, every token the grammar does not allow next. */
    void apply(MemorySegment candidates) {
        sampler.apply(candidates);
    }

    /**
     * Whether the grammar allows this token next. For an end-of-generation token: whether the grammar is complete.
     * Leaves the grammar's state as it was.
     */
    public boolean allows(int token) {
        try (CandidateArray one = new CandidateArray(1)) {
            apply(one.single(token));
            return one.singleSurvived();
        }
    }

    /** Advances the grammar past a token (one it allows). */
    public void accept(int token) {
        sampler.accept(token);
    }

    @Override
    public void close() {
        sampler.close();
    }
}
