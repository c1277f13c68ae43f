package dev.garden.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResourcePrinterTest {

    @Test
    void yamlScalar_quotesOnlyWhatYamlWouldReadAsSomethingElse() {
        assertThat(Yaml.scalar("roles/aiplatform.user")).isEqualTo("roles/aiplatform.user");
        assertThat(Yaml.scalar("serviceAccount:a@b.iam.gserviceaccount.com")).isEqualTo(
                "serviceAccount:a@b.iam.gserviceaccount.com");
        assertThat(Yaml.scalar("104912345678901234567")).isEqualTo("'104912345678901234567'");
        assertThat(Yaml.scalar("2026-01-02T03:04:05Z")).isEqualTo("'2026-01-02T03:04:05Z'");
        assertThat(Yaml.scalar("true")).isEqualTo("'true'");
        assertThat(Yaml.scalar("")).isEqualTo("''");
        assertThat(Yaml.scalar("it's: here")).isEqualTo("'it''s: here'");
        assertThat(Yaml.scalar("- dash")).isEqualTo("'- dash'");
        assertThat(Yaml.scalar("two\nlines")).isEqualTo("\"two\\nlines\"");
        assertThat(Yaml.scalar(1)).isEqualTo("1");
    }

    @Test
    void yaml_listsOfMaps_useGcloudsBlockStyle() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("bindings", List.of(Map.of("members", List.of("user:a@example.com")), Map.of("role", "r")));
        document.put("empty", List.of());
        document.put("nested", Map.of("inner", "value"));

        assertThat(Yaml.write(document)).isEqualTo("""
                bindings:
                - members:
                  - user:a@example.com
                - role: r
                empty: []
                nested:
                  inner: value
                """);
    }

    @Test
    void json_isPythonsIndentTwo() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("list", List.of(1, 2));
        value.put("empty", List.of());
        value.put("object", Map.of());

        assertThat(Json.pretty(value)).isEqualTo("""
                {
                  "list": [
                    1,
                    2
                  ],
                  "empty": [],
                  "object": {}
                }
                """);
    }

    @Test
    void yamlList_separatesDocuments_andSortsKeys() {
        StringWriter out = new StringWriter();
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("b", "2");
        first.put("a", "x");

        ResourcePrinter.parse("yaml").list(new PrintWriter(out), new PrintWriter(new StringWriter()),
                List.of(first, Map.of("a", "y")), List.of());

        assertThat(out).hasToString("a: x\nb: '2'\n---\na: y\n");
    }

    @Test
    void parse_unknownFormat_namesTheOnesGardenPrints() {
        assertThatThrownBy(() -> ResourcePrinter.parse("csv(email)")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("json, yaml, table and value(FIELD,...)");
    }
}
