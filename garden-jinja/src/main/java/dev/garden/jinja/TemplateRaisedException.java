package dev.garden.jinja;

/**
 * The template gave up on purpose by calling {@code raise_exception(message)}, as Hugging Face chat templates do to
 * reject a conversation they cannot format ("Conversation roles must alternate user/assistant/..."). The message is
 * exactly the template's, meant for the API caller.
 */
public class TemplateRaisedException extends TemplateRenderException {
    /**
     * The template's own failure.
     *
     * @param message exactly what the template passed to {@code raise_exception}
     */
    public TemplateRaisedException(String message) {
        super(message);
    }

    /** Exactly the template's message, with no line appended. */
    @Override
    public String getMessage() {
        return reason();
    }

    @Override
    TemplateRenderException atLine(int templateLine) {
        return this;
    }
}
