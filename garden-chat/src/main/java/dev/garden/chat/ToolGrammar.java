package dev.garden.chat;

import java.util.List;
import java.util.Objects;

/**
 * A GBNF grammar that constrains a choice's output to a family's tool-call syntax, with each call's arguments valid
 * against its function's {@code parameters} schema.
 *
 * <p>A strict grammar ({@code lazy} false) holds from the first generated token: {@code tool_choice} {@code required}
 * or named, and the generic format. A lazy grammar ({@code tool_choice} {@code auto}) lies dormant while the model
 * writes text and takes over once a trigger appears; its root then matches the output from the trigger on. Pass it
 * to llama.cpp as {@code LlamaGrammar.compileLazy(model, gbnf, root, triggerPatterns, tokens)}, where the tokens are
 * those of {@code triggerTokens} that the vocabulary holds as single tokens.
 *
 * @param gbnf            the grammar
 * @param root            its start rule
 * @param lazy            whether it waits for a trigger
 * @param triggerPatterns regular expressions (ECMAScript, as llama.cpp's {@code std::regex}) matched against the
 *                        whole output so far ({@code ^...$}); the grammar applies from the first capture group on
 * @param triggerTokens   texts of special tokens that trigger the grammar when generated (the same words as the
 *                        patterns: a control token that detokenizes to nothing would never match a pattern)
 *
 * <p>A thinking model's thought may mention a trigger word; the engine should not feed a lazy grammar while the
 * output is inside a thought ({@link ChatOutputParser#inThought()}), or the grammar would force a call there.
 */
public record ToolGrammar(String gbnf, String root, boolean lazy, List<String> triggerPatterns,
                          List<String> triggerTokens) {
    public ToolGrammar {
        Objects.requireNonNull(gbnf, "gbnf");
        Objects.requireNonNull(root, "root");
        triggerPatterns = List.copyOf(triggerPatterns);
        triggerTokens = List.copyOf(triggerTokens);
        if (lazy && triggerPatterns.isEmpty() && triggerTokens.isEmpty()) {
            throw new IllegalArgumentException("a lazy grammar needs a trigger");
        }
    }
}
