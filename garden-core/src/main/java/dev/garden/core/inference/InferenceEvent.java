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

    /** More of a thinking model's thoughts for a choice (only when the caller asked to see them). Never empty. */
    record ReasoningDelta(int choice, String text) implements InferenceEvent {
        public ReasoningDelta {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A piece of a tool call, as OpenAI streams them: a call's first delta carries its {@code index}, {@code id} and
     * {@code name} (and possibly arguments); later ones carry more of its {@code arguments} only. Concatenating the
     * argument fragments of one index gives the call's arguments, a JSON text. A backend reports a choice's calls one
     * after another (a call's deltas all come before the next call's first), as the OpenAI clients' stream helpers
     * need; every call's first delta carries its id and name.
     *
     * @param index     which call of the choice (0, 1, ... for parallel calls)
     * @param id        the call's id, on its first delta only, else {@code null}
     * @param name      the function's name, on its first delta only, else {@code null}
     * @param arguments the next fragment of the arguments, possibly empty
     */
    record ToolCallDelta(int choice, int index, String id, String name, String arguments) implements InferenceEvent {
        public ToolCallDelta {
            Objects.requireNonNull(arguments, "arguments");
        }
    }

    /** A choice is done; no more events follow for it. */
    record ChoiceFinished(int choice, FinishReason reason) implements InferenceEvent {
        public ChoiceFinished {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
