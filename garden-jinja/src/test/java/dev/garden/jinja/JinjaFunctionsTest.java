package dev.garden.jinja;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.garden.jinja.Rendering.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The functions Hugging Face provides to chat templates, and functions a caller passes in the context. */
class JinjaFunctionsTest {
    private static final Clock JULY = Clock.fixed(Instant.parse("2025-07-26T14:05:09Z"), ZoneOffset.UTC);
    private static final Clock MARCH = Clock.fixed(Instant.parse("2024-03-05T09:04:03Z"), ZoneOffset.UTC);

    @Test
    void strftimeNow_llamaDateFormat_printsDayMonthYear() {
        assertThat(render("{{ strftime_now('%d %b %Y') }}", "strftime_now", JinjaFunctions.strftimeNow(JULY)))
                .isEqualTo("26 Jul 2025");
    }

    @Test
    void strftimeNow_commonDirectives_matchPython() {
        // Expected values are Python's datetime.strftime on Linux for the same instant.
        assertThat(render("{{ strftime_now('%d %b %Y %B %m %H:%M:%S %y %A %a %j %p %I %e') }}",
                "strftime_now", JinjaFunctions.strftimeNow(JULY)))
                .isEqualTo("26 Jul 2025 July 07 14:05:09 25 Saturday Sat 207 PM 02 26");
    }

    @Test
    void strftimeNow_paddingFlagsAndCompositeDirectives_matchPython() {
        assertThat(render("{{ strftime_now('%-d %-m %e %I %p %j %U %W %w %u %V %G %C %D %F %T %R %r %x %X %c %h %%') }}",
                "strftime_now", JinjaFunctions.strftimeNow(MARCH)))
                .isEqualTo("5 3  5 09 AM 065 09 10 2 2 10 2024 20 03/05/24 2024-03-05 09:04:03 09:04 09:04:03 AM "
                        + "03/05/24 09:04:03 Tue Mar  5 09:04:03 2024 Mar %");
    }

    @Test
    void strftimeNow_weekNumbersAtYearStart_matchPython() {
        Clock newYear = Clock.fixed(Instant.parse("2021-01-03T00:00:00Z"), ZoneOffset.UTC);
        assertThat(render("{{ strftime_now('%U %W %V %G %j %I %p') }}", "strftime_now",
                JinjaFunctions.strftimeNow(newYear)))
                .isEqualTo("01 00 53 2020 003 12 AM");
    }

    @Test
    void strftimeNow_clockZone_isUsed() {
        Clock tokyo = Clock.fixed(Instant.parse("2025-07-26T20:00:00Z"), java.time.ZoneId.of("Asia/Tokyo"));
        assertThat(render("{{ strftime_now('%d %H') }}", "strftime_now", JinjaFunctions.strftimeNow(tokyo)))
                .isEqualTo("27 05");
    }

    @Test
    void raiseException_message_isExactlyTheTemplates() {
        assertThatThrownBy(() -> render("line one\n{{ raise_exception('Conversation roles must alternate!') }}",
                "raise_exception", JinjaFunctions.raiseException()))
                .isExactlyInstanceOf(TemplateRaisedException.class)
                .hasMessage("Conversation roles must alternate!");
    }

    @Test
    void raiseException_insideMacroAndLoop_keepsMessage() {
        String template = "{% macro check(m) %}{% if m.role != 'user' %}{{ raise_exception('Bad role: ' + m.role) }}"
                + "{% endif %}{% endmacro %}{% for m in messages %}{{ check(m) }}{% endfor %}";
        assertThatThrownBy(() -> render(template, "messages", List.of(Map.of("role", "tool")),
                "raise_exception", JinjaFunctions.raiseException()))
                .isExactlyInstanceOf(TemplateRaisedException.class)
                .hasMessage("Bad role: tool");
    }

    @Test
    void raiseException_nonStringMessage_isPrintedAsPython() {
        assertThatThrownBy(() -> render("{{ raise_exception([1, 'a']) }}", "raise_exception",
                JinjaFunctions.raiseException()))
                .isExactlyInstanceOf(TemplateRaisedException.class)
                .hasMessage("[1, 'a']");
    }

    @Test
    void callerFunction_receivesPlainJavaValuesInOrder() {
        List<Object> seen = new ArrayList<>();
        JinjaFunction record = (args, kwargs) -> {
            seen.add(args);
            seen.add(kwargs);
            return "ok";
        };
        assertThat(render("{{ f('<b>'|safe, missing, 1, 2.5, none, [1], b=1, a=2) }}", "f", record)).isEqualTo("ok");
        assertThat(seen).containsExactly(java.util.Arrays.asList("<b>", null, 1L, 2.5, null, List.of(1L)),
                Map.of("b", 1L, "a", 2L));
        assertThat(List.copyOf(((Map<?, ?>) seen.get(1)).keySet())).isEqualTo(List.of("b", "a"));
    }

    @Test
    void callerFunction_nestedTemplateValues_arePlainJava() {
        List<Object> seen = new ArrayList<>();
        JinjaFunction record = (args, kwargs) -> {
            seen.addAll(args);
            return "";
        };
        render("{{ f(['<b>'|safe, missing], namespace(a=1), [1, 2]|map('string')) }}", "f", record);
        assertThat(seen).containsExactly(java.util.Arrays.asList("<b>", null), Map.of("a", 1L), List.of("1", "2"));
    }

    @Test
    void callerFunction_resultIsATemplateValue() {
        JinjaFunction pair = (args, kwargs) -> List.of("x", 3);
        assertThat(render("{{ pair() }} {{ pair()[1] + 1 }}", "pair", pair)).isEqualTo("['x', 3] 4");
    }

    @Test
    void callerFunction_throwingRuntimeException_failsRenderWithCause() {
        JinjaFunction broken = (args, kwargs) -> {
            throw new IllegalStateException("boom");
        };
        assertThatThrownBy(() -> render("{{ broken() }}", "broken", broken))
                .isExactlyInstanceOf(TemplateRenderException.class)
                .hasRootCauseInstanceOf(IllegalStateException.class);
    }
}
