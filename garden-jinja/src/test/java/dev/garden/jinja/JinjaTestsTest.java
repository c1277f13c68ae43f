package dev.garden.jinja;

import org.junit.jupiter.api.Test;

import static dev.garden.jinja.Rendering.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code is} tests. Every expected value is what Python's jinja2 renders in Hugging Face's environment.
 */
class JinjaTestsTest {
    @Test
    void test_typeTests_classifyValues() {
        assertThat(render("{{ 'a' is string }} {{ 1 is number }} {{ true is number }} {{ true is integer }} {{ 1 is integer }} {{ 1.0 is float }} {{ true is boolean }} {{ none is none }} {{ {} is mapping }} {{ [] is mapping }}"))
                .isEqualTo("True True True False True True True True True False");
    }

    @Test
    void test_sequenceAndIterable_followPython() {
        assertThat(render("{{ [] is sequence }} {{ 'a' is sequence }} {{ {} is sequence }} {{ 1 is sequence }} {{ missing is sequence }} {{ [] is iterable }} {{ 1 is iterable }} {{ none is iterable }} {{ {}.items() is sequence }}"))
                .isEqualTo("True True True False True True False False False");
    }

    @Test
    void test_definedAndUndefined_detectMissingValues() {
        assertThat(render("{{ missing is defined }} {{ missing is undefined }} {{ none is defined }} {{ {}.x is defined }}"))
                .isEqualTo("False True True False");
    }

    @Test
    void test_trueAndFalse_matchOnlyBooleans() {
        assertThat(render("{{ true is true }} {{ 1 is true }} {{ false is false }} {{ 0 is false }} {{ '' is false }}"))
                .isEqualTo("True False True False False");
    }

    @Test
    void test_numberTests_useArithmetic() {
        assertThat(render("{{ 3 is odd }} {{ 4 is even }} {{ 9 is divisibleby 3 }} {{ 9 is divisibleby(4) }} {{ 3.0 is odd }}"))
                .isEqualTo("True True True False True");
    }

    @Test
    void test_comparisonTests_compare() {
        assertThatThrownBy(() -> render("{{ 2 is eq 2 }} {{ 2 is equalto 2 }} {{ 2 is ne 2 }} {{ 3 is gt 2 }} {{ 3 is ge 4 }} {{ 1 is lt 2 }} {{ 1 is le 0 }} {{ 2 is == 2 }} {{ 'a' is in 'abc' }}"))
                .isInstanceOf(TemplateSyntaxException.class);
    }

    @Test
    void test_caseTests_checkCase() {
        assertThat(render("{{ 'abc' is lower }} {{ 'ABC' is upper }} {{ 'Abc' is lower }} {{ 1 is lower }}"))
                .isEqualTo("True True False False");
    }

    @Test
    void test_callable_recognizesFunctionsAndMacros() {
        assertThat(render("{% macro m() %}{% endmacro %}{{ m is callable }} {{ 'a'.upper is callable }} {{ range is callable }} {{ 'a' is callable }}"))
                .isEqualTo("True True True False");
    }

    @Test
    void test_sameas_comparesIdentityOfSingletons() {
        assertThat(render("{{ none is sameas none }} {{ true is sameas true }} {{ 1 is sameas true }}"))
                .isEqualTo("True True False");
    }

    @Test
    void test_filterAndTest_knowTheirNames() {
        assertThat(render("{{ 'upper' is filter }} {{ 'nope' is filter }} {{ 'odd' is test }} {{ 'x' is escaped }} {{ 'x'|e is escaped }}"))
                .isEqualTo("True False True False True");
    }

    @Test
    void test_isNot_negates() {
        assertThat(render("{{ 3 is not even }} {{ none is not none }} {{ 3 is not even and 3 is not none }}"))
                .isEqualTo("True False True");
    }

    @Test
    void test_oddOnString_fails() {
        assertThatThrownBy(() -> render("{{ 'a' is odd }}"))
                .isInstanceOf(TemplateRenderException.class)
                .extracting(e -> ((TemplateRenderException) e).reason())
                .isEqualTo("not all arguments converted during string formatting");
    }

    @Test
    void parse_unknownTest_fails() {
        assertThatThrownBy(() -> render("{{ 1 is nothing }}"))
                .isInstanceOf(TemplateSyntaxException.class);
    }
}
