package dev.garden.jinja;

import org.junit.jupiter.api.Test;

import static dev.garden.jinja.Rendering.render;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whitespace control: {@code -} and {@code +} markers, and the trim_blocks and lstrip_blocks that Hugging Face
 * turns on. Every expected value is what Python's jinja2 renders in Hugging Face's environment.
 */
class WhitespaceControlTest {
    @Test
    void render_blockTagOnItsOwnLine_removesTheWholeLine() {
        assertThat(render("a\n{% if true %}\nb\n{% endif %}\nc"))
                .isEqualTo("a\nb\nc");
    }

    @Test
    void render_indentedBlockTag_stripsIndentationAndNewline() {
        assertThat(render("a\n    {% if true %}\n    b\n    {% endif %}\nc"))
                .isEqualTo("a\n    b\nc");
    }

    @Test
    void render_blockTagAtTemplateStart_stripsIndentation() {
        assertThat(render("   {% if true %}x{% endif %}"))
                .isEqualTo("x");
    }

    @Test
    void render_textBeforeBlockTagOnSameLine_keepsWhitespace() {
        assertThat(render("a  {% if true %}x{% endif %}"))
                .isEqualTo("a  x");
    }

    @Test
    void render_plusAfterBlockOpen_keepsIndentation() {
        assertThat(render("a\n  {%+ if true %}x{% endif %}"))
                .isEqualTo("a\n  x");
    }

    @Test
    void render_minusAfterBlockOpen_stripsAllWhitespaceBefore() {
        assertThat(render("a\n\n  {%- if true %}x{% endif %}"))
                .isEqualTo("ax");
    }

    @Test
    void render_minusBeforeBlockClose_stripsAllWhitespaceAfter() {
        assertThat(render("{% if true -%}\n\n   x{% endif %}"))
                .isEqualTo("x");
    }

    @Test
    void render_plusBeforeBlockClose_keepsNewlineAfterTag() {
        assertThat(render("{% if true +%}\nx{% endif %}"))
                .isEqualTo("\nx");
    }

    @Test
    void render_variableTag_isNotTrimmedOrLstripped() {
        assertThat(render("  {{ 'v' }}\n  {{ 'w' }}\n"))
                .isEqualTo("  v\n  w");
    }

    @Test
    void render_minusInVariableTags_stripsOnBothSides() {
        assertThat(render("a  \n  {{- 'b' -}}  \n  c"))
                .isEqualTo("abc");
    }

    @Test
    void render_commentOnItsOwnLine_removesTheLine() {
        assertThat(render("a\n  {# note #}\nb"))
                .isEqualTo("a\nb");
    }

    @Test
    void render_commentWithMinus_stripsAround() {
        assertThat(render("a  {#- note -#}  b"))
                .isEqualTo("ab");
    }

    @Test
    void render_multilineComment_rendersNothing() {
        assertThat(render("{# one\ntwo\nthree #}\nX"))
                .isEqualTo("X");
    }

    @Test
    void render_rawBlock_keepsTagsVerbatim() {
        assertThat(render("{% raw %}{{ x }} {% if %}{% endraw %}"))
                .isEqualTo("{{ x }} {% if %}");
    }

    @Test
    void render_rawBlock_keepsNewlineAfterOpeningTag() {
        assertThat(render("{% raw %}\n  {{ a }}\n{% endraw %}\nafter"))
                .isEqualTo("\n  {{ a }}\nafter");
    }

    @Test
    void render_rawBlockWithMinus_stripsAroundContent() {
        assertThat(render("a {%- raw -%} b {%- endraw -%} c"))
                .isEqualTo("abc");
    }

    @Test
    void render_trailingNewline_isDropped() {
        assertThat(render("text\n"))
                .isEqualTo("text");
    }

    @Test
    void render_twoTrailingNewlines_dropsOnlyOne() {
        assertThat(render("text\n\n"))
                .isEqualTo("text\n");
    }

    @Test
    void render_windowsNewlines_becomeUnixNewlines() {
        assertThat(render("a\r\nb\r\n"))
                .isEqualTo("a\nb");
    }

    @Test
    void render_forLoopOnOwnLines_emitsOneLinePerItem() {
        assertThat(render("{% for i in [1, 2] %}\n  - {{ i }}\n{% endfor %}\n"))
                .isEqualTo("  - 1\n  - 2\n");
    }

    @Test
    void render_minusOnEveryTag_joinsItemsWithoutWhitespace() {
        assertThat(render("{%- for i in [1, 2] %}\n    {{- i }}\n{%- endfor %}"))
                .isEqualTo("12");
    }

    @Test
    void render_macroBody_keepsIndentationOfPlainText() {
        assertThat(render("{% macro m(x) %}\n  [{{ x }}]\n{% endmacro %}\n{{ m(1) }}{{ m(2) }}"))
                .isEqualTo("  [1]\n  [2]\n");
    }

    @Test
    void render_tabIndentation_isStripped() {
        assertThat(render("a\n\t{% if true %}\tb{% endif %}"))
                .isEqualTo("a\n\tb");
    }

    @Test
    void render_noBreakSpaceIndentation_isStripped() {
        assertThat(render("a\n {% if true %}b{% endif %}"))
                .isEqualTo("a\nb");
    }

    @Test
    void render_ifElifElseWithMinus_keepsOnlyInnerText() {
        assertThat(render("{%- if false %}x{%- elif true %}  y  {%- else %}z{% endif -%}"))
                .isEqualTo("  y");
    }

    @Test
    void render_setBlockWithMinus_capturesTrimmedBody() {
        assertThat(render("{%- set content -%}\n  block {{ 1 }}\n{%- endset -%}\n[{{ content }}]"))
                .isEqualTo("[block 1]");
    }

    @Test
    void render_generationBlock_rendersBodyWithBlockRules() {
        assertThat(render("{% generation %}\n  gen\n{% endgeneration %}\n"))
                .isEqualTo("  gen\n");
    }

    @Test
    void render_blankLinesInsideBlock_areKept() {
        assertThat(render("a{% if true %}\n\n{% endif %}b"))
                .isEqualTo("a\nb");
    }

    @Test
    void render_bracesInsideStrings_doNotEndTags() {
        assertThat(render("{{ '{{' }}{{ '}}' }} {% if '%}' %}ok{% endif %}"))
                .isEqualTo("{{}} ok");
    }

    @Test
    void render_nestedDictLiteral_closesAfterBalancedBraces() {
        assertThat(render("{{ {'a': {'b': 1}}}}"))
                .isEqualTo("{'a': {'b': 1}}");
    }
}
