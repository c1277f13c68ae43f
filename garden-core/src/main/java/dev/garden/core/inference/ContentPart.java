package dev.garden.core.inference;

import java.util.Objects;

/** One piece of a message's content. Text today; images and audio join as further permitted types. */
public sealed interface ContentPart {

    /** Plain text. */
    record Text(String text) implements ContentPart {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }
}
