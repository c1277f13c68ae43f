package dev.garden.server;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.FunctionDefinition;
import com.openai.models.ReasoningEffort;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.StructuredChatCompletion;
import dev.garden.core.inference.ResponseFormat;
import dev.garden.core.inference.SamplingParams;
import dev.garden.core.inference.ToolDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The official {@code openai-java} client against the scripted models: its {@link ChatCompletionAccumulator} must
 * rebuild from Garden's stream what the non-streamed answer holds, and its response validation (strict: every field
 * its schema requires, of the right type) must accept Garden's answers with tool calls, thoughts and usage details.
 */
class OpenAiJavaClientTest {
    private final ScriptedRegistry registry = new ScriptedRegistry();
    private GardenServer server;
    private OpenAIClient client;

    @BeforeEach
    void start() {
        server = TestServers.start(registry);
        client = OpenAIOkHttpClient.builder()
                .baseUrl("http://127.0.0.1:" + server.port() + TestServers.OPENAPI_PATH)
                .apiKey("not-checked-by-the-test-server")
                .maxRetries(0)
                .responseValidation(true)
                .build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop();
    }

    private static ChatCompletionCreateParams.Builder weatherAndTime(String model) {
        return ChatCompletionCreateParams.builder()
                .model(model)
                .addUserMessage("Weather and time in Paris?")
                .addFunctionTool(FunctionDefinition.builder().name("get_weather").build())
                .addFunctionTool(FunctionDefinition.builder().name("get_time").build())
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build());
    }

    /** Streams the request, accumulating every chunk; the chunks are returned too. */
    private ChatCompletion accumulate(ChatCompletionCreateParams params, List<ChatCompletionChunk> chunks) {
        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
            stream.stream().forEach(chunk -> {
                chunks.add(chunk);
                accumulator.accumulate(chunk);
            });
        }
        return accumulator.chatCompletion();
    }

    private static List<ChatCompletionMessageFunctionToolCall> functionCalls(ChatCompletion completion) {
        return completion.choices().getFirst().message().toolCalls().orElseThrow().stream()
                .map(ChatCompletionMessageToolCall::asFunction).toList();
    }

    @Test
    void accumulator_parallelCallsWithInterleavedFragments_rebuildsTheNonStreamedCalls() {
        ChatCompletionCreateParams params = weatherAndTime("scripted/parallel-tools").build();
        ChatCompletion plain = client.chat().completions().create(params);

        List<ChatCompletionChunk> chunks = new ArrayList<>();
        ChatCompletion streamed = accumulate(params, chunks);

        for (ChatCompletion completion : List.of(plain, streamed)) {
            assertThat(functionCalls(completion))
                    .extracting(call -> call.id(), call -> call.function().name(), call -> call.function().arguments())
                    .containsExactly(tuple("call_1", "get_weather", "{\"city\":\"Paris\"}"),
                            tuple("call_2", "get_time", "{\"tz\":\"CET\"}"));
            ChatCompletion.Choice choice = completion.choices().getFirst();
            assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
            assertThat(choice.message().content()).as("a turn that only calls tools").isEmpty();
        }
        assertThat(streamed.usage()).isEqualTo(plain.usage());
        assertThat(chunks.stream().map(ChatCompletionChunk::id).distinct()).hasSize(1);
        assertThat(chunks.getFirst().choices().getFirst().delta().role()).isPresent();
    }

    @Test
    void accumulator_thoughtsThenCall_rebuildsTheCallAndKeepsTheThoughtsAsAnExtraField() {
        ChatCompletionCreateParams params = weatherAndTime("scripted/tool-call")
                .putAdditionalBodyProperty("extra_body", JsonValue.from(Map.of("google",
                        Map.of("thinking_config", Map.of("include_thoughts", true)))))
                .build();
        ChatCompletion plain = client.chat().completions().create(params);

        ChatCompletion streamed = accumulate(params, new ArrayList<>());

        assertThat(functionCalls(streamed)).isEqualTo(functionCalls(plain));
        for (ChatCompletion completion : List.of(plain, streamed)) {
            ChatCompletionMessage message = completion.choices().getFirst().message();
            assertThat(message._allProperties().get("reasoning_content"))
                    .isEqualTo(JsonValue.from("I should call get_weather."));
        }
    }

    @Test
    void stream_reasoningInTwoFragments_joinsToTheNonStreamedThoughts() {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model("scripted/reasoner")
                .addUserMessage("Hi")
                .putAdditionalBodyProperty("google", JsonValue.from(Map.of("thinking_config",
                        Map.of("thinking_budget", -1, "include_thoughts", true))))
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
                .build();
        ChatCompletion plain = client.chat().completions().create(params);
        List<ChatCompletionChunk> chunks = new ArrayList<>();

        ChatCompletion streamed = accumulate(params, chunks);

        // The accumulator keeps unknown delta fields by replacing them (putAllAdditionalProperties), so it holds only
        // the last fragment of reasoning_content; the fragments themselves are all in the chunks.
        String joined = chunks.stream()
                .flatMap(chunk -> chunk.choices().stream())
                .map(choice -> choice.delta()._allProperties().get("reasoning_content"))
                .filter(Objects::nonNull)
                .map(value -> value.convert(String.class))
                .collect(Collectors.joining());
        assertThat(joined).isEqualTo("The user greets me.");
        assertThat(plain.choices().getFirst().message()._allProperties().get("reasoning_content"))
                .isEqualTo(JsonValue.from(joined));
        assertThat(streamed.choices().getFirst().message().content()).isEqualTo(plain.choices().getFirst()
                .message().content()).contains("Hello!");
        assertThat(streamed.usage().orElseThrow().completionTokensDetails().orElseThrow().reasoningTokens())
                .contains(4L);
    }

    @Test
    void create_reasoningEffort_validatesWithReasoningTokensAndNoThoughts() {
        ChatCompletion completion = client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("scripted/reasoner").addUserMessage("Hi").reasoningEffort(ReasoningEffort.LOW).build());

        assertThat(completion.choices().getFirst().message()._allProperties())
                .doesNotContainKey("reasoning_content");
        assertThat(completion.usage().orElseThrow().completionTokensDetails().orElseThrow().reasoningTokens())
                .contains(4L);
        assertThat(registry.backend("scripted/reasoner").lastRequest().reasoning().budget()).hasValue(1024);
    }

    @Test
    void create_samplingLeftOut_getsTheModelsDefaults_givenSamplingWins() {
        client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("scripted/reasoner").addUserMessage("Hi").build());
        SamplingParams defaulted = registry.backend("scripted/reasoner").lastRequest().sampling();
        assertThat(defaulted.temperature()).isEqualTo(0.6);
        assertThat(defaulted.topP()).isEqualTo(0.95);

        client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("scripted/reasoner").addUserMessage("Hi").temperature(1.0).build());
        SamplingParams given = registry.backend("scripted/reasoner").lastRequest().sampling();
        assertThat(given.temperature()).isEqualTo(1.0);
        assertThat(given.topP()).isEqualTo(0.95);
    }

    @Test
    void create_reasoningEffortTheApiDoesNotKnow_isBadRequestNamingTheField() {
        assertThatThrownBy(() -> client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("scripted/reasoner").addUserMessage("Hi").reasoningEffort(ReasoningEffort.XHIGH).build()))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("reasoning_effort");
    }

    /** What openai-java's {@code responseFormat(Class)} turns into a strict JSON schema. */
    static final class Book {
        @JsonProperty("title")
        public String title;
        @JsonProperty("year")
        public int year;
    }

    @Test
    void create_structuredOutputClass_sendsAStrictSchemaAndParsesTheAnswer() {
        StructuredChatCompletion<Book> completion = client.chat().completions().create(
                ChatCompletionCreateParams.builder()
                        .model("scripted/echo")
                        .addUserMessage("{\"title\":\"Dune\",\"year\":1965}")
                        .responseFormat(Book.class)
                        .build());

        Book book = completion.choices().getFirst().message().content().orElseThrow();
        assertThat(book.title).isEqualTo("Dune");
        assertThat(book.year).isEqualTo(1965);
        ResponseFormat format = registry.backend("scripted/echo").lastRequest().format();
        assertThat(format).isInstanceOfSatisfying(ResponseFormat.JsonSchema.class, schema -> {
            assertThat(schema.name()).isEqualTo("json-schema-from-Book");
            assertThat(schema.strict()).isTrue();
            assertThat(schema.schema()).contains("\"title\"", "\"year\"", "\"additionalProperties\":false");
        });
    }

    /** What openai-java's {@code addTool(Class)} turns into a strict function tool. */
    static final class GetWeather {
        @JsonProperty("city")
        public String city;
    }

    @Test
    void create_toolFromClass_sendsAStrictToolAndItsArgumentsParse() {
        ChatCompletion completion = client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("scripted/tool-call").addUserMessage("Weather in Paris?").addTool(GetWeather.class).build());

        GetWeather arguments = functionCalls(completion).getFirst().function().arguments(GetWeather.class);
        assertThat(arguments.city).isEqualTo("Paris");
        ToolDefinition tool = registry.backend("scripted/tool-call").lastRequest().tools().getFirst();
        assertThat(tool.name()).isEqualTo("GetWeather");
        assertThat(tool.strict()).isTrue();
        assertThat(tool.parameters()).contains("\"city\"");
    }
}
