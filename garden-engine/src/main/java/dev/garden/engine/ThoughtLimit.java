package dev.garden.engine;

import java.util.Arrays;

/**
 * A thinking model's budget, in tokens the engine can watch: a thought starts with {@code open} and ends with
 * {@code close}. After {@code budget} thought tokens the engine stops sampling and feeds {@code closing} instead (a
 * close marker with the whitespace the model would write around it), so the answer begins; with a budget of 0 a
 * thought is closed the moment it opens.
 *
 * @param budget          the most thought tokens, not counting the markers
 * @param open            the token that opens a thought ({@code <think>})
 * @param close           the token that closes it ({@code </think>})
 * @param closing         what the engine feeds to close a thought; contains {@code close}
 * @param startsInThought whether the prompt already opened the thought (templates that end with {@code <think>\n})
 */
public record ThoughtLimit(int budget, int open, int close, int[] closing, boolean startsInThought) {
    public ThoughtLimit {
        if (budget < 0) {
            throw new IllegalArgumentException("a thinking budget cannot be negative");
        }
        closing = closing.clone();
        int closeToken = close;
        if (Arrays.stream(closing).noneMatch(token -> token == closeToken)) {
            throw new IllegalArgumentException("the closing tokens must contain the close token");
        }
    }

    @Override
    public int[] closing() {
        return closing.clone();
    }
}
