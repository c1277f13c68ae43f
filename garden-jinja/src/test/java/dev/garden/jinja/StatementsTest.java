package dev.garden.jinja;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.garden.jinja.Rendering.dict;
import static dev.garden.jinja.Rendering.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Statements: if, for and its loop variable, break and continue, set and namespaces, macros, call, filter and with
 * blocks, and how each scopes its variables. Every expected value is what Python's jinja2 renders in Hugging
 * Face's environment.
 */
class StatementsTest {
    @Test
    void render_ifElifElse_takesFirstTrueBranch() {
        assertThat(render("{% if x == 1 %}one{% elif x == 2 %}two{% else %}other{% endif %}", "x", 2))
                .isEqualTo("two");
    }

    @Test
    void render_ifWithoutMatchingBranch_rendersNothing() {
        assertThat(render("[{% if false %}x{% elif none %}y{% endif %}]"))
                .isEqualTo("[]");
    }

    @Test
    void render_forOverList_rendersEachItem() {
        assertThat(render("{% for i in xs %}{{ i }},{% endfor %}", "xs", List.of(1, 2, 3)))
                .isEqualTo("1,2,3,");
    }

    @Test
    void render_forOverDict_iteratesKeysInOrder() {
        assertThat(render("{% for k in d %}{{ k }}{% endfor %}", "d", dict("a", 1, "b", 2)))
                .isEqualTo("ab");
    }

    @Test
    void render_forWithTupleUnpacking_bindsKeyAndValue() {
        assertThat(render("{% for k, v in d.items() %}{{ k }}={{ v }};{% endfor %}", "d", dict("a", 1, "b", 2)))
                .isEqualTo("a=1;b=2;");
    }

    @Test
    void render_forWithNestedUnpacking_bindsEveryName() {
        assertThat(render("{% for a, (b, c) in [(1, (2, 3))] %}{{ a }}{{ b }}{{ c }}{% endfor %}"))
                .isEqualTo("123");
    }

    @Test
    void render_forUnpackingWrongArity_fails() {
        assertThatThrownBy(() -> render("{% for a, b in [(1, 2, 3)] %}{% endfor %}"))
                .isInstanceOf(TemplateRenderException.class)
                .extracting(e -> ((TemplateRenderException) e).reason())
                .isEqualTo("too many values to unpack (expected 2)");
    }

    @Test
    void render_forOverString_iteratesCharacters() {
        assertThat(render("{% for c in 'héllo' %}{{ c }}.{% endfor %}"))
                .isEqualTo("h.é.l.l.o.");
    }

    @Test
    void render_forOverEmptyList_rendersElse() {
        assertThat(render("{% for i in [] %}x{% else %}empty{% endfor %}"))
                .isEqualTo("empty");
    }

    @Test
    void render_forOverUndefined_rendersElse() {
        assertThat(render("{% for i in missing %}x{% else %}empty{% endfor %}"))
                .isEqualTo("empty");
    }

    @Test
    void render_forOverNone_fails() {
        assertThatThrownBy(() -> render("{% for i in none %}{% endfor %}"))
                .isInstanceOf(TemplateRenderException.class)
                .extracting(e -> ((TemplateRenderException) e).reason())
                .isEqualTo("'NoneType' object is not iterable");
    }

    @Test
    void render_forWithFilter_loopCountsOnlyKeptItems() {
        assertThat(render("{% for i in xs if i > 1 %}{{ loop.index }}/{{ loop.length }};{% endfor %}", "xs", List.of(1, 2, 3)))
                .isEqualTo("1/2;2/2;");
    }

    @Test
    void render_loopVariable_hasAllAttributes() {
        assertThat(render("{% for i in xs %}{{ loop.index }}{{ loop.index0 }}{{ loop.revindex }}{{ loop.revindex0 }}{{ loop.first }}{{ loop.last }}{{ loop.length }}{{ loop.depth }};{% endfor %}", "xs", List.of(1, 2, 3)))
                .isEqualTo("1032TrueFalse31;2121FalseFalse31;3210FalseTrue31;");
    }

    @Test
    void render_loopPrevAndNextItem_areUndefinedAtTheEnds() {
        assertThat(render("{% for i in xs %}[{{ loop.previtem }}|{{ loop.nextitem }}]{% endfor %}", "xs", List.of(1, 2, 3)))
                .isEqualTo("[|2][1|3][2|]");
    }

    @Test
    void render_loopCycle_alternatesValues() {
        assertThat(render("{% for i in xs %}{{ loop.cycle('odd', 'even') }} {% endfor %}", "xs", List.of(1, 2, 3)))
                .isEqualTo("odd even odd ");
    }

    @Test
    void render_loopChanged_reportsNewValues() {
        assertThat(render("{% for i in [1, 1, 2, 2, 1] %}{{ loop.changed(i) }} {% endfor %}"))
                .isEqualTo("True False True False True ");
    }

