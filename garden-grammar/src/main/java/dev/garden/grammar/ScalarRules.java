package dev.garden.grammar;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * String and number grammars: lengths, patterns and formats for strings; ranges and the trivial
 * {@code multipleOf} for numbers.
 */
final class ScalarRules {
    private static final String QUOTE = "\"\\\"\"";
    private static final BigInteger INT32_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT32_MAX = BigInteger.valueOf(Integer.MAX_VALUE);

    private final RuleSet rules;

    ScalarRules(RuleSet rules) {
        this.rules = rules;
    }

    // ---- strings -------------------------------------------------------------------------------------------------

    String string(JsonNode schema, String path, String hint) {
        long min = length(schema, "minLength", path, 0);
        long max = length(schema, "maxLength", path, -1);
        if (max >= 0 && min > max) {
            return null;
        }
        JsonNode format = schema.get("format");
        if (format != null && !StringFormats.UNCONSTRAINED.contains(format.asText())) {
            return formatted(schema, format, path, min, max);
        }
        if (schema.has("pattern")) {
            return patterned(schema, path, hint, min, max);
        }
        rules.shared(JsonRules.CHAR);
        if (min == 0 && max < 0) {
            return rules.shared(JsonRules.STRING);
        }
        return QUOTE + " " + rules.repeat(JsonRules.CHAR, (int) min, (int) max, hint + "-chars") + " " + QUOTE;
    }

    private String formatted(JsonNode schema, JsonNode format, String path, long min, long max) {
        StringFormats.Format known = StringFormats.find(format.asText());
        if (known == null) {
            throw new UnsupportedSchemaException("format", path, "format \"" + format.asText() + "\" cannot be"
                    + " enforced; supported: " + StringFormats.supportedNames());
        }
        if (schema.has("pattern")) {
            throw new UnsupportedSchemaException("pattern", path, "pattern beside format cannot be enforced");
        }
        if (min > known.minLength() || (max >= 0 && max < known.maxLength())) {
            throw new UnsupportedSchemaException(min > known.minLength() ? "minLength" : "maxLength", path,
                    "length bounds beside format \"" + known.name() + "\" can only be enforced when every "
                            + known.name() + " the grammar writes (" + known.minLength() + " to " + known.maxLength()
                            + " characters) satisfies them");
        }
        return QUOTE + " " + rules.add("format-" + known.name(), known.body()) + " " + QUOTE;
    }

    private String patterned(JsonNode schema, String path, String hint, long min, long max) {
        JsonNode pattern = schema.get("pattern");
        if (!pattern.isTextual()) {
            throw new UnsupportedSchemaException("pattern", path, "pattern must be a string");
        }
        RegexTranslator.Node node;
        try {
            node = RegexTranslator.parse(pattern.asText());
        } catch (RegexTranslator.Untranslatable e) {
            throw new UnsupportedSchemaException("pattern", path, e.getMessage());
        }
        long[] lengths = RegexTranslator.lengthRange(node);
        boolean minHolds = min <= lengths[0];
        boolean maxHolds = max < 0 || (lengths[1] >= 0 && lengths[1] <= max);
        if (!minHolds || !maxHolds) {
            throw new UnsupportedSchemaException(minHolds ? "maxLength" : "minLength", path, "length bounds beside"
                    + " pattern can only be enforced when every match of the pattern satisfies them (matches have "
                    + lengths[0] + (lengths[1] < 0 ? " or more" : " to " + lengths[1]) + " characters)");
        }
        String content = RegexTranslator.toGbnf(node, rules, hint + "-pattern");
        if (content == null) {
            return null;
        }
        return content.isEmpty() ? QUOTE + " " + QUOTE : QUOTE + " ( " + content + " ) " + QUOTE;
    }

    private static long length(JsonNode schema, String keyword, String path, long absent) {
        JsonNode value = schema.get(keyword);
        if (value == null) {
            return absent;
        }
        if (!value.isNumber() || !Disjointness.isIntegral(value) || value.decimalValue().signum() < 0) {
            throw new UnsupportedSchemaException(keyword, path, keyword + " must be a non-negative integer");
        }
        if (value.decimalValue().compareTo(BigDecimal.valueOf(SchemaLimits.MAX_REPEAT)) > 0) {
            throw new UnsupportedSchemaException(keyword, path, "lengths above " + SchemaLimits.MAX_REPEAT
                    + " are not supported");
        }
        return value.asLong();
    }

    // ---- numbers -------------------------------------------------------------------------------------------------

