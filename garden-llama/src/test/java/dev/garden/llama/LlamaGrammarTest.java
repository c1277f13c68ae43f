package dev.garden.llama;

import dev.garden.llama.testing.NativeFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LlamaGrammarTest {
    static LlamaModel model;

    @BeforeAll
    static void load() {
        model = LlamaModel.load(NativeFixtures.library(), NativeFixtures.stories260K());
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void compile_validGrammar_compilesAndCopies() {
        try (LlamaGrammar grammar = LlamaGrammar.compile(model, "root ::= \"yes\" | \"no\"", "root");
             LlamaGrammar copy = grammar.copy()) {
            assertThatCode(() -> copy.handle()).doesNotThrowAnyException();
        }
    }

    @Test
    void compile_brokenGrammar_isRefused() {
        assertThatThrownBy(() -> LlamaGrammar.compile(model, "root ::= (\"unclosed\"", "root"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("could not parse the grammar");
    }

    @Test
    void compile_missingRoot_isRefused() {
        assertThatThrownBy(() -> LlamaGrammar.compile(model, "answer ::= \"yes\"", "root"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void compileLazy_withTriggers_compiles() {
        try (LlamaGrammar grammar = LlamaGrammar.compileLazy(model, "root ::= \"x\"", "root",
                List.of("[\\s\\S]*?(<tool_call>[\\s\\S]*)"), new int[0])) {
            assertThatCode(() -> grammar.copy().close()).doesNotThrowAnyException();
        }
    }
}