    @Test
    void render_nestedLoops_innerLoopShadowsOuter() {
        assertThat(render("{% for i in xs %}{% for j in [1] %}{{ loop.index }}{% endfor %}{{ loop.index }}{% endfor %}", "xs", List.of(1, 2, 3)))
                .isEqualTo("111213");
    }

    @Test
    void render_recursiveLoop_walksTree() {
        assertThat(render("{% for item in tree recursive %}<{{ item.name }}{{ loop.depth }}{{ loop(item.children) }}>{% endfor %}", "tree", List.of(dict("name", "a", "children", List.of(dict("name", "b", "children", List.of()))))))
                .isEqualTo("<a1<b2>>");
    }

    @Test
    void render_break_stopsTheLoop() {
        assertThat(render("{% for i in xs %}{{ i }}{% if i == 2 %}{% break %}{% endif %}{% endfor %}", "xs", List.of(1, 2, 3)))
                .isEqualTo("12");
    }

    @Test
    void render_continue_skipsTheRestOfTheBody() {
        assertThat(render("{% for i in xs %}{% if i == 2 %}{% continue %}{% endif %}{{ i }}{% endfor %}", "xs", List.of(1, 2, 3)))
                .isEqualTo("13");
    }

    @Test
    void parse_breakOutsideLoop_fails() {
        assertThatThrownBy(() -> render("{% break %}"))
                .isInstanceOf(TemplateSyntaxException.class);
    }

    @Test
    void render_set_assignsVariable() {
        assertThat(render("{% set x = 1 + 2 %}{{ x }}"))
                .isEqualTo("3");
    }

    @Test
    void render_setTuple_unpacksValues() {
        assertThat(render("{% set a, b = 1, 2 %}{{ a }}{{ b }}{% set t = 1, 2 %}{{ t }}"))
                .isEqualTo("12(1, 2)");
    }

    @Test
    void render_setInsideIf_isVisibleAfterIf() {
        assertThat(render("{% if true %}{% set z = 1 %}{% endif %}{{ z }}"))
                .isEqualTo("1");
    }

    @Test
    void render_setInsideLoop_doesNotLeakOut() {
        assertThat(render("{% set x = 0 %}{% for i in [1, 2] %}{% set x = x + i %}[{{ x }}]{% endfor %}{{ x }}"))
                .isEqualTo("[1][2]0");
    }

    @Test
    void render_setInsideLoop_doesNotCarryToNextIteration() {
        assertThat(render("{% for i in [1, 2] %}[{{ x }}]{% set x = i %}{% endfor %}"))
                .isEqualTo("[][]");
    }

    @Test
    void render_namespace_carriesStateOutOfLoop() {
        assertThat(render("{% set ns = namespace(total=0) %}{% for i in xs %}{% set ns.total = ns.total + i %}{% endfor %}{{ ns.total }}", "xs", List.of(1, 2, 3)))
                .isEqualTo("6");
    }

    @Test
    void render_namespaceFromDict_hasItsKeys() {
        assertThat(render("{% set ns = namespace({'a': 1}, b=2) %}{{ ns.a }}{{ ns.b }}{{ ns.c is defined }}"))
                .isEqualTo("12False");
    }

    @Test
    void render_namespaceAttributeOnNonNamespace_fails() {
        assertThatThrownBy(() -> render("{% set x = 5 %}{% set x.y = 1 %}"))
                .isInstanceOf(TemplateRenderException.class)
                .extracting(e -> ((TemplateRenderException) e).reason())
                .isEqualTo("cannot assign attribute on non-namespace object");
    }

    @Test
    void render_setBlock_capturesRenderedBody() {
        assertThat(render("{% set x %}a{{ 1 }}b{% endset %}{{ x }}|{{ x is string }}"))
                .isEqualTo("a1b|True");
    }

    @Test
    void render_setBlockWithFilter_filtersCapturedBody() {
        assertThat(render("{% set x | upper %}abc{% endset %}{{ x }}"))
                .isEqualTo("ABC");
    }

    @Test
    void render_macro_usesDefaultsAndKeywordArguments() {
        assertThat(render("{% macro f(a, b=2, c='x') %}{{ a }}{{ b }}{{ c }}{% endmacro %}{{ f(1) }}|{{ f(1, c=3) }}|{{ f(b=5, a=4) }}"))
                .isEqualTo("12x|123|45x");
    }

    @Test
    void render_macroMissingArgument_isUndefined() {
        assertThat(render("{% macro f(a, b) %}[{{ a }}|{{ b }}]{% endmacro %}{{ f(1) }}"))
                .isEqualTo("[1|]");
    }

    @Test
    void render_macroDefaultReferencingEarlierParameter_usesIt() {
        assertThat(render("{% macro m(a, b=a * 2) %}{{ b }}{% endmacro %}{{ m(3) }}"))
                .isEqualTo("6");
    }

