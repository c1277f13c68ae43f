package dev.garden.grammar;

import dev.garden.llama.LlamaGrammar;
import dev.garden.llama.LlamaModel;
import dev.garden.llama.testing.NativeFixtures;

/**
 * llama.cpp as the judge of the grammars: its parser must accept every grammar Garden emits, and its grammar
 * sampler decides whether a document can be generated, token by token, exactly as during constrained decoding.
 */
final class GrammarJudge {
    private GrammarJudge() {
    }

    static LlamaModel model() {
        return NativeFixtures.smolLm2();
    }

    /** llama.cpp's parser; throws IllegalArgumentException when it refuses the grammar. */
    static LlamaGrammar compile(Grammar grammar) {
        return LlamaGrammar.compile(model(), grammar.gbnf(), grammar.root());
    }

    static boolean accepts(Grammar grammar, String document) {
        try (LlamaGrammar compiled = compile(grammar)) {
            return accepts(compiled, document);
        }
    }

    /**
     * Whether the sampler lets {@code document} through: every token of it allowed in turn, and the end of
     * generation allowed after the last (the grammar is complete). Works on a copy, so {@code compiled} can be
     * reused.
     */
    static boolean accepts(LlamaGrammar compiled, String document) {
        LlamaModel model = model();
        try (LlamaGrammar state = compiled.copy()) {
            for (int token : model.tokenize(document, false, false)) {
                if (!state.allows(token)) {
                    return false;
                }
                state.accept(token);
            }
            return state.allows(model.eosToken());
        }
    }
}
