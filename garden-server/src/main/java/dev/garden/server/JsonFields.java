package dev.garden.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.garden.core.GardenException;

import java.math.BigDecimal;

/**
 * Typed reads from Jackson's tree that fail with Google-style messages naming the field, e.g.
 * {@code Invalid value at 'temperature' (TYPE_DOUBLE), "hot"}: the wording of Google's JSON transcoding, so that
 * Garden's errors read like Vertex AI's.
 *
 * <p>A member that is JSON {@code null} counts as absent, as in
 * <a href="https://protobuf.dev/programming-guides/json/">proto3's JSON mapping</a>: the official SDKs send
 * {@code null} for parameters a caller set to {@code None}/{@code null}.
 */
final class JsonFields {
    static final String TYPE_STRING = "TYPE_STRING";
    static final String TYPE_DOUBLE = "TYPE_DOUBLE";
    static final String TYPE_INT32 = "TYPE_INT32";
    static final String TYPE_INT64 = "TYPE_INT64";
    static final String TYPE_BOOL = "TYPE_BOOL";

    /** Values are quoted in messages; a long one is cut, so an error never echoes a whole prompt. */
    private static final int MAX_RENDERED_VALUE = 64;

    private JsonFields() {
    }

    /** The member {@code name} of {@code object}, or {@code null} when it is absent or JSON {@code null}. */
    static JsonNode member(ObjectNode object, String name) {
        JsonNode value = object.get(name);
        return value == null || value.isNull() ? null : value;
    }

    /** The member, which must be present. */
    static JsonNode required(ObjectNode object, String name, String path) {
        JsonNode value = member(object, name);
        if (value == null) {
            throw missing(path);
        }
        return value;
    }

    static String string(JsonNode value, String path) {
        if (!value.isTextual()) {
            throw invalidValue(path, TYPE_STRING, value);
        }
        return value.textValue();
    }

    static double number(JsonNode value, String path) {
        if (!value.isNumber()) {
            throw invalidValue(path, TYPE_DOUBLE, value);
        }
        return value.doubleValue();
    }

    /** An int32; an integral number written with a fraction ({@code 2.0}) is accepted: JSON has only numbers. */
    static int int32(JsonNode value, String path) {
        BigDecimal exact = integral(value);
        if (exact == null || exact.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) < 0
            || exact.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw invalidValue(path, TYPE_INT32, value);
        }
        return exact.intValueExact();
    }

    /** An int64, accepted like {@link #int32}. */
    static long int64(JsonNode value, String path) {
        BigDecimal exact = integral(value);
        if (exact == null || exact.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0
            || exact.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw invalidValue(path, TYPE_INT64, value);
        }
        return exact.longValueExact();
    }

    static boolean bool(JsonNode value, String path) {
        if (!value.isBoolean()) {
            throw invalidValue(path, TYPE_BOOL, value);
        }
        return value.booleanValue();
    }

    /** An object; {@code type} names what was expected, e.g. {@code ChatCompletionRequestMessage}. */
    static ObjectNode object(JsonNode value, String path, String type) {
        if (!(value instanceof ObjectNode object)) {
            throw invalidValue(path, type, value);
        }
        return object;
    }

    /** An array; {@code type} names what was expected, e.g. {@code array of ChatCompletionRequestMessage}. */
    static ArrayNode array(JsonNode value, String path, String type) {
        if (!(value instanceof ArrayNode array)) {
            throw invalidValue(path, type, value);
        }
        return array;
    }

    /** {@code Invalid value at 'path' (TYPE), value}: a value of the wrong type. */
    static GardenException invalidValue(String path, String type, JsonNode value) {
        return GardenException.invalidArgument(
                "Invalid value at '" + path + "' (" + type + "), " + render(value));
    }

    /** {@code Invalid value at 'path' (TYPE), value: why}: a value of the right type that is not allowed. */
    static GardenException invalidValue(String path, String type, JsonNode value, String why) {
        return GardenException.invalidArgument(
                "Invalid value at '" + path + "' (" + type + "), " + render(value) + ": " + why);
    }

    /** {@code Required field 'path' is missing.} */
    static GardenException missing(String path) {
        return GardenException.invalidArgument("Required field '" + path + "' is missing.");
    }

    /** A number for a range message: {@code 2}, not {@code 2.0}. */
    static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }

    private static BigDecimal integral(JsonNode value) {
        if (!value.isNumber()) {
            return null;
        }
        if (value.isIntegralNumber()) {
            return new BigDecimal(value.bigIntegerValue());
        }
        double d = value.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d) || d != Math.rint(d)) {
            return null;
        }
        return BigDecimal.valueOf(d);
    }

    private static String render(JsonNode value) {
        String text = value.toString();
        return text.length() <= MAX_RENDERED_VALUE ? text : text.substring(0, MAX_RENDERED_VALUE) + "...";
    }
}
