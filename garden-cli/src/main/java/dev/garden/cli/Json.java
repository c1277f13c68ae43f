package dev.garden.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON as Google's tools write it: two-space indents, {@code "key": value}, arrays one element a line, empty ones
 * as {@code []}: Python's {@code json.dumps(indent=2)}, which gcloud's {@code --format=json} uses and which Google's
 * key files look like.
 */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectWriter PRETTY;

    static {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withObjectEmptySeparator("")
                        .withArrayEmptySeparator(""));
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        PRETTY = MAPPER.writer(printer);
    }

    private Json() {
    }

    /** The value as indented JSON with a final newline. */
    static String pretty(Object value) {
        try {
            return PRETTY.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A JSON object, its members in the order written. */
    static Map<String, Object> parseObject(String json) {
        try {
            Map<String, Object> object = MAPPER.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {
            });
            if (object == null) {
                throw new IllegalArgumentException("expected a JSON object, got null");
            }
            return object;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON object: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * A file holding a JSON object.
     *
     * @throws IllegalArgumentException when the file is missing or holds something else, saying which file
     */
    static Map<String, Object> readObject(Path file) {
        try {
            return parseObject(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such file: " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " is " + e.getMessage(), e);
        }
    }

    /** A string member of an object, or empty when absent or not a string. */
    static String string(Map<String, Object> object, String name) {
        return object.get(name) instanceof String value ? value : "";
    }
}
