package dev.garden.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A chat template that overrides the one a GGUF file carries in {@code tokenizer.chat_template}. In a catalog it is
 * an object with exactly one field: {@code {"text": "..."}}, {@code {"file": "templates/x.jinja"}} (relative to the
 * catalog file) or {@code {"resource": "dev/garden/models/templates/x.jinja"}} (on the class path).
 */
public sealed interface ChatTemplateSource {

    /** The template's Jinja text, read now. */
    String read();

    /**
     * A template written into the catalog itself.
     *
     * @param text the Jinja text
     */
    record Inline(String text) implements ChatTemplateSource {
        /** Refuses a missing text. */
        public Inline {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String read() {
            return text;
        }
    }

    /**
     * A template in a file of its own.
     *
     * @param path the absolute path of the file
     */
    record File(Path path) implements ChatTemplateSource {
        /** Insists on an absolute path: relative ones are resolved by the catalog that names them. */
        public File {
            Objects.requireNonNull(path, "path");
            if (!path.isAbsolute()) {
                throw new IllegalArgumentException("a chat template file must be an absolute path: " + path);
            }
        }

        /** @throws UncheckedIOException naming the file when it cannot be read */
        @Override
        public String read() {
            try {
                return Files.readString(path, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read chat template " + path + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * A template shipped on the class path, as Garden's built-in templates are.
     *
     * @param name the resource name, such as {@code dev/garden/models/templates/google-gemma-3-it.jinja}
     */
    record Resource(String name) implements ChatTemplateSource {
        /** Refuses a missing name and a leading {@code /}, which class loaders do not accept. */
        public Resource {
            Objects.requireNonNull(name, "name");
            if (name.isEmpty() || name.startsWith("/")) {
                throw new IllegalArgumentException(
                        "a chat template resource must be a class path name without a leading /: " + name);
            }
        }

        /** Whether the class path has this resource. */
        public boolean exists() {
            return ChatTemplateSource.class.getClassLoader().getResource(name) != null;
        }

        /** @throws UncheckedIOException naming the resource when the class path lacks it */
        @Override
        public String read() {
            try (InputStream in = ChatTemplateSource.class.getClassLoader().getResourceAsStream(name)) {
                if (in == null) {
                    throw new IOException("no such resource on the class path");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read chat template resource " + name + ": " + e.getMessage(), e);
            }
        }
    }
}
