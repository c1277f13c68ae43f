package dev.garden.jinja;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.garden.jinja.Rendering.dict;
import static dev.garden.jinja.Rendering.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Expressions: literals, operators and their precedence, comparisons, conditional expressions, subscripts, slices
 * and attribute access. Every expected value is what Python's jinja2 renders in Hugging Face's environment.
 */
class ExpressionsTest {
    @Test
    void render_literals_printAsPython() {
        assertThat(render("{{ 'a' }} {{ 1 }} {{ 1.5 }} {{ True }} {{ false }} {{ None }} {{ none }} {{ [1, 'b'] }} {{ (1,) }} {{ {'k': 'v'} }}"))
                .isEqualTo("a 1 1.5 True False None None [1, 'b'] (1,) {'k': 'v'}");
    }

    @Test
    void render_stringEscapes_areDecodedAsPython() {
        assertThat(render("{{ 'a\\tb\\x41\\u00e9\\\\n\\q' }}|{{ \"it's\" }}|{{ '\\'' }}"))
                .isEqualTo("a\tbAé\\n\\q|it's|'");
    }

    @Test
    void render_adjacentStrings_concatenate() {
        assertThat(render("{{ 'a' \"b\" 'c' }}"))
                .isEqualTo("abc");
    }

    @Test
    void render_numberLiterals_supportBasesAndUnderscores() {
        assertThat(render("{{ 1_000 }} {{ 0x1F }} {{ 0o17 }} {{ 0b11 }} {{ 1.5e3 }} {{ 1E2 }}"))
                .isEqualTo("1000 31 15 3 1500.0 100.0");
    }

    @Test
    void render_arithmetic_followsPython() {
        assertThat(render("{{ 10 / 4 }} {{ 10 // 4 }} {{ -7 // 2 }} {{ -7 % 3 }} {{ 7.5 % 2 }} {{ 2 ** 10 }} {{ 2 ** -1 }} {{ 7 / 7 }}"))
                .isEqualTo("2.5 2 -4 2 1.5 1024 0.5 1.0");
    }

    @Test
    void render_booleansInArithmetic_actAsIntegers() {
        assertThat(render("{{ true + true }} {{ 3 * true }} {{ -true }}"))
                .isEqualTo("2 3 -1");
    }

    @Test
    void render_integerDivisionByZero_fails() {
        assertThatThrownBy(() -> render("{{ 10 // 0 }}"))
                .isInstanceOf(TemplateRenderException.class)
                .extracting(e -> ((TemplateRenderException) e).reason())
                .isEqualTo("integer division or modulo by zero");
    }

    @Test
    void render_unaryMinus_bindsTighterThanPower() {
        assertThat(render("{{ - 2 ** 2 }} {{ 2 ** 3 ** 2 }}"))
                .isEqualTo("4 64");
    }

    @Test
    void render_filter_bindsTighterThanUnaryMinus() {
        assertThat(render("{{ -3|abs }}"))
                .isEqualTo("3");
    }

    @Test
    void render_tilde_bindsTighterThanPlus() {
        assertThatThrownBy(() -> render("{{ 1 + 2 ~ 3 }}"))
                .isInstanceOf(TemplateRenderException.class)
                .extracting(e -> ((TemplateRenderException) e).reason())
                .isEqualTo("unsupported operand type(s) for +: 'int' and 'str'");
    }

    @Test
    void render_tilde_concatenatesStrOfEachOperand() {
        assertThat(render("{{ 'x' ~ 1 ~ none ~ true ~ 1.5 ~ [1] ~ missing }}"))
                .isEqualTo("x1NoneTrue1.5[1]");
    }

    @Test
    void render_plusOnStringAndNumber_fails() {
        assertThatThrownBy(() -> render("{{ 'a' + 1 }}"))
                .isInstanceOf(TemplateRenderException.class)
                .extracting(e -> ((TemplateRenderException) e).reason())
                .isEqualTo("can only concatenate str (not \"int\") to str");
    }

    @Test
    void render_plusOnUndefined_fails() {
        assertThatThrownBy(() -> render("{{ 'a' + missing }}"))
                .isInstanceOf(TemplateRenderException.class)
                .extracting(e -> ((TemplateRenderException) e).reason())
                .isEqualTo("'missing' is undefined");
    }

    @Test
    void render_stringRepetition_repeats() {
        assertThat(render("{{ 'ab' * 2 }}{{ 2 * 'ab' }}{{ [1] * 3 }}[{{ 'a' * -1 }}]"))
                .isEqualTo("abababab[1, 1, 1][]");
    }

    @Test
    void render_listAndTupleConcatenation_keepTheirTypes() {
        assertThat(render("{{ [1] + [2] }}{{ (1,) + (2,) }}"))
                .isEqualTo("[1, 2](1, 2)");
    }

    @Test
    void render_comparisons_chainAsPython() {
        assertThat(render("{{ 1 < 2 < 3 }} {{ 3 > 2 > 2 }} {{ 1 == 1.0 }} {{ true == 1 }} {{ [1] == (1,) }} {{ 'a' < 'b' }} {{ (1, 2) < (1, 3) }}"))
                .isEqualTo("True False True True False True True");
    }

    @Test
    void render_orderingUnrelatedTypes_fails() {
        assertThatThrownBy(() -> render("{{ 1 < 'a' }}"))
                .isInstanceOf(TemplateRenderException.class)
                .extracting(e -> ((TemplateRenderException) e).reason())
                .isEqualTo("'<' not supported between instances of 'int' and 'str'");
    }

