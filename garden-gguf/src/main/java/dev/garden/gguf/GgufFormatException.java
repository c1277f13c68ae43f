package dev.garden.gguf;

import java.io.IOException;

/** A file that is not a well-formed GGUF file this library can read: the message says where and why. */
public final class GgufFormatException extends IOException {
    /**
     * @param message what is wrong, and where in the file
     */
    public GgufFormatException(String message) {
        super(message);
    }

    GgufFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
