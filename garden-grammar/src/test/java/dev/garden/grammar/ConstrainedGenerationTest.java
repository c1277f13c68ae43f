package dev.garden.grammar;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Constrained generation end to end for every feature of the table: SmolLM2, sampled at temperature 1 under the
 * feature's grammar through Garden's engine. Every choice that ends must be valid according to a real validator;
 * a choice may only fail to end by running out of tokens (a model can wander inside a long string).
 */
class ConstrainedGenerationTest {
    private static final JsonSchemaGrammars GRAMMARS = JsonSchemaGrammars.create();
    private static final int MAX_TOKENS = 160;

    static final List<FeatureTable.Feature> FEATURES = FeatureTable.FEATURES;
    static Generator generator;

    @BeforeAll
    static void start() {
        generator = Generator.start();
    }

    @AfterAll
    static void stop() {
        generator.close();
    }

    @ParameterizedTest
    @FieldSource("FEATURES")
    void generate_underTheSchemaGrammar_everyFinishedChoiceValidates(FeatureTable.Feature feature) throws Exception {
        List<Generator.Output> outputs = generator.generate(GRAMMARS.compile(feature.schema()),
                "Give me an example JSON value for this JSON Schema:\n" + feature.schema(), 1.0, 11, MAX_TOKENS);

        assertThat(outputs).as("choices that ended within %d tokens", MAX_TOKENS).anyMatch(Generator.Output::ended);
        for (Generator.Output output : outputs) {
            if (output.ended()) {
                assertThat(SchemaValidator.errors(feature.schema(), output.text())).as(output.text()).isEmpty();
            }
        }
    }
}
