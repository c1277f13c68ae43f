package dev.garden.core.inference;

/**
 * Token counts of one request.
 *
 * @param promptTokens     tokens in the rendered prompt (counted once, whatever the number of choices)
 * @param completionTokens tokens generated, over all choices, thoughts included
 * @param reasoningTokens  of the completion tokens, those spent thinking
 */
public record Usage(int promptTokens, int completionTokens, int reasoningTokens) {
    /** Usage of a model that does not think. */
    public Usage(int promptTokens, int completionTokens) {
        this(promptTokens, completionTokens, 0);
    }

    /** Prompt and completion together. */
    public int totalTokens() {
        return promptTokens + completionTokens;
    }
}
