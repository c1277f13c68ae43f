package dev.garden.grammar;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One schema document, for resolving its local {@code $ref}s: {@code #} and JSON Pointers such as
 * {@code #/$defs/Address} or {@code #/definitions/Address}. Remote references and {@code $anchor} names are
 * refused: Garden fetches nothing and enforces only what the request carries.
 */
final class SchemaDocument {
    /** A resolved reference: where the target sits (a JSON Pointer) and the target itself. */
    record Target(String pointer, JsonNode schema) {
    }

    private final JsonNode root;

    SchemaDocument(JsonNode root) {
        this.root = root;
    }

    JsonNode root() {
        return root;
    }

    /**
     * Resolves a {@code $ref} value found at {@code path}.
     *
     * @throws UnsupportedSchemaException for remote or anchor references, and for targets that do not exist
     */
    Target resolve(JsonNode ref, String path) {
        if (!ref.isTextual()) {
            throw new UnsupportedSchemaException("$ref", path, "the reference must be a string");
        }
        String text = ref.asText();
        if (!text.startsWith("#")) {
            throw new UnsupportedSchemaException("$ref", path, "only local references (#/$defs/...) are supported, not "
                    + text);
        }
        String pointer = percentDecode(text.substring(1), path);
        if (!pointer.isEmpty() && !pointer.startsWith("/")) {
            throw new UnsupportedSchemaException("$ref", path, "anchor references are not supported: " + text);
        }
        JsonNode target = root.at(pointer);
        if (target.isMissingNode()) {
            throw new UnsupportedSchemaException("$ref", path, "the reference " + text + " points at nothing");
        }
        return new Target(pointer, target);
    }

    /** A URI fragment's percent escapes decoded (RFC 3986), '+' left alone. */
    private static String percentDecode(String fragment, String path) {
        if (fragment.indexOf('%') < 0) {
            return fragment;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] raw = fragment.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '%' && i + 2 < raw.length) {
                int value = Character.digit(raw[i + 1], 16) << 4 | Character.digit(raw[i + 2], 16);
                if (value < 0) {
                    throw new UnsupportedSchemaException("$ref", path, "malformed percent escape in #" + fragment);
                }
                bytes.write(value);
                i += 2;
            } else if (raw[i] == '%') {
                throw new UnsupportedSchemaException("$ref", path, "malformed percent escape in #" + fragment);
            } else {
                bytes.write(raw[i]);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** {@code path} extended by one JSON Pointer token, escaped as RFC 6901 says. */
    static String child(String path, String token) {
        return path + "/" + token.replace("~", "~0").replace("/", "~1");
    }

    static String child(String path, String keyword, int index) {
        return path + "/" + keyword + "/" + index;
    }
}
