package dev.garden.cli;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.NotFoundException;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import dev.garden.models.fetch.FetchConfig;
import dev.garden.models.fetch.ProgressListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The official {@code openai-java} client against a real Garden serving the real default model, exactly as one
 * would point it at Vertex AI: only the base URL differs. Response validation is on, so any field the SDK's
 * schema requires and Garden leaves out fails the test.
 */
class OpenAiJavaConformanceTest {
    static final String MODEL = "huggingfacetb/smollm2-135m-instruct";

    static GardenApp garden;
    static OpenAIClient client;

    @BeforeAll
    static void start() throws Exception {
        Path home = Files.createTempDirectory("garden-home");
        Path cache = Path.of(System.getProperty("garden.test.cache", "../.cache")).toAbsolutePath();
        GardenEnvironment env = new GardenEnvironment(home, cache, FetchConfig.fromEnvironment());
        GardenApp.Config config = new GardenApp.Config(env, "127.0.0.1", 0, List.of(MODEL),
                new EngineSettings(4, OptionalInt.of(2048), Runtime.getRuntime().availableProcessors(), 16),
                20L << 20, Optional.empty());
        garden = GardenApp.start(config, ProgressListener.console(), port -> { });
        client = OpenAIOkHttpClient.builder()
                .baseUrl("http://127.0.0.1:" + garden.port()
                        + "/v1/projects/my-project/locations/us-central1/endpoints/openapi")
                .apiKey("not-checked-until-authentication")
                .maxRetries(0)
                .responseValidation(true)
                .build();
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (garden != null) {
            garden.close();
        }
    }

    @Test
    void create_plainRequest_returnsAValidCompletion() {
        ChatCompletion completion = client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model(MODEL)
                .addSystemMessage("You are a helpful assistant.")
                .addUserMessage("Why is the sky blue?")
                .maxCompletionTokens(48)
                .build());

        assertThat(completion.model()).isEqualTo(MODEL);
        assertThat(completion.choices()).hasSize(1);
        ChatCompletion.Choice choice = completion.choices().getFirst();
        assertThat(choice.message().content()).isPresent().get().asString().isNotBlank();
        assertThat(choice.finishReason().asString()).isIn("stop", "length");
        assertThat(completion.usage()).isPresent();
        assertThat(completion.usage().get().completionTokens()).isPositive();
    }

    @Test
    void createStreaming_accumulatedChunks_equalThePlainGreedyAnswer() {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model(MODEL)
                .addUserMessage("Say something about gardens.")
                .maxCompletionTokens(32)
                .temperature(0.0)
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
                .build();
        String plain = client.chat().completions().create(params).choices().getFirst().message().content()
                .orElseThrow();

        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
            stream.stream().forEach(chunk -> {
                chunks.add(chunk);
                accumulator.accumulate(chunk);
            });
        }
        ChatCompletion streamed = accumulator.chatCompletion();

        assertThat(streamed.choices().getFirst().message().content()).contains(plain);
        assertThat(chunks.stream().map(ChatCompletionChunk::id).distinct()).hasSize(1);
        assertThat(chunks.getFirst().choices().getFirst().delta().role()).isPresent();
        assertThat(chunks.getLast().choices()).isEmpty();
        assertThat(chunks.getLast().usage()).isPresent();
    }

    @Test
    void create_unknownModel_isNotFoundNamingTheAvailableOnes() {
        assertThatThrownBy(() -> client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("google/gemini-2.0-flash-001").addUserMessage("Hi").build()))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining(MODEL);
    }

    @Test
    void create_temperatureOutOfRange_isBadRequestNamingTheField() {
        assertThatThrownBy(() -> client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model(MODEL).addUserMessage("Hi").temperature(7.0).build()))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("temperature");
    }

    @Test
    void create_severalChoicesWithSeed_areRepeatable() {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model(MODEL).addUserMessage("Name a flower.").maxCompletionTokens(12).n(2).seed(99L).build();
        ChatCompletion first = client.chat().completions().create(params);
        ChatCompletion second = client.chat().completions().create(params);
        assertThat(first.choices()).hasSize(2);
        assertThat(second.choices().stream().map(c -> c.message().content())).containsExactlyElementsOf(
                first.choices().stream().map(c -> c.message().content()).toList());
    }
}
