package dev.garden.grammar;

/**
 * Bounds on what a schema may ask for; schemas beyond them are refused rather than enforced loosely. Large counts
 * are written in chunks ({@link RuleSet#repeat}) because llama.cpp's parser refuses counts above 2000.
 */
final class SchemaLimits {
    /** The largest {@code minLength}/{@code maxLength}/{@code minItems}/{@code maxItems} or regex count. */
    static final int MAX_REPEAT = 100_000;
    /** How deep sub-schemas may nest ({@code properties} in {@code items} in ...). */
    static final int MAX_DEPTH = 64;
    /** The most sub-schemas one compilation may visit, counting every expansion of $ref and allOf. */
    static final int MAX_WORK = 50_000;
    /** The most values an {@code enum} may list. */
    static final int MAX_ENUM = 4096;

    private SchemaLimits() {
    }
}
