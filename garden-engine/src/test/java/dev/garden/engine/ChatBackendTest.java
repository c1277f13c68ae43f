package dev.garden.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.garden.core.ErrorKind;
import dev.garden.core.GardenException;
import dev.garden.core.inference.ChatMessage;
import dev.garden.core.inference.FinishReason;
import dev.garden.core.inference.GenerationStream;
import dev.garden.core.inference.InferenceEvent;
import dev.garden.core.inference.InferenceRequest;
import dev.garden.core.inference.Reasoning;
import dev.garden.core.inference.ResponseFormat;
import dev.garden.core.inference.Role;
import dev.garden.core.inference.SamplingParams;
import dev.garden.core.inference.ToolChoice;
import dev.garden.core.inference.ToolDefinition;
import dev.garden.core.inference.Usage;
import dev.garden.gguf.testing.Qwen3TestModel;
import dev.garden.llama.LlamaModel;
import dev.garden.llama.testing.NativeFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded backend with a thinking, tool-calling model: the random-weight model with Qwen3's real tokenizer and
 * chat template. Its output is noise, so what these tests prove is what Garden imposes on it: exact thinking budgets,
 * the thinking switch, calls forced by {@code tool_choice}, and the parsing of the output into thoughts and calls.
 */
class ChatBackendTest {
    static final EngineOptions OPTIONS = new EngineOptions(3, 1024, 256, 2, 4, Duration.ofSeconds(1));
    static final Clock CLOCK = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
    static final ObjectMapper JSON = new ObjectMapper();
    static final ToolDefinition WEATHER = new ToolDefinition("get_weather", "The weather in a city",
            "{\"type\":\"object\",\"properties\":{\"city\":{\"enum\":[\"Paris\",\"Oslo\"]},"
                    + "\"days\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":7}},"
                    + "\"required\":[\"city\",\"days\"],\"additionalProperties\":false}", true);

    static Path gguf;
    static String template;
    static LocalEngineBackend qwen3;

    @BeforeAll
    static void open() {
        gguf = Qwen3TestModel.write();
        try (LlamaModel model = LlamaModel.load(NativeFixtures.library(), gguf)) {
            template = model.chatTemplate().orElseThrow();
        }
        qwen3 = LocalEngineBackend.open("test/qwen3", NativeFixtures.library(), gguf, Optional.empty(), OPTIONS,
                CLOCK);
    }

    @AfterAll
    static void close() {
        qwen3.close();
    }

    /**
     * The model with Qwen3's template changed to open the thought in the prompt, as QwQ's and DeepSeek-R1's templates
     * do: the model then thinks from its first token, and this random model would never close it by itself.
     */
    static LocalEngineBackend opensThoughtInPrompt() {
        String opensThought = template.replace("'<|im_start|>assistant\\n'", "'<|im_start|>assistant\\n<think>\\n'");
        assertThat(opensThought).isNotEqualTo(template);
        return LocalEngineBackend.open("test/qwq", NativeFixtures.library(), gguf, Optional.of(opensThought), OPTIONS,
                CLOCK);
    }

    static InferenceRequest request(int maxTokens, long seed, List<ToolDefinition> tools, ToolChoice choice,
                                    Reasoning reasoning) {
        return new InferenceRequest("test/qwen3", List.of(ChatMessage.text(Role.USER, "What is the weather?")),
                new SamplingParams(1.0, 1.0, OptionalLong.of(seed), 0, 0), OptionalInt.of(maxTokens), List.of(), 1,
                // One call per turn: offered parallel calls, a random model calls until it runs out of tokens.
                ResponseFormat.TEXT, tools, choice, false, reasoning);
    }

    /** Everything one generation produced. */
    record Result(List<InferenceEvent> events, Usage usage) {
        String text() {
            StringBuilder text = new StringBuilder();
            events.stream().filter(e -> e instanceof InferenceEvent.TextDelta)
                    .forEach(e -> text.append(((InferenceEvent.TextDelta) e).text()));
            return text.toString();
        }

        String reasoning() {
            StringBuilder text = new StringBuilder();
            events.stream().filter(e -> e instanceof InferenceEvent.ReasoningDelta)
                    .forEach(e -> text.append(((InferenceEvent.ReasoningDelta) e).text()));
            return text.toString();
        }

        List<InferenceEvent.ToolCallDelta> calls() {
            return events.stream().filter(e -> e instanceof InferenceEvent.ToolCallDelta)
                    .map(e -> (InferenceEvent.ToolCallDelta) e).toList();
        }

        FinishReason finish() {
            return events.stream().filter(e -> e instanceof InferenceEvent.ChoiceFinished)
                    .map(e -> ((InferenceEvent.ChoiceFinished) e).reason()).findFirst().orElseThrow();
        }
    }

    static Result run(LocalEngineBackend backend, InferenceRequest request) throws Exception {
        GenerationStream stream = new GenerationStream();
        backend.generate(request, stream);
        List<InferenceEvent> events = new ArrayList<>();
        while (true) {
            GenerationStream.Item item = stream.poll(120, TimeUnit.SECONDS);
            switch (item) {
                case GenerationStream.Event event -> events.add(event.event());
                case GenerationStream.Completed completed -> {
                    return new Result(events, completed.usage());
                }
                case GenerationStream.Failed failed -> throw failed.error();
                case null -> throw new AssertionError("no answer within 120 s");
            }
        }
    }

    @Test
    void thinkingBudget_promptOpensAThought_thoughtClosedAfterExactlyTheBudget() throws Exception {
        try (LocalEngineBackend backend = opensThoughtInPrompt()) {
            for (int budget : new int[]{1, 7, 24}) {
                Result result = run(backend, request(budget + 12, 3, List.of(), ToolChoice.AUTO,
                        new Reasoning(OptionalInt.of(budget), true)));

                // The budget's tokens, then "\n" and "</think>" fed by the engine (Qwen3's tokenizer splits the
                // closing "\n</think>\n\n" into "\n", "</think>", "\n\n").
                assertThat(result.usage().reasoningTokens()).as("budget %d", budget).isEqualTo(budget + 2);
                assertThat(result.reasoning()).isNotBlank().doesNotContain("</think>");
                assertThat(result.text()).isNotEmpty().doesNotContain("</think>");
            }
        }
    }

    @Test
    void thinkingBudget_thoughtsNotRequested_areCountedButNotSent() throws Exception {
        try (LocalEngineBackend backend = opensThoughtInPrompt()) {
            Result result = run(backend, request(20, 3, List.of(), ToolChoice.AUTO,
                    new Reasoning(OptionalInt.of(5), false)));

            assertThat(result.usage().reasoningTokens()).isEqualTo(7);
            assertThat(result.reasoning()).isEmpty();
            assertThat(result.text()).isNotEmpty();
        }
    }

    @Test
    void thinkingBudget_zero_templateSwitchesThinkingOff() throws Exception {
        Result result = run(qwen3, request(8, 5, List.of(), ToolChoice.AUTO, new Reasoning(OptionalInt.of(0), true)));

        assertThat(result.usage().reasoningTokens()).isZero();
        assertThat(result.reasoning()).isEmpty();
    }

    @Test
    void toolChoiceRequired_randomModel_makesAValidCall() throws Exception {
        for (long seed = 1; seed <= 5; seed++) {
            Result result = run(qwen3, request(120, seed, List.of(WEATHER), ToolChoice.REQUIRED,
                    new Reasoning(OptionalInt.of(0), false)));

            assertThat(result.finish()).as("seed %d: %s", seed, result.events()).isEqualTo(FinishReason.TOOL_CALLS);
            List<InferenceEvent.ToolCallDelta> calls = result.calls();
            assertThat(calls.getFirst().name()).isEqualTo("get_weather");
            assertThat(calls.getFirst().id()).isNotBlank();
            assertValidWeatherArguments(calls);
        }
    }

    @Test
    void toolChoiceRequired_promptOpensAThought_thinksForTheBudgetThenCalls() throws Exception {
        // The strict grammar covers the thought the prompt opened; the engine closes it at the budget, and the
        // grammar follows the closing tokens into the call.
        try (LocalEngineBackend backend = opensThoughtInPrompt()) {
            for (long seed = 1; seed <= 3; seed++) {
                Result result = run(backend, request(200, seed, List.of(WEATHER), ToolChoice.REQUIRED,
                        new Reasoning(OptionalInt.of(6), true)));

                assertThat(result.finish()).as("%s", result.events()).isEqualTo(FinishReason.TOOL_CALLS);
                assertThat(result.usage().reasoningTokens()).isEqualTo(6 + 2);
                assertThat(result.reasoning()).isNotBlank();
                assertValidWeatherArguments(result.calls());
            }
        }
    }

    @Test
    void toolChoiceNamed_functionNotOffered_isInvalidArgument() {
        assertThatThrownBy(() -> qwen3.generate(request(8, 1, List.of(WEATHER), new ToolChoice.Named("get_time"),
                Reasoning.DEFAULT), new GenerationStream()))
                .isInstanceOfSatisfying(GardenException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
                    assertThat(e.getMessage()).contains("get_time");
                });
    }

    @Test
    void responseFormat_schemaThatCannotBeEnforced_isInvalidArgument() {
        InferenceRequest request = new InferenceRequest("test/qwen3", List.of(ChatMessage.text(Role.USER, "hi")),
                SamplingParams.DEFAULTS, OptionalInt.of(8), List.of(), 1,
                new ResponseFormat.JsonSchema("tags", "{\"type\":\"object\",\"patternProperties\":{\"^x\":{}}}",
                        true), List.of(), ToolChoice.AUTO, true, Reasoning.DEFAULT);

        assertThatThrownBy(() -> qwen3.generate(request, new GenerationStream()))
                .isInstanceOfSatisfying(GardenException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
                    assertThat(e.getMessage()).contains("patternProperties");
                });
    }

    private static void assertValidWeatherArguments(List<InferenceEvent.ToolCallDelta> calls) throws Exception {
        StringBuilder arguments = new StringBuilder();
        for (InferenceEvent.ToolCallDelta delta : calls) {
            if (delta.index() == 0 && delta.arguments() != null) {
                arguments.append(delta.arguments());
            }
        }
        JsonNode parsed = JSON.readTree(arguments.toString());
        assertThat(parsed.path("city").asText()).isIn("Paris", "Oslo");
        assertThat(parsed.path("days").asInt()).isBetween(1, 7);
    }
}
