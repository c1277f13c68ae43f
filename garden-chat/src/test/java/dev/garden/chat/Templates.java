package dev.garden.chat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real chat templates of garden-jinja's golden tests, read where they are (with the goldens Python's jinja2
 * rendered from them), so that detection is tested on exactly the templates the renderer is.
 */
final class Templates {
    static final Path RESOURCES = Path.of(System.getProperty("garden.jinja.resources",
            "../garden-jinja/src/test/resources"));

    private Templates() {
    }

    /** A template's source, by file name ({@code Qwen-Qwen2.5-7B-Instruct.jinja}). */
    static String source(String name) {
        return read(RESOURCES.resolve("templates").resolve(name));
    }

    /** Every template file name. */
    static List<String> names() {
        try (Stream<Path> files = Files.list(RESOURCES.resolve("templates"))) {
            return files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".jinja"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What Python's jinja2 rendered for a template and a case ({@code tools}), or null if it refused. */
    static String golden(String template, String testCase) {
        Path path = RESOURCES.resolve("goldens").resolve(template.replace(".jinja", "")).resolve(testCase + ".txt");
        return Files.exists(path) ? read(path) : null;
    }

    /** A detected format, by template file name. */
    static ChatFormat format(String name) {
        return ChatFormat.detect(source(name));
    }

    static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
