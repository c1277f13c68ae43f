package dev.garden.llama;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * TEST-ONLY STAND-IN for two methods garden-engine does not expose: it sits in garden-engine's package (on the test
 * class path only) to reach {@link LlamaGrammar#handle()}, {@link LlamaGrammar#accept(int)} and
 * {@code LlamaLibrary.samplerApply}. Proposed for {@link LlamaGrammar} (garden-grammar's tests need the same):
 * <ul>
 *   <li>{@code public boolean allows(int token)}: whether the grammar admits the token next (for an end of generation
 *       token: whether the grammar is complete), by applying the sampler to a one-candidate array;</li>
 *   <li>{@code public void accept(int token)}: the existing method made public (only for allowed tokens: llama.cpp
 *       aborts the process on a rejected one).</li>
 * </ul>
 * Delete this file once {@code LlamaGrammar} has them.
 */
public final class ChatGrammarProbe {
    /** llama.h's llama_token_data: {id, logit, p}. */
    private static final StructLayout TOKEN_DATA = MemoryLayout.structLayout(
            JAVA_INT.withName("id"), JAVA_FLOAT.withName("logit"), JAVA_FLOAT.withName("p"));
    /** llama.h's llama_token_data_array: {data, size, selected, sorted}. */
    private static final StructLayout TOKEN_DATA_ARRAY = MemoryLayout.structLayout(
            ADDRESS.withName("data"), JAVA_LONG.withName("size"), JAVA_LONG.withName("selected"),
            JAVA_BYTE.withName("sorted"), MemoryLayout.paddingLayout(7));

    private ChatGrammarProbe() {
    }

    /** Whether {@code grammar} admits {@code token} in its current state. */
    public static boolean allows(LlamaGrammar grammar, LlamaModel model, int token) {
        LlamaLibrary lib = model.library();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment data = arena.allocate(TOKEN_DATA);
            data.set(JAVA_INT, 0, token);
            data.set(JAVA_FLOAT, 4, 0f);
            data.set(JAVA_FLOAT, 8, 0f);
            MemorySegment array = arena.allocate(TOKEN_DATA_ARRAY);
            array.set(ADDRESS, 0, data);
            array.set(JAVA_LONG, 8, 1L);
            array.set(JAVA_LONG, 16, -1L);
            array.set(JAVA_BYTE, 24, (byte) 0);
            lib.samplerApply.invokeExact(grammar.handle(), array);
            return data.get(JAVA_FLOAT, 4) != Float.NEGATIVE_INFINITY;
        } catch (Throwable e) {
            throw LlamaModel.rethrow(e);
        }
    }

    /** Advances {@code grammar} past an allowed token. */
    public static void accept(LlamaGrammar grammar, int token) {
        grammar.accept(token);
    }
}
