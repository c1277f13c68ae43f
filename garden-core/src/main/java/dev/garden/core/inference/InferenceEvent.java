package dev.garden.core.inference;

import java.util.Objects;

/** What a backend reports while it generates, in order, per choice. */
public sealed interface InferenceEvent {

    /** The choice this event belongs to (0-based). */
    int choice();

    /** More text for a choice. Never empty. */
    record TextDelta(int choice, String text) implements InferenceEvent {
        public TextDelta {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A choice is done; no more events follow for it. */
    record ChoiceFinished(int choice, FinishReason reason) implements InferenceEvent {
        public ChoiceFinished {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
