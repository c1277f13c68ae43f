package dev.garden.gguf;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link Json}: the values tokenizer files hold, and refusals that say where. */
class JsonTest {
    @Test
    void parse_nestedValues_keepsKeyOrderAndTypes() {
        Object value = Json.parse("""
                {"b": [1, -2, 3.5, 1e3, true, false, null], "a": {"x": "y"}, "big": 123456789012345678901}""");

        assertThat(value).isInstanceOf(Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) value;
        assertThat(map.keySet()).containsExactly("b", "a", "big");
        assertThat(map.get("b")).isEqualTo(Arrays.asList(1L, -2L, 3.5, 1000.0, true, false, null));
        assertThat(map.get("a")).isEqualTo(Map.of("x", "y"));
        assertThat(map.get("big")).isEqualTo(1.2345678901234568e20);
    }

    @Test
    void parse_escapes_giveTheCharacters() {
        assertThat(Json.parse("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u0120\\u00e9\"")).isEqualTo("a\"b\\c/d\b\f\n\r\tĠé");
        // A character outside the BMP arrives as a surrogate pair of escapes.
        assertThat(Json.parse("\"\\ud83e\\udd99 🦙\"")).isEqualTo("🦙 🦙");
    }

    @Test
    void parse_emptyContainersAndSpace_work() {
        assertThat(Json.parse(" \n\t{ } ")).isEqualTo(Map.of());
        assertThat(Json.parse("[ ]")).isEqualTo(List.of());
        assertThat(Json.parse("[[],[{}]]")).isEqualTo(List.of(List.of(), List.of(Map.of())));
    }

    @Test
    void parse_invalid_isRefusedWithItsPlace() {
        assertThatThrownBy(() -> Json.parse("{\"a\": 1,\n \"b\" 2}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2, column 6");
        for (String invalid : List.of("", "{", "[1,]", "{\"a\":1,}", "01", "1.", "-", "tru", "\"abc", "\"\\x\"",
                "\"a\nb\"", "[1] 2", "{1: 2}", "\"\\u12\"")) {
            assertThatThrownBy(() -> Json.parse(invalid)).as(invalid).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("invalid JSON");
        }
    }

    @Test
    void parse_tooDeep_isRefusedWithoutOverflowingTheStack() {
        char[] open = new char[100_000];
        Arrays.fill(open, '[');
        assertThatThrownBy(() -> Json.parse(new String(open)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nested deeper than");
    }
}
