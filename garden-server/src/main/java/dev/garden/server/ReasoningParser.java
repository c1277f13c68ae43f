package dev.garden.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.garden.wire.vertex.ExtraBody;
import dev.garden.wire.vertex.GoogleExtensions;
import dev.garden.wire.vertex.ThinkingConfig;

import java.util.Locale;
import java.util.Set;

import static dev.garden.server.JsonFields.TYPE_INT32;
import static dev.garden.server.JsonFields.TYPE_STRING;
import static dev.garden.server.JsonFields.bool;
import static dev.garden.server.JsonFields.int32;
import static dev.garden.server.JsonFields.invalidValue;
import static dev.garden.server.JsonFields.member;
import static dev.garden.server.JsonFields.object;
import static dev.garden.server.JsonFields.string;

/**
 * Reads the reasoning parameters: OpenAI's {@code reasoning_effort} and Vertex AI's {@code thinking_config}, which
 * arrives as {@code extra_body.google.thinking_config} (what Google's Python samples produce) or
 * {@code google.thinking_config} (the top-level spelling Vertex AI honours too).
 *
 * <p>Vertex AI allows only one of {@code reasoning_effort} and {@code thinking_config}
 * (<a href="https://cloud.google.com/vertex-ai/generative-ai/docs/migrate/openai/overview">docs</a>); Garden refuses
 * both rather than pick one. A {@code thinking_config} given in both places is refused the same way, as is one with
 * both {@code thinking_budget} and {@code thinking_level} (Gemini 3 refuses that pair too).
 */
final class ReasoningParser {
    static final Set<String> EFFORTS = Set.of("none", "minimal", "low", "medium", "high");
    static final Set<String> LEVELS = Set.of("minimal", "low", "medium", "high");
    private static final String EFFORT_LIST = "none, minimal, low, medium, high";
    private static final String LEVEL_LIST = "minimal, low, medium, high";
    private static final String CONFIG_TYPE = "ThinkingConfig";

    private ReasoningParser() {
    }

    /** The reasoning parameters of a request, as they are on the wire; every member {@code null} when absent. */
    record Parameters(String reasoningEffort, ExtraBody extraBody, GoogleExtensions google) {
    }

    /** Reads and cross-checks the three members. */
    static Parameters parse(ObjectNode request) {
        JsonNode effortValue = member(request, "reasoning_effort");
        String effort = effortValue == null ? null : effort(effortValue);
        ExtraBody extraBody = extraBody(member(request, "extra_body"));
        GoogleExtensions google = google(member(request, "google"), "google");

        ThinkingConfig nested = extraBody == null || extraBody.google() == null ? null
                : extraBody.google().thinkingConfig();
        ThinkingConfig topLevel = google == null ? null : google.thinkingConfig();
        if (nested != null && topLevel != null) {
            throw invalidValue("google.thinking_config", CONFIG_TYPE, request.get("google").get("thinking_config"),
                    "thinking_config is also given in extra_body.google; send it once.");
        }
        if (effort != null && (nested != null || topLevel != null)) {
            throw invalidValue("reasoning_effort", TYPE_STRING, effortValue, "cannot be combined with "
                    + (nested != null ? "extra_body.google" : "google") + ".thinking_config; send one of them.");
        }
        return new Parameters(effort, extraBody, google);
    }

    private static String effort(JsonNode value) {
        String effort = string(value, "reasoning_effort");
        if (!EFFORTS.contains(effort)) {
            throw invalidValue("reasoning_effort", TYPE_STRING, value, "must be one of " + EFFORT_LIST + ".");
        }
        return effort;
    }

    private static ExtraBody extraBody(JsonNode value) {
        if (value == null) {
            return null;
        }
        ObjectNode extraBody = object(value, "extra_body", "ExtraBody");
        return new ExtraBody(google(member(extraBody, "google"), "extra_body.google"));
    }

    /** A {@code google} object: only {@code thinking_config} is read; the rest is Vertex AI's and ignored. */
    private static GoogleExtensions google(JsonNode value, String path) {
        if (value == null) {
            return null;
        }
        ObjectNode google = object(value, path, "GoogleExtensions");
        JsonNode config = member(google, "thinking_config");
        return new GoogleExtensions(config == null ? null : thinkingConfig(config, path + ".thinking_config"));
    }

    private static ThinkingConfig thinkingConfig(JsonNode value, String path) {
        ObjectNode config = object(value, path, CONFIG_TYPE);
        JsonNode budgetValue = member(config, "thinking_budget");
        Integer budget = null;
        if (budgetValue != null) {
            budget = int32(budgetValue, path + ".thinking_budget");
            if (budget < ThinkingConfig.DYNAMIC_BUDGET) {
                throw invalidValue(path + ".thinking_budget", TYPE_INT32, budgetValue,
                        "must be -1 (dynamic) or at least 0.");
            }
        }
        JsonNode includeValue = member(config, "include_thoughts");
        Boolean include = includeValue == null ? null : bool(includeValue, path + ".include_thoughts");
        JsonNode levelValue = member(config, "thinking_level");
        String level = null;
        if (levelValue != null) {
            // Google's enum is THINKING_LEVEL_UNSPECIFIED / LOW / HIGH in proto JSON; its OpenAI samples use "low".
            level = string(levelValue, path + ".thinking_level").toLowerCase(Locale.ROOT);
            if (!LEVELS.contains(level)) {
                throw invalidValue(path + ".thinking_level", TYPE_STRING, levelValue,
                        "must be one of " + LEVEL_LIST + ".");
            }
            if (budget != null) {
                throw invalidValue(path + ".thinking_level", TYPE_STRING, levelValue,
                        "cannot be combined with thinking_budget; send one of them.");
            }
        }
        return new ThinkingConfig(budget, include, level);
    }
}
