package dev.garden.core.inference;

/**
 * Token counts of one request.
 *
 * @param promptTokens     tokens in the rendered prompt (counted once, whatever the number of choices)
 * @param completionTokens tokens generated, over all choices
 */
public record Usage(int promptTokens, int completionTokens) {
    /** Prompt and completion together. */
    public int totalTokens() {
        return promptTokens + completionTokens;
    }
}
