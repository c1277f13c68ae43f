package dev.garden.engine;

import dev.garden.core.GardenException;
import dev.garden.core.inference.FinishReason;

/**
 * Receives what the engine generates, on the engine's thread: implementations must return at once and never
 * block (a slow listener slows every sequence in the batch).
 *
 * <p>Calls {@link #onToken} and {@link #onFinish} per choice, then exactly one of {@link #onComplete} or
 * {@link #onError}.
 */
public interface TokenListener {
    /**
     * A token was generated for a choice.
     *
     * @param text what the token adds to the visible text; empty while bytes of a character are incomplete or
     *             while text might be the start of a stop string, or for a control token
     */
    void onToken(int choice, int token, String text);

    /** A choice ended. */
    void onFinish(int choice, FinishReason reason);

    /** Every choice ended. */
    void onComplete(int promptTokens, int completionTokens);

    /**
     * Every choice ended, for listeners that count thoughts; by default the same as the two-count form.
     *
     * @param reasoningTokens of the completion tokens, those of thoughts (their markers included)
     */
    default void onComplete(int promptTokens, int completionTokens, int reasoningTokens) {
        onComplete(promptTokens, completionTokens);
    }

    /** The request failed or was cancelled; nothing follows. */
    void onError(GardenException error);
}
