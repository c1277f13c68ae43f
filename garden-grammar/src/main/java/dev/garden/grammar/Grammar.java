package dev.garden.grammar;

import java.util.Objects;

/**
 * A llama.cpp GBNF grammar and the rule generation starts from; pass both to llama.cpp's grammar sampler
 * ({@code llama_sampler_init_grammar(vocab, gbnf, root)}).
 *
 * @param gbnf the grammar text, one rule per line
 * @param root the name of the start rule
 */
public record Grammar(String gbnf, String root) {
    /** Checks that both parts are present. */
    public Grammar {
        Objects.requireNonNull(gbnf, "gbnf");
        Objects.requireNonNull(root, "root");
    }
}
