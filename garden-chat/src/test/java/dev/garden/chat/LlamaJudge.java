package dev.garden.chat;

import dev.garden.llama.LlamaGrammar;
import dev.garden.llama.LlamaModel;
import dev.garden.llama.testing.NativeFixtures;

import java.util.ArrayList;
import java.util.List;

/**
 * llama.cpp as the judge of the tool-call grammars: its parser must accept them, and its grammar sampler must let an
 * output through token by token, exactly as during constrained decoding. SmolLM2 (fetched into the shared test
 * cache as Garden fetches it, loaded once per JVM and never closed) supplies the vocabulary.
 */
final class LlamaJudge {
    private LlamaJudge() {
    }

    static LlamaModel model() {
        return NativeFixtures.smolLm2();
    }

    /** Compiles a tool grammar as the engine would: lazy ones with their patterns and single-token triggers. */
    static LlamaGrammar compile(ToolGrammar grammar) {
        if (!grammar.lazy()) {
            return LlamaGrammar.compile(model(), grammar.gbnf(), grammar.root());
        }
        List<Integer> tokens = new ArrayList<>();
        for (String text : grammar.triggerTokens()) {
            int[] pieces = model().tokenize(text, false, true);
            if (pieces.length == 1) {
                tokens.add(pieces[0]);
            }
        }
        return LlamaGrammar.compileLazy(model(), grammar.gbnf(), grammar.root(), grammar.triggerPatterns(),
                tokens.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * Whether the grammar lets the output through: each token allowed in turn, and the end of generation allowed
     * after the last. Stops at the first refused token (accepting it would abort the process).
     */
    static boolean accepts(ToolGrammar grammar, String output) {
        try (LlamaGrammar state = compile(grammar)) {
            for (int token : model().tokenize(output, false, false)) {
                if (!state.allows(token)) {
                    return false;
                }
                state.accept(token);
            }
            return state.allows(model().eosToken());
        }
    }
}
