package dev.garden.jinja;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How failures are reported: syntax errors with their position, render errors with their template line. */
class TemplateErrorsTest {
    @Test
    void parse_incompleteExpression_reportsLineAndColumn() {
        assertThatThrownBy(() -> JinjaTemplate.parse("line one\n{{ x + }}"))
                .isInstanceOfSatisfying(TemplateSyntaxException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(8);
                    assertThat(e.getMessage()).isEqualTo("unexpected 'end of print statement' (line 2, column 8)");
                });
    }

    @Test
    void parse_unclosedFor_namesTheBlockToClose() {
        assertThatThrownBy(() -> JinjaTemplate.parse("{% for x in xs %}\n{% if x %}\n{% endif %}"))
                .isInstanceOf(TemplateSyntaxException.class)
                .hasMessageContaining("Jinja was looking for the following tags: 'else' or 'endfor'")
                .hasMessageContaining("The innermost block that needs to be closed is 'for'");
    }

    @Test
    void parse_unterminatedString_fails() {
        assertThatThrownBy(() -> JinjaTemplate.parse("{{ 'abc }}"))
                .isInstanceOf(TemplateSyntaxException.class)
                .hasMessageContaining("unexpected char");
    }

    @Test
    void parse_unterminatedComment_fails() {
        assertThatThrownBy(() -> JinjaTemplate.parse("a {# never closed"))
                .isInstanceOf(TemplateSyntaxException.class)
                .hasMessageStartingWith("Missing end of comment tag");
    }

    @Test
    void parse_unbalancedBrackets_fails() {
        assertThatThrownBy(() -> JinjaTemplate.parse("{{ [1, 2) }}"))
                .isInstanceOf(TemplateSyntaxException.class)
                .hasMessageStartingWith("unexpected ')', expected ']'");
    }

    @Test
    void parse_unsupportedTag_saysSo() {
        assertThatThrownBy(() -> JinjaTemplate.parse("{% include 'other.jinja' %}"))
                .isInstanceOf(TemplateSyntaxException.class)
                .hasMessageStartingWith("The tag 'include' is not supported by this template engine.");
    }

    @Test
    void render_undefinedAttribute_reportsPythonMessageAndLine() {
        JinjaTemplate template = JinjaTemplate.parse("first\n{% if true %}\n  {{ missing.attr }}\n{% endif %}");
        assertThatThrownBy(() -> template.render(Map.of()))
                .isExactlyInstanceOf(TemplateRenderException.class)
                .satisfies(e -> {
                    TemplateRenderException failure = (TemplateRenderException) e;
                    assertThat(failure.reason()).isEqualTo("'missing' is undefined");
                    assertThat(failure.line()).isEqualTo(3);
                    assertThat(failure.getMessage()).isEqualTo("'missing' is undefined (template line 3)");
                });
    }

    @Test
    void render_unsupportedFilterReached_failsAtRender() {
        JinjaTemplate template = JinjaTemplate.parse("{% if flag %}{{ 'x'|wordwrap(5) }}{% endif %}ok");
        assertThat(template.render(Map.of("flag", false))).isEqualTo("ok");
        assertThatThrownBy(() -> template.render(Map.of("flag", true)))
                .isInstanceOf(TemplateRenderException.class)
                .hasMessageStartingWith("The filter 'wordwrap' is not supported by this template engine.");
    }

    @Test
    void render_nullContext_isRejected() {
        assertThatThrownBy(() -> JinjaTemplate.parse("x").render(null)).isInstanceOf(NullPointerException.class);
    }
}
