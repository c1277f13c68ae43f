package dev.garden.chat;

import java.util.Objects;
import java.util.Optional;

/**
 * How a thinking model marks its thoughts, and the facts the engine needs to budget them.
 *
 * @param open             the text that opens a thought ({@code <think>})
 * @param close            the text that closes it ({@code </think>})
 * @param closing          what to feed when a thought has used its budget: the close marker with the whitespace the
 *                         model writes around it ({@code \n</think>\n\n})
 * @param emptyThought     an empty thought, to append to a prompt that does not open one, so that the model answers
 *                         at once ({@code <think>\n\n</think>\n\n}, what Qwen3's template writes for
 *                         {@code enable_thinking=false})
 * @param templateVariable the template variable that switches thinking on and off, if the template has one
 *                         ({@code enable_thinking}); Garden sets it to {@code false} for a budget of 0, otherwise
 *                         {@code true}
 */
public record ThinkingSyntax(String open, String close, String closing, String emptyThought,
                             Optional<String> templateVariable) {
    public ThinkingSyntax {
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(close, "close");
        Objects.requireNonNull(closing, "closing");
        Objects.requireNonNull(emptyThought, "emptyThought");
        Objects.requireNonNull(templateVariable, "templateVariable");
        if (!closing.contains(close)) {
            throw new IllegalArgumentException("the closing text must contain the close marker");
        }
    }

    /** {@code <think>...</think>}: Qwen3, QwQ, DeepSeek-R1 and its distills, SmolLM3 and most open thinking models. */
    static ThinkingSyntax think(Optional<String> variable) {
        return new ThinkingSyntax("<think>", "</think>", "\n</think>\n\n", "<think>\n\n</think>\n\n", variable);
    }

    /** {@code [THINK]...[/THINK]}: Magistral and Ministral reasoning models. */
    static ThinkingSyntax mistral(Optional<String> variable) {
        return new ThinkingSyntax("[THINK]", "[/THINK]", "[/THINK]", "[THINK][/THINK]", variable);
    }

    /** {@code <|channel>thought...<channel|>}: Gemma 4. */
    static ThinkingSyntax gemma4(Optional<String> variable) {
        return new ThinkingSyntax("<|channel>thought", "<channel|>", "<channel|>", "<|channel>thought\n<channel|>",
                variable);
    }

    /**
     * Whether a rendered prompt leaves a thought open, so that the output starts inside it (DeepSeek-R1's and QwQ's
     * templates end the prompt with {@code <think>\n}).
     */
    public boolean startsInThought(String prompt) {
        int opened = prompt.lastIndexOf(open);
        return opened >= 0 && prompt.lastIndexOf(close) < opened
                && prompt.substring(opened + open.length()).isBlank();
    }

    /**
     * What to append to a rendered prompt so that the model does not think (a budget of 0, for templates without a
     * {@link #templateVariable()}): the closing text when the prompt left a thought open, else an empty thought.
     */
    public String skipThinking(String prompt) {
        return startsInThought(prompt) ? closing : emptyThought;
    }
}
