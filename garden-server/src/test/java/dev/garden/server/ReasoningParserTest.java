package dev.garden.server;

import dev.garden.core.inference.Reasoning;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.OptionalInt;

import static dev.garden.server.RequestParsing.failure;
import static dev.garden.server.RequestParsing.toDomain;
import static dev.garden.server.RequestParsing.withParameters;
import static org.assertj.core.api.Assertions.assertThat;

class ReasoningParserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            "reasoning_effort":"max"                      | Invalid value at 'reasoning_effort' (TYPE_STRING), "max": must be one of none, minimal, low, medium, high.
            "reasoning_effort":"LOW"                      | Invalid value at 'reasoning_effort' (TYPE_STRING), "LOW": must be one of none, minimal, low, medium, high.
            "reasoning_effort":1                          | Invalid value at 'reasoning_effort' (TYPE_STRING), 1
            "extra_body":5                                | Invalid value at 'extra_body' (ExtraBody), 5
            "extra_body":{"google":[]}                    | Invalid value at 'extra_body.google' (GoogleExtensions), []
            "google":"x"                                  | Invalid value at 'google' (GoogleExtensions), "x"
            "extra_body":{"google":{"thinking_config":true}} | Invalid value at 'extra_body.google.thinking_config' (ThinkingConfig), true
            "google":{"thinking_config":[]}               | Invalid value at 'google.thinking_config' (ThinkingConfig), []
            "extra_body":{"google":{"thinking_config":{"thinking_budget":"1024"}}} | Invalid value at 'extra_body.google.thinking_config.thinking_budget' (TYPE_INT32), "1024"
            "extra_body":{"google":{"thinking_config":{"thinking_budget":1.5}}} | Invalid value at 'extra_body.google.thinking_config.thinking_budget' (TYPE_INT32), 1.5
            "extra_body":{"google":{"thinking_config":{"thinking_budget":-2}}} | Invalid value at 'extra_body.google.thinking_config.thinking_budget' (TYPE_INT32), -2: must be -1 (dynamic) or at least 0.
            "google":{"thinking_config":{"thinking_budget":3000000000}} | Invalid value at 'google.thinking_config.thinking_budget' (TYPE_INT32), 3000000000
            "google":{"thinking_config":{"include_thoughts":"true"}} | Invalid value at 'google.thinking_config.include_thoughts' (TYPE_BOOL), "true"
            "google":{"thinking_config":{"thinking_level":"extreme"}} | Invalid value at 'google.thinking_config.thinking_level' (TYPE_STRING), "extreme": must be one of minimal, low, medium, high.
            "google":{"thinking_config":{"thinking_level":1}} | Invalid value at 'google.thinking_config.thinking_level' (TYPE_STRING), 1
            "google":{"thinking_config":{"thinking_level":"low","thinking_budget":512}} | Invalid value at 'google.thinking_config.thinking_level' (TYPE_STRING), "low": cannot be combined with thinking_budget; send one of them.
            """)
    void parse_badReasoningParameter_namesTheField(String parameter, String message) {
        assertThat(failure(withParameters(parameter))).isEqualTo(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            "reasoning_effort":"low","extra_body":{"google":{"thinking_config":{"include_thoughts":true}}} | Invalid value at 'reasoning_effort' (TYPE_STRING), "low": cannot be combined with extra_body.google.thinking_config; send one of them.
            "reasoning_effort":"none","google":{"thinking_config":{}}                                   | Invalid value at 'reasoning_effort' (TYPE_STRING), "none": cannot be combined with google.thinking_config; send one of them.
            "extra_body":{"google":{"thinking_config":{"thinking_budget":0}}},"google":{"thinking_config":{"thinking_budget":0}} | Invalid value at 'google.thinking_config' (ThinkingConfig), {"thinking_budget":0}: thinking_config is also given in extra_body.google; send it once.
            """)
    void parse_reasoningGivenTwice_isRefused(String parameters, String message) {
        assertThat(failure(withParameters(parameters))).isEqualTo(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            "reasoning_effort":"none"    | 0
            "reasoning_effort":"minimal" | 0
            "reasoning_effort":"low"     | 1024
            "reasoning_effort":"medium"  | 8192
            "reasoning_effort":"high"    | 24576
            """)
    void toDomain_reasoningEffort_isVertexBudgetWithThoughtsHidden(String parameter, int budget) {
        assertThat(toDomain(withParameters(parameter)).reasoning())
                .isEqualTo(new Reasoning(OptionalInt.of(budget), false));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            "extra_body":{"google":{"thinking_config":{"thinking_budget":0,"include_thoughts":true}}}  | 0     | true
            "extra_body":{"google":{"thinking_config":{"thinking_budget":5000}}}                       | 5000  | false
            "extra_body":{"google":{"thinking_config":{"thinking_budget":-1,"include_thoughts":true}}} |       | true
            "extra_body":{"google":{"thinking_config":{"include_thoughts":true}}}                      |       | true
            "extra_body":{"google":{"thinking_config":{}}}                                             |       | false
            "extra_body":{"google":{"thinking_config":null,"safety_settings":[]}}                      |       | false
            "google":{"thinking_config":{"thinking_budget":2048,"include_thoughts":false}}             | 2048  | false
            "google":{"thinking_config":{"thinking_level":"minimal"}}                                  | 0     | false
            "google":{"thinking_config":{"thinking_level":"low","include_thoughts":true}}              | 1024  | true
            "google":{"thinking_config":{"thinking_level":"medium"}}                                   | 8192  | false
            "google":{"thinking_config":{"thinking_level":"high"}}                                     | 24576 | false
            "google":{"thinking_config":{"thinking_level":"HIGH"}}                                     | 24576 | false
            "extra_body":{"google":{"thinking_config":{"thinking_level":"low"}}}                       | 1024  | false
            """)
    void toDomain_thinkingConfig_mapsBudgetLevelAndThoughts(String parameter, Integer budget, boolean include) {
        assertThat(toDomain(withParameters(parameter)).reasoning()).isEqualTo(new Reasoning(
                budget == null ? OptionalInt.empty() : OptionalInt.of(budget), include));
    }

    @Test
    void toDomain_effortWithOtherGoogleParameters_isAccepted() {
        assertThat(toDomain(withParameters("""
                "reasoning_effort":"high","extra_body":{"google":{"safety_settings":[],"thought_tag_marker":"t"}}""")
        ).reasoning()).isEqualTo(new Reasoning(OptionalInt.of(Reasoning.HIGH), false));
    }

    @Test
    void toDomain_noReasoningParameters_isTheModelsOwnBehaviourThoughtsHidden() {
        assertThat(toDomain(withParameters("\"reasoning_effort\":null")).reasoning()).isEqualTo(Reasoning.DEFAULT);
    }
}
