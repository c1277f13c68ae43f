package dev.garden.models;

/**
 * The sampling a model's authors recommend, used for requests that leave it out (as vLLM uses a model's
 * {@code generation_config.json}). In a catalog: {@code "sampling": {"temperature": 0.2, "topP": 0.9}}; a field
 * left out keeps OpenAI's default (1).
 *
 * @param temperature 0..2
 * @param topP        (0, 1]
 */
public record SamplingDefaults(double temperature, double topP) {
    public SamplingDefaults {
        if (!(temperature >= 0 && temperature <= 2)) {
            throw new IllegalArgumentException("\"sampling\".\"temperature\" must be between 0 and 2, not "
                    + temperature);
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("\"sampling\".\"topP\" must be above 0 and at most 1, not " + topP);
        }
    }

    /** OpenAI's and Vertex AI's defaults: temperature 1, top_p 1. */
    public static final SamplingDefaults OPENAI = new SamplingDefaults(1, 1);
}
