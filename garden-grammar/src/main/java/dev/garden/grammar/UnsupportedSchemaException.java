package dev.garden.grammar;

/**
 * A schema Garden cannot enforce by constrained decoding, so it will not run it at all: the caller answers the
 * request with HTTP 400 INVALID_ARGUMENT and this message, e.g. {@code "patternProperties" at /properties/tags is
 * not supported: property names cannot be matched against patterns}.
 */
public final class UnsupportedSchemaException extends IllegalArgumentException {
    private final String keyword;
    private final String path;

    /**
     * @param keyword the keyword that cannot be enforced
     * @param path    the JSON Pointer (RFC 6901) of the schema object that holds it, "" for the root
     * @param reason  why, for the message; may be null
     */
    UnsupportedSchemaException(String keyword, String path, String reason) {
        super("\"" + keyword + "\" at " + (path.isEmpty() ? "the schema root" : path) + " is not supported"
                + (reason == null || reason.isEmpty() ? "" : ": " + reason));
        this.keyword = keyword;
        this.path = path;
    }

    private UnsupportedSchemaException(String message, String path) {
        super(message);
        this.keyword = "";
        this.path = path;
    }

    /** A refusal that no single keyword explains, e.g. "The schema at /properties/a accepts no JSON value". */
    static UnsupportedSchemaException general(String path, String detail) {
        return new UnsupportedSchemaException((path.isEmpty() ? "The schema " : "The schema at " + path + " ") + detail, path);
    }

    static UnsupportedSchemaException notJson(String detail) {
        return new UnsupportedSchemaException("The schema is not valid JSON: " + detail, "");
    }

    static UnsupportedSchemaException tooLarge(int limit) {
        return new UnsupportedSchemaException("The schema compiles to a grammar larger than " + limit
                + " characters; simplify it (fewer or shorter enum values, smaller length and item bounds)", "");
    }

    /** The refused keyword, e.g. {@code patternProperties}; empty when the schema as a whole is refused. */
    public String keyword() {
        return keyword;
    }

    /**
     * The JSON Pointer of the schema object holding the keyword (or of the schema refused as a whole), e.g.
     * {@code /properties/tags}; "" for the root.
     */
    public String path() {
        return path;
    }
}