    @Test
    void render_in_testsMembership() {
        assertThat(render("{{ 'a' in 'cat' }} {{ 2 in xs }} {{ 2 not in xs }} {{ 'a' in d }} {{ 1 in d }}", "xs", List.of(1, 2, 3), "d", dict("a", 1)))
                .isEqualTo("True True False True False");
    }

    @Test
    void render_nonStringInString_fails() {
        assertThatThrownBy(() -> render("{{ 1 in 'abc' }}"))
                .isInstanceOf(TemplateRenderException.class)
                .extracting(e -> ((TemplateRenderException) e).reason())
                .isEqualTo("'in <string>' requires string as left operand, not int");
    }

    @Test
    void render_andOr_returnOperands() {
        assertThat(render("{{ 1 and 2 }} {{ 0 and 2 }} {{ 0 or 'x' }} {{ '' or none }} {{ 1 or missing.attr }}"))
                .isEqualTo("2 0 x None 1");
    }

    @Test
    void render_not_bindsLooserThanComparison() {
        assertThat(render("{{ not 1 == 2 }} {{ not missing }}"))
                .isEqualTo("True True");
    }

    @Test
    void render_conditionalExpression_choosesBranch() {
        assertThat(render("{{ 1 if true else 2 }}{{ 1 if false else 2 if false else 3 }}"))
                .isEqualTo("13");
    }

    @Test
    void render_conditionalWithoutElse_isUndefined() {
        assertThat(render("[{{ 'x' if false }}]{{ ('x' if false) is defined }}"))
                .isEqualTo("[]False");
    }

    @Test
    void render_subscripts_useNegativeIndexes() {
        assertThat(render("{{ xs[0] }}{{ xs[-1] }}{{ xs.1 }}{{ s[0] }}{{ s[-1] }}", "xs", List.of(1, 2, 3), "s", "Hello"))
                .isEqualTo("132Ho");
    }

    @Test
    void render_indexOutOfRange_isUndefined() {
        assertThat(render("{{ xs[5] is defined }}{{ s[10] is defined }}", "xs", List.of(1, 2, 3), "s", "Hello"))
                .isEqualTo("FalseFalse");
    }

    @Test
    void render_slices_followPython() {
        assertThat(render("{{ xs[1:] }}{{ xs[:-1] }}{{ xs[::2] }}{{ xs[::-1] }}{{ xs[10:] }}{{ xs[-10:] }}{{ s[1:3] }}{{ s[::-1] }}", "xs", List.of(1, 2, 3), "s", "Hello"))
                .isEqualTo("[2, 3][1, 2][1, 3][3, 2, 1][][1, 2, 3]elolleH");
    }

    @Test
    void render_sliceStepZero_fails() {
        assertThatThrownBy(() -> render("{{ xs[::0] }}", "xs", List.of(1, 2, 3)))
                .isInstanceOf(TemplateRenderException.class)
                .extracting(e -> ((TemplateRenderException) e).reason())
                .isEqualTo("slice step cannot be zero");
    }

    @Test
    void render_attribute_fallsBackToItem() {
        assertThat(render("{{ d.a }}{{ d['a'] }}{{ d.missing is defined }}", "d", dict("a", 1, "b", 2)))
                .isEqualTo("11False");
    }

    @Test
    void render_itemNamedLikeMethod_resolvesToMethodByAttribute() {
        assertThat(render("{{ d.items is callable }} {{ d['items'] }}", "d", dict("items", "the key")))
                .isEqualTo("True the key");
    }

    @Test
    void render_attributeOfUndefined_fails() {
        assertThatThrownBy(() -> render("{{ missing.attr }}"))
                .isInstanceOf(TemplateRenderException.class)
                .extracting(e -> ((TemplateRenderException) e).reason())
                .isEqualTo("'missing' is undefined");
    }

    @Test
    void render_itemOfUndefinedAttribute_fails() {
        assertThatThrownBy(() -> render("{{ d.missing.deeper }}", "d", dict("a", 1, "b", 2)))
                .isInstanceOf(TemplateRenderException.class)
                .extracting(e -> ((TemplateRenderException) e).reason())
                .isEqualTo("'dict object' has no attribute 'missing'");
    }

    @Test
    void render_attributeOfNone_isUndefined() {
        assertThat(render("[{{ none.x }}][{{ none['x'] }}]"))
                .isEqualTo("[][]");
    }

    @Test
    void render_callOfUndefined_fails() {
        assertThatThrownBy(() -> render("{{ missing() }}"))
                .isInstanceOf(TemplateRenderException.class)
                .extracting(e -> ((TemplateRenderException) e).reason())
                .isEqualTo("'missing' is undefined");
    }

    @Test
    void render_callOfString_fails() {
        assertThatThrownBy(() -> render("{{ 'abc'() }}"))
                .isInstanceOf(TemplateRenderException.class)
                .extracting(e -> ((TemplateRenderException) e).reason())
                .isEqualTo("'str' object is not callable");
    }

    @Test
    void render_dictLiteral_keepsInsertionOrder() {
        assertThat(render("{{ {'b': 1, 'a': 2, 1: 'int key'} }}"))
                .isEqualTo("{'b': 1, 'a': 2, 1: 'int key'}");
    }

    @Test
    void render_callWithStarArguments_spreadsThem() {
        assertThat(render("{{ '{}-{}'.format(*xs[:2]) }} {{ '{a}'.format(**{'a': 1}) }}", "xs", List.of(1, 2, 3)))
                .isEqualTo("1-2 1");
    }
}
