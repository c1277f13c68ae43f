package dev.garden.jinja;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A template is parsed once; rendering works from the parsed form and never parses again. */
class ParseOnceTest {
    @Test
    void render_manyTimes_neverParsesAgain() {
        JinjaTemplate template = JinjaTemplate.parse(
                "{% for m in messages %}<|{{ m.role }}|>{{ m.content | trim }}{% endfor %}");
        long parsesBefore = JinjaTemplate.PARSE_COUNT.get();
        Map<String, Object> context = Map.of("messages", List.of(Map.of("role", "user", "content", " hi ")));
        for (int i = 0; i < 1_000; i++) {
            assertThat(template.render(context)).isEqualTo("<|user|>hi");
        }
        assertThat(JinjaTemplate.PARSE_COUNT.get()).isEqualTo(parsesBefore);
    }

    @Test
    void withLimits_sharesParsedTemplate_withoutParsing() {
        JinjaTemplate template = JinjaTemplate.parse("{{ 1 + 1 }}");
        long parsesBefore = JinjaTemplate.PARSE_COUNT.get();
        JinjaTemplate limited = template.withLimits(new RenderLimits(100, 10, 5));
        assertThat(limited.render(Map.of())).isEqualTo("2");
        assertThat(limited.limits()).isEqualTo(new RenderLimits(100, 10, 5));
        assertThat(JinjaTemplate.PARSE_COUNT.get()).isEqualTo(parsesBefore);
    }
}
