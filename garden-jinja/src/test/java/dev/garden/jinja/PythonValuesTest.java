package dev.garden.jinja;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Arrays;

import static dev.garden.jinja.Rendering.dict;
import static dev.garden.jinja.Rendering.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How values print and behave: Python's str and repr, floats, truthiness, the undefined value, and Java inputs.
 * Every expected value is what Python's jinja2 renders in Hugging Face's environment.
 */
class PythonValuesTest {
    @Test
    void render_containers_printAsPythonRepr() {
        assertThat(render("{{ [1, 'a', 2.5, none, true, [1], {'k': (1, 2)}] }} {{ ('a',) }} {{ () }} {{ {} }} {{ [] }}"))
                .isEqualTo("[1, 'a', 2.5, None, True, [1], {'k': (1, 2)}] ('a',) () {} []");
    }

    @Test
    void render_stringRepr_choosesQuotesAsPython() {
        assertThat(render("{{ [\"it's\"] }} {{ ['a\"b'] }} {{ [\"it's \\\"x\\\"\"] }} {{ ['\\n\\t\\\\'] }}"))
                .isEqualTo("[\"it's\"] ['a\"b'] ['it\\'s \"x\"'] ['\\n\\t\\\\']");
    }

    @Test
    void render_stringRepr_escapesUnprintableCharacters() {
        assertThat(render("{{ ['é\ud83d\ude00', '\\x00\\x7f\\u200b\\u00a0'] }}"))
                .isEqualTo("['é\ud83d\ude00', '\\x00\\x7f\\u200b\\xa0']");
    }

    @Test
    void render_floats_printAsPythonRepr() {
        assertThat(render("{{ 1.0 }} {{ 1e16 }} {{ 1e15 }} {{ 0.0001 }} {{ 0.00001 }} {{ 0.1 + 0.2 }} {{ 1e100 }} {{ 123456789.123 }} {{ 1.5e-10 }} {{ 1e22 }} {{ 12345678901234567.0 }} {{ -0.0 }} {{ 1e300 * 1e10 }}"))
                .isEqualTo("1.0 1e+16 1000000000000000.0 0.0001 1e-05 0.30000000000000004 1e+100 123456789.123 1.5e-10 1e+22 1.2345678901234568e+16 -0.0 inf");
    }

    @Test
    void render_javaNumbers_printAsPythonNumbers() {
        assertThat(render("{{ i }} {{ l }} {{ f }} {{ dbl }} {{ big }} {{ i + l }} {{ i / 2 }}", "i", 7, "l", 8L, "f", 1.5f, "dbl", 2.0, "big", BigInteger.TEN))
                .isEqualTo("7 8 1.5 2.0 10 15 3.5");
    }

    @Test
    void render_javaNull_isNone() {
        assertThat(render("{{ v }} {{ v is none }} {{ v is defined }}", "v", null))
                .isEqualTo("None True True");
    }

    @Test
    void render_javaListWithNull_printsNone() {
        assertThat(render("{{ items }}", "items", Arrays.asList("a", null)))
                .isEqualTo("['a', None]");
    }

    @Test
    void render_truthiness_followsPython() {
        assertThat(render("{% for v in [0, 1, 0.0, '', 'x', [], [0], {}, none, true, false] %}{{ 'T' if v else 'F' }}{% endfor %}"))
                .isEqualTo("FTFFTFTFFTF");
    }

    @Test
    void render_undefined_printsEmptyAndIsFalsy() {
        assertThat(render("[{{ missing }}]{{ 'T' if missing else 'F' }}{{ missing|length }}{% for x in missing %}x{% endfor %}"))
                .isEqualTo("[]F0");
    }

    @Test
    void render_undefinedComparisons_areEqualityOnly() {
        assertThat(render("{{ missing == none }}{{ missing != none }}{{ missing in [1] }}{{ 1 in missing }}{{ missing == other_missing }}"))
                .isEqualTo("FalseTrueFalseFalseTrue");
    }

    @Test
    void render_undefinedInArithmetic_fails() {
        assertThatThrownBy(() -> render("{{ missing + 1 }}"))
                .isInstanceOf(TemplateRenderException.class)
                .extracting(e -> ((TemplateRenderException) e).reason())
                .isEqualTo("'missing' is undefined");
    }

    @Test
    void render_undefinedNegated_fails() {
        assertThatThrownBy(() -> render("{{ -missing }}"))
                .isInstanceOf(TemplateRenderException.class)
                .extracting(e -> ((TemplateRenderException) e).reason())
                .isEqualTo("'missing' is undefined");
    }

    @Test
    void render_undefinedOrdering_fails() {
        assertThatThrownBy(() -> render("{{ missing < 1 }}"))
                .isInstanceOf(TemplateRenderException.class)
                .extracting(e -> ((TemplateRenderException) e).reason())
                .isEqualTo("'missing' is undefined");
    }

    @Test
    void render_missingDictKey_isUndefinedWithMessage() {
        assertThatThrownBy(() -> render("{{ d.nope.x }}", "d", dict("a", 1)))
                .isInstanceOf(TemplateRenderException.class)
                .extracting(e -> ((TemplateRenderException) e).reason())
                .isEqualTo("'dict object' has no attribute 'nope'");
    }

    @Test
    void render_dictViews_printAsPython() {
        assertThat(render("{{ d.keys() }} {{ d.values() }} {{ d.items() }}", "d", dict("a", 1)))
                .isEqualTo("dict_keys(['a']) dict_values([1]) dict_items([('a', 1)])");
    }

    @Test
    void render_namespace_printsItsAttributes() {
        assertThat(render("{% set ns = namespace(a=1) %}{{ ns }}"))
                .isEqualTo("<Namespace {'a': 1}>");
    }

    @Test
    void render_range_printsAsPython() {
        assertThat(render("{{ range(3) }} {{ range(1, 10, 3) }} {{ range(3)|list }} {{ range(5)[1:3] }} {{ range(2, -3, -2)|list }}"))
                .isEqualTo("range(0, 3) range(1, 10, 3) [0, 1, 2] range(1, 3) [2, 0, -2]");
    }

    @Test
    void render_rangeAboveSandboxLimit_fails() {
        assertThatThrownBy(() -> render("{{ range(100001) }}"))
                .isInstanceOf(TemplateRenderException.class)
                .extracting(e -> ((TemplateRenderException) e).reason())
                .isEqualTo("Range too big. The sandbox blocks ranges larger than MAX_RANGE (100000).");
    }

    @Test
    void render_markupConcatenatedWithString_escapesString() {
        assertThat(render("{{ 'Hi'|safe + '<b>' }}|{{ '<b>' + 'Hi'|safe }}|{{ ('<a>'|safe).strip() + '&' }}"))
                .isEqualTo("Hi&lt;b&gt;|&lt;b&gt;Hi|<a>&amp;");
    }

    @Test
    void render_markupWithTilde_doesNotEscape() {
        assertThat(render("{{ 'Hi'|safe ~ '<b>' }}"))
                .isEqualTo("Hi<b>");
    }

    @Test
    void render_dictLookup_findsIntegerKeyByFloat() {
        assertThat(render("{{ {1: 'one'}[1.0] }}{{ {1: 'one'}[true] }}"))
                .isEqualTo("oneone");
    }

    @Test
    void render_tupleAndListOfSameItems_areNotEqual() {
        assertThat(render("{{ (1, 2) == [1, 2] }} {{ [1, 2] == [1, 2] }} {{ {'a': [1]} == {'a': [1]} }}"))
                .isEqualTo("False True True");
    }
}