    /**
     * Integers or numbers within the schema's bounds. Both JSON Schema forms of exclusive bounds are read: the
     * numeric one (draft 6 and later) and draft 4's boolean modifier of minimum/maximum.
     */
    String number(JsonNode schema, String path, boolean integer) {
        JsonNode multipleOf = schema.get("multipleOf");
        if (multipleOf != null) {
            if (!multipleOf.isNumber() || multipleOf.decimalValue().compareTo(BigDecimal.ONE) != 0) {
                throw new UnsupportedSchemaException("multipleOf", path, "only multipleOf 1 (an integer) can be"
                        + " enforced");
            }
            integer = true;
        }
        Bound lower = bound(schema, "minimum", "exclusiveMinimum", path);
        Bound upper = bound(schema, "maximum", "exclusiveMaximum", path);
        if (integer) {
            BigInteger lo = lower == null ? null : lower.value().setScale(0, RoundingMode.CEILING).toBigInteger()
                    .add(lower.exclusive() && isWhole(lower.value()) ? BigInteger.ONE : BigInteger.ZERO);
            BigInteger hi = upper == null ? null : upper.value().setScale(0, RoundingMode.FLOOR).toBigInteger()
                    .subtract(upper.exclusive() && isWhole(upper.value()) ? BigInteger.ONE : BigInteger.ZERO);
            if ("int32".equals(schema.path("format").asText())) {
                lo = lo == null ? INT32_MIN : lo.max(INT32_MIN);
                hi = hi == null ? INT32_MAX : hi.min(INT32_MAX);
            }
            for (BigInteger end : new BigInteger[]{lo, hi}) {
                if (end != null && end.abs().toString().length() > NumberRules.MAX_BOUND_DIGITS) {
                    throw new UnsupportedSchemaException(end == lo ? "minimum" : "maximum", path,
                            "integer bounds beyond " + NumberRules.MAX_BOUND_DIGITS + " digits are not supported");
                }
            }
            if (lo == null && hi == null) {
                return rules.shared(JsonRules.INTEGER);
            }
            return NumberRules.integers(lo, hi);
        }
        if (lower == null && upper == null) {
            return rules.shared(JsonRules.NUMBER);
        }
        for (Bound bound : new Bound[]{lower, upper}) {
            if (bound != null && !NumberRules.decimalBoundSupported(bound.value())) {
                throw new UnsupportedSchemaException(bound.keyword(), path, "number bounds need at most "
                        + NumberRules.MAX_DECIMAL_DIGITS + " significant digits and a magnitude below 1e"
                        + NumberRules.MAX_DECIMAL_DIGITS + " to be enforced exactly");
            }
        }
        return NumberRules.decimals(lower == null ? null : lower.value(), lower == null || !lower.exclusive(),
                upper == null ? null : upper.value(), upper == null || !upper.exclusive());
    }

    private record Bound(BigDecimal value, boolean exclusive, String keyword) {
    }

    /** The tighter of the inclusive and exclusive bound on one side, or null when there is none. */
    private static Bound bound(JsonNode schema, String inclusiveKeyword, String exclusiveKeyword, String path) {
        JsonNode inclusive = schema.get(inclusiveKeyword);
        JsonNode exclusive = schema.get(exclusiveKeyword);
        Bound result = null;
        if (inclusive != null) {
            if (!inclusive.isNumber()) {
                throw new UnsupportedSchemaException(inclusiveKeyword, path, inclusiveKeyword + " must be a number");
            }
            boolean draft4Exclusive = exclusive != null && exclusive.isBoolean() && exclusive.asBoolean();
            result = new Bound(inclusive.decimalValue(), draft4Exclusive, inclusiveKeyword);
        }
        if (exclusive != null && !exclusive.isBoolean()) {
            if (!exclusive.isNumber()) {
                throw new UnsupportedSchemaException(exclusiveKeyword, path, exclusiveKeyword + " must be a number");
            }
            Bound candidate = new Bound(exclusive.decimalValue(), true, exclusiveKeyword);
            boolean lowerSide = inclusiveKeyword.equals("minimum");
            if (result == null || tighter(candidate, result, lowerSide)) {
                result = candidate;
            }
        }
        return result;
    }

    private static boolean tighter(Bound candidate, Bound current, boolean lowerSide) {
        int order = candidate.value().compareTo(current.value());
        if (order == 0) {
            return candidate.exclusive() && !current.exclusive();
        }
        return lowerSide ? order > 0 : order < 0;
    }

    private static boolean isWhole(BigDecimal value) {
        return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
    }
}
