package dev.garden.grammar;

import dev.garden.llama.LlamaGrammar;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each feature's grammar, judged by llama.cpp's own grammar sampler: valid documents get through token by token,
 * invalid ones are stopped, and so are the valid ones Garden deliberately narrows away. A real validator checks
 * the table itself: what it calls valid is valid, what it calls invalid is invalid.
 */
class SchemaFeatureTableTest {
    private static final JsonSchemaGrammars GRAMMARS = JsonSchemaGrammars.create();

    static final java.util.List<FeatureTable.Feature> FEATURES = FeatureTable.FEATURES;

    @ParameterizedTest
    @FieldSource("FEATURES")
    void table_validDocuments_areValidAndInvalidOnesAreNot(FeatureTable.Feature feature) {
        for (String document : feature.valid()) {
            assertThat(SchemaValidator.errors(feature.schema(), document)).as("valid: %s", document).isEmpty();
        }
        for (String document : feature.narrowed()) {
            assertThat(SchemaValidator.errors(feature.schema(), document)).as("narrowed: %s", document).isEmpty();
        }
        for (String document : feature.invalid()) {
            assertThat(SchemaValidator.errors(feature.schema(), document)).as("invalid: %s", document).isNotEmpty();
        }
    }

    @ParameterizedTest
    @FieldSource("FEATURES")
    void grammar_validDocuments_passLlamaCppsSampler(FeatureTable.Feature feature) {
        Grammar grammar = GRAMMARS.compile(feature.schema());
        try (LlamaGrammar compiled = GrammarJudge.compile(grammar)) {
            for (String document : feature.valid()) {
                assertThat(GrammarJudge.accepts(compiled, document)).as("%s\nin\n%s", document, grammar.gbnf())
                        .isTrue();
            }
        }
    }

    @ParameterizedTest
    @FieldSource("FEATURES")
    void grammar_invalidAndNarrowedDocuments_areStopped(FeatureTable.Feature feature) {
        Grammar grammar = GRAMMARS.compile(feature.schema());
        try (LlamaGrammar compiled = GrammarJudge.compile(grammar)) {
            for (String document : feature.invalid()) {
                assertThat(GrammarJudge.accepts(compiled, document)).as("invalid %s\nin\n%s", document,
                        grammar.gbnf()).isFalse();
            }
            for (String document : feature.narrowed()) {
                assertThat(GrammarJudge.accepts(compiled, document)).as("narrowed %s\nin\n%s", document,
                        grammar.gbnf()).isFalse();
            }
        }
    }
}