    @Test
    void render_macroReferencingVarargsAndKwargs_collectsExtras() {
        assertThat(render("{% macro m(a) %}{{ a }}{{ varargs }}{{ kwargs }}{% endmacro %}{{ m(1, 2, k=3) }}"))
                .isEqualTo("1(2,){'k': 3}");
    }

    @Test
    void render_macroWithTooManyArguments_fails() {
        assertThatThrownBy(() -> render("{% macro m(a) %}{{ a }}{% endmacro %}{{ m(1, 2) }}"))
                .isInstanceOf(TemplateRenderException.class)
                .extracting(e -> ((TemplateRenderException) e).reason())
                .isEqualTo("macro 'm' takes not more than 1 argument(s)");
    }

    @Test
    void render_macroWithUnknownKeyword_fails() {
        assertThatThrownBy(() -> render("{% macro m(a) %}{{ a }}{% endmacro %}{{ m(1, z=2) }}"))
                .isInstanceOf(TemplateRenderException.class)
                .extracting(e -> ((TemplateRenderException) e).reason())
                .isEqualTo("macro 'm' takes no keyword argument 'z'");
    }

    @Test
    void render_macroCalledRecursively_recurses() {
        assertThat(render("{% macro m(x) %}{% if x > 0 %}{{ x }}{{ m(x - 1) }}{% endif %}{% endmacro %}{{ m(3) }}"))
                .isEqualTo("321");
    }

    @Test
    void render_macro_seesVariablesOfDefiningScopeWhenCalled() {
        assertThat(render("{% set y = 5 %}{% macro m() %}{{ y }}{% endmacro %}{% set y = 6 %}{{ m() }}"))
                .isEqualTo("6");
    }

    @Test
    void render_macroSet_doesNotLeakOut() {
        assertThat(render("{% set y = 1 %}{% macro m() %}{% set y = 2 %}{{ y }}{% endmacro %}{{ m() }}{{ y }}"))
                .isEqualTo("21");
    }

    @Test
    void render_callBlock_passesBodyAsCaller() {
        assertThat(render("{% macro wrap(tag) %}<{{ tag }}>{{ caller() }}</{{ tag }}>{% endmacro %}{% call wrap('b') %}bold{% endcall %}"))
                .isEqualTo("<b>bold</b>");
    }

    @Test
    void render_callBlockWithParameters_receivesArguments() {
        assertThat(render("{% macro m() %}{% for x in [1, 2] %}{{ caller(x) }}{% endfor %}{% endmacro %}{% call(v) m() %}<{{ v }}>{% endcall %}"))
                .isEqualTo("<1><2>");
    }

    @Test
    void render_macroUsingCallerWithoutCallBlock_seesUndefinedCaller() {
        assertThat(render("{% macro f(a) %}[{{ a }}]{{ caller() if caller else '' }}{% endmacro %}{{ f(1) }}"))
                .isEqualTo("[1]");
    }

    @Test
    void render_filterBlock_filtersBody() {
        assertThat(render("{% filter upper %}abc{{ 'd' }}{% endfilter %}"))
                .isEqualTo("ABCD");
    }

    @Test
    void render_filterBlockChain_appliesInOrder() {
        assertThat(render("{% filter trim | upper %}  abc  {% endfilter %}"))
                .isEqualTo("ABC");
    }

    @Test
    void render_with_scopesItsAssignments() {
        assertThat(render("{% with x = 1 %}{% set y = 2 %}{{ x }}{{ y }}{% endwith %}[{{ x }}{{ y }}]"))
                .isEqualTo("12[]");
    }

    @Test
    void render_withValues_seeOuterScope() {
        assertThat(render("{% set a = 7 %}{% with a = 1, b = a %}{{ b }}{% endwith %}"))
                .isEqualTo("7");
    }

    @Test
    void render_generationBlock_rendersItsBodyInOwnScope() {
        assertThat(render("{% generation %}{% set x = 1 %}[{{ x }}]{% endgeneration %}{{ x }}"))
                .isEqualTo("[1]");
    }

    @Test
    void render_print_printsEachExpression() {
        assertThat(render("{% print 'a', 1 %}"))
                .isEqualTo("a1");
    }

    @Test
    void parse_unknownTag_fails() {
        assertThatThrownBy(() -> render("{% frobnicate %}"))
                .isInstanceOf(TemplateSyntaxException.class);
    }

    @Test
    void parse_unclosedBlock_fails() {
        assertThatThrownBy(() -> render("{% if true %}x"))
                .isInstanceOf(TemplateSyntaxException.class);
    }

    @Test
    void parse_mismatchedEndTag_fails() {
        assertThatThrownBy(() -> render("{% for x in xs %}x{% endif %}"))
                .isInstanceOf(TemplateSyntaxException.class);
    }
}
