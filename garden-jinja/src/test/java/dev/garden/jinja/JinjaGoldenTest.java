package dev.garden.jinja;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Renders real chat templates with every test conversation and compares, byte for byte, with what Python's jinja2
 * produced in Hugging Face's environment ({@code src/test/python/generate_goldens.py} wrote the goldens). Where Python
 * failed, the render must fail the same way: {@link TemplateRaisedException} with the template's message for
 * {@code raise_exception}, otherwise a {@link TemplateRenderException} whose reason reads exactly as Python's error.
 */
class JinjaGoldenTest {
    private static final Path RESOURCES = resources();
    /** The moment generate_goldens.py gives strftime_now. */
    private static final Clock FIXED_NOW = Clock.fixed(Instant.parse("2025-07-26T14:05:09Z"), ZoneOffset.UTC);

    static Stream<Arguments> goldens() throws IOException {
        Map<String, Object> models = Json.parseObject(read(RESOURCES.resolve("templates/models.json")));
        List<Path> cases;
        try (Stream<Path> files = Files.list(RESOURCES.resolve("cases"))) {
            cases = files.filter(path -> path.toString().endsWith(".json")).sorted().toList();
        }
        List<Arguments> arguments = new ArrayList<>();
        for (String template : models.keySet()) {
            for (Path casePath : cases) {
                arguments.add(Arguments.of(template, casePath.getFileName().toString().replace(".json", "")));
            }
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("goldens")
    void render_realTemplate_matchesPythonJinja2(String templateName, String caseName) {
        JinjaTemplate template = JinjaTemplate.parse(read(RESOURCES.resolve("templates").resolve(templateName)));
        Map<String, Object> context = context(templateName, caseName);
        Path goldenDir = RESOURCES.resolve("goldens").resolve(templateName.replace(".jinja", ""));
        Path expected = goldenDir.resolve(caseName + ".txt");
        if (Files.exists(expected)) {
            assertThat(template.render(context)).isEqualTo(read(expected));
            return;
        }
        Map<String, Object> error = Json.parseObject(read(goldenDir.resolve(caseName + ".error.json")));
        if ((Boolean) error.get("raised")) {
            assertThatThrownBy(() -> template.render(context))
                    .isExactlyInstanceOf(TemplateRaisedException.class)
                    .hasMessage((String) error.get("message"));
        } else {
            assertThatThrownBy(() -> template.render(context))
                    .isInstanceOf(TemplateRenderException.class)
                    .isNotInstanceOf(TemplateRaisedException.class)
                    .extracting(e -> ((TemplateRenderException) e).reason())
                    .isEqualTo(error.get("message"));
        }
    }

    /** The context generate_goldens.py renders with, which is what transformers' apply_chat_template passes. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> context(String templateName, String caseName) {
        Map<String, Object> models = Json.parseObject(read(RESOURCES.resolve("templates/models.json")));
        Map<String, Object> tokens = (Map<String, Object>) ((Map<String, Object>) models.get(templateName)).get("tokens");
        Map<String, Object> testCase = Json.parseObject(read(RESOURCES.resolve("cases").resolve(caseName + ".json")));
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("messages", testCase.get("messages"));
        context.put("tools", testCase.get("tools"));
        context.put("documents", null);
        context.put("add_generation_prompt", testCase.get("add_generation_prompt"));
        tokens.forEach((name, value) -> {
            if (value != null) {
                context.put(name, value);
            }
        });
        if (testCase.get("extra_context") instanceof Map<?, ?> extra) {
            extra.forEach((name, value) -> context.put((String) name, value));
        }
        context.put("raise_exception", JinjaFunctions.raiseException());
        context.put("strftime_now", JinjaFunctions.strftimeNow(FIXED_NOW));
        return context;
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path resources() {
        try {
            return Path.of(JinjaGoldenTest.class.getResource("/templates/models.json").toURI()).getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
