package dev.garden.wire.vertex;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * {@code thinking_config}, Gemini's {@code GenerationConfig.ThinkingConfig} in snake case. Every member is
 * {@code null} when absent.
 *
 * @param thinkingBudget  {@code thinking_budget}: the most thought tokens; 0 turns thinking off; {@code -1} leaves it
 *                        to the model ("dynamic thinking")
 * @param includeThoughts {@code include_thoughts}: whether the answer carries the thoughts
 * @param thinkingLevel   {@code thinking_level}: Gemini 3's coarse alternative to a budget ({@code low},
 *                        {@code high}, ...); never sent together with a budget
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"thinking_budget", "include_thoughts", "thinking_level"})
public record ThinkingConfig(@JsonProperty("thinking_budget") Integer thinkingBudget,
                             @JsonProperty("include_thoughts") Boolean includeThoughts,
                             @JsonProperty("thinking_level") String thinkingLevel) {

    /** The {@code thinking_budget} that asks for dynamic thinking: the model decides how much. */
    public static final int DYNAMIC_BUDGET = -1;
}
