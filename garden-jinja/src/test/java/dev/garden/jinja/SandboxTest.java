package dev.garden.jinja;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.garden.jinja.Rendering.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Templates come from model files and are untrusted: they reach no Java object, change no input, and cannot make a
 * render run away.
 */
class SandboxTest {
    private static final RenderLimits SMALL = new RenderLimits(10_000, 1_000, 20);

    private static String renderSmall(String template) {
        return JinjaTemplate.parse(template).withLimits(SMALL).render(Map.of());
    }

    @Test
    void render_listAppend_failsAsInHuggingFacesImmutableSandbox() {
        assertThatThrownBy(() -> render("{% set ns = namespace(ids=[]) %}{% set _ = ns.ids.append(1) %}"))
                .isInstanceOf(TemplateRenderException.class)
                .extracting(e -> ((TemplateRenderException) e).reason())
                .isEqualTo("access to attribute 'append' of 'list' object is unsafe.");
    }

    @Test
    void render_dictUpdateAndPop_fail() {
        assertThatThrownBy(() -> render("{{ d.update({'x': 1}) }}", "d", new java.util.LinkedHashMap<>()))
                .isInstanceOf(TemplateRenderException.class)
                .hasMessageContaining("access to attribute 'update' of 'dict' object is unsafe.");
        assertThatThrownBy(() -> render("{{ [1].pop() }}"))
                .isInstanceOf(TemplateRenderException.class)
                .hasMessageContaining("access to attribute 'pop' of 'list' object is unsafe.");
    }

    @Test
    void render_unsafeMethodNotCalled_isJustUndefined() {
        assertThat(render("[{{ [1].append }}]")).isEqualTo("[]");
    }

    @Test
    void render_javaObject_exposesNoMethodsOrFields() {
        File file = new File("/etc/passwd");
        assertThat(render("[{{ f.path }}][{{ f.getClass }}][{{ ''.__class__ }}][{{ f.toString is defined }}]", "f", file))
                .isEqualTo("[][][][False]");
        assertThatThrownBy(() -> render("{{ f.delete() }}", "f", file))
                .isInstanceOf(TemplateRenderException.class);
        assertThat(file).exists();
    }

    @Test
    void render_templateNeverChangesInputs() {
        List<Object> messages = new ArrayList<>(List.of("a"));
        render("{% set messages = messages + ['b'] %}{{ messages }}", "messages", messages);
        assertThat(messages).containsExactly("a");
    }

    @Test
    void render_outputBeyondLimit_fails() {
        assertThatThrownBy(() -> renderSmall("{% for i in range(100) %}{{ 'x' * 200 }}{% endfor %}"))
                .isInstanceOf(TemplateRenderException.class)
                .hasMessageContaining("render limit exceeded: output longer than 10000 characters");
    }

    @Test
    void render_hugeRepetition_failsBeforeAllocating() {
        assertThatThrownBy(() -> render("{{ 'x' * 4000000000 }}"))
                .isInstanceOf(TemplateRenderException.class)
                .hasMessageContaining("render limit exceeded");
    }

    @Test
    void render_listDoublingInLoop_failsAtLengthLimit() {
        assertThatThrownBy(() -> renderSmall("{% set ns = namespace(l=[1]) %}{% for i in range(100) %}"
                + "{% set ns.l = ns.l + ns.l %}{% endfor %}"))
                .isInstanceOf(TemplateRenderException.class)
                .hasMessageContaining("render limit exceeded");
    }

    @Test
    void render_nestedLoopsBeyondIterationLimit_fail() {
        assertThatThrownBy(() -> renderSmall("{% for a in range(100) %}{% for b in range(100) %}{% endfor %}{% endfor %}"))
                .isInstanceOf(TemplateRenderException.class)
                .hasMessageContaining("more than 1000 loop iterations and macro calls");
    }

    @Test
    void render_unboundedMacroRecursion_failsAtDepthLimit() {
        assertThatThrownBy(() -> renderSmall("{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}"))
                .isInstanceOf(TemplateRenderException.class)
                .hasMessageContaining("macro calls nested deeper than 20");
    }

    @Test
    void render_exponentialMacroCalls_failAtIterationLimit() {
        assertThatThrownBy(() -> renderSmall("{% macro f(n) %}{% if n > 0 %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}"
                + "{% endmacro %}{{ f(18) }}"))
                .isInstanceOf(TemplateRenderException.class)
                .hasMessageContaining("render limit exceeded");
    }

    @Test
    void render_rangeAboveSandboxMaximum_fails() {
        assertThatThrownBy(() -> render("{% for i in range(1000000) %}{% endfor %}"))
                .isInstanceOf(TemplateRenderException.class)
                .hasMessageContaining("Range too big");
    }

    @Test
    void parse_deeplyNestedExpression_failsCleanly() {
        String nested = "{{ " + "(".repeat(5000) + "1" + ")".repeat(5000) + " }}";
        assertThatThrownBy(() -> JinjaTemplate.parse(nested)).isInstanceOf(TemplateSyntaxException.class);
    }

    @Test
    void parse_deeplyNestedBlocks_failsCleanly() {
        String nested = "{% if true %}".repeat(20000) + "x" + "{% endif %}".repeat(20000);
        assertThatThrownBy(() -> JinjaTemplate.parse(nested)).isInstanceOf(TemplateSyntaxException.class);
    }

    @Test
    void renderLimits_nonPositive_areRejected() {
        assertThatThrownBy(() -> new RenderLimits(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void render_sharedTemplateFromManyThreads_rendersEachContext() throws Exception {
        JinjaTemplate template = JinjaTemplate.parse(
                "{% set ns = namespace(n=0) %}{% for m in messages %}{% set ns.n = ns.n + m %}{% endfor %}{{ ns.n }}");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                int n = i;
                results.add(pool.submit(() -> template.render(Map.of("messages", List.of(n, n, n)))));
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).isEqualTo(String.valueOf(3 * i));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
