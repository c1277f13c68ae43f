package dev.garden.cli;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleAuthTestClock;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.openai.client.OpenAIClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.NotFoundException;
import com.openai.errors.UnauthorizedException;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.chat.completions.ChatCompletionToolChoiceOption;
import com.openai.models.chat.completions.StructuredChatCompletion;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import dev.garden.client.OpenAICredentialsRefresher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.garden.cli.TestGardens.MODEL;
import static dev.garden.cli.TestGardens.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The official {@code openai-java} client with {@code google-auth-library-java} credentials against a real Garden
 * serving the real default model, through {@link OpenAICredentialsRefresher}, exactly as one would point them at
 * Vertex AI: only the base URL and the key file differ. Response validation is on, so any field the SDK's schema
 * requires and Garden leaves out fails the test. Time moves by one injected clock, shared by Garden and the library.
 */
class OpenAiJavaConformanceTest {
    static final MutableClock CLOCK = new MutableClock(Instant.now());

    static GardenApp garden;
    static ServiceAccountCredentials credentials;
    static OpenAIClient client;

    @BeforeAll
    static void start() throws Exception {
        garden = TestGardens.start(TestGardens.engine(4, 16), CLOCK);
        credentials = (ServiceAccountCredentials) TestGardens.adminCredentials(garden)
                .createScoped(OpenAICredentialsRefresher.CLOUD_PLATFORM_SCOPE);
        GoogleAuthTestClock.use(credentials, CLOCK);
        client = OpenAICredentialsRefresher.builder()
                .baseUrl(TestGardens.baseUrl(garden, PROJECT))
                .credentials(credentials)
                .configure(options -> options.maxRetries(0).responseValidation(true))
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

    /** The seeds' CalendarEvent, as a Java class for {@code responseFormat(Class)}. */
    static final class CalendarEvent {
        @JsonProperty("name")
        public String name;
        @JsonProperty("date")
        public String date;
        @JsonProperty("participants")
        public List<String> participants;
    }

    @Test
    void create_responseFormatClass_everySeedParsesIntoTheClass() {
        for (long seed = 0; seed < 40; seed++) {
            StructuredChatCompletion<CalendarEvent> completion = client.chat().completions().create(
                    ChatCompletionCreateParams.builder()
                            .model(MODEL)
                            .addSystemMessage("Extract the event information.")
                            .addUserMessage("Alice and Bob are going to a science fair on Friday.")
                            .responseFormat(CalendarEvent.class)
                            .seed(seed)
                            .build());

            CalendarEvent event = completion.choices().getFirst().message().content().orElseThrow();
            assertThat(event.name).as("seed %d", seed).isNotNull();
            assertThat(event.date).isNotNull();
            assertThat(event.participants).isNotNull();
        }
    }

    /** A tool from a class, as {@code addTool(Class)} sends it: strict, every property required. */
    static final class GetWeather {
        @JsonProperty("city")
        public String city;
    }

    @Test
    void createStreaming_requiredToolFromClass_accumulatorRebuildsACallWhoseArgumentsParse() {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model(MODEL)
                .addUserMessage("What's the weather like in Paris today?")
                .addTool(GetWeather.class)
                .toolChoice(ChatCompletionToolChoiceOption.Auto.REQUIRED)
                .parallelToolCalls(false)
                .build();

        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
            stream.stream().forEach(accumulator::accumulate);
        }
        ChatCompletion.Choice choice = accumulator.chatCompletion().choices().getFirst();

        assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
        List<ChatCompletionMessageToolCall> calls = choice.message().toolCalls().orElseThrow();
        assertThat(calls).hasSize(1);
        ChatCompletionMessageFunctionToolCall call = calls.getFirst().asFunction();
        assertThat(call.id()).isNotBlank();
        assertThat(call.function().name()).isEqualTo("GetWeather");
        assertThat(call.function().arguments(GetWeather.class).city).isNotNull();
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

    @Test
    void refresher_asTheTokenNearsExpiry_fetchesANewOneBeforeTheRequest() {
        ask();
        AccessToken before = credentials.getAccessToken();

        // 58 minutes on: inside the library's expiration margin (3 min 45 s), so the next request refreshes first.
        CLOCK.advance(Duration.ofMinutes(58));
        ask();

        AccessToken after = credentials.getAccessToken();
        assertThat(after.getTokenValue()).isNotEqualTo(before.getTokenValue());
        assertThat(after.getExpirationTime().toInstant()).isAfter(CLOCK.instant().plus(Duration.ofMinutes(55)));
    }

    @Test
    void staleToken_pastItsHourAtTheServer_isRefusedAsExpired() {
        ask();
        String token = credentials.getAccessToken().getTokenValue();
        CLOCK.advance(Duration.ofMinutes(61));

        OpenAIClient stale = OpenAIOkHttpClient.builder().baseUrl(TestGardens.baseUrl(garden, PROJECT))
                .apiKey(token).maxRetries(0).build();
        try {
            assertThatThrownBy(() -> stale.chat().completions().create(ChatCompletionCreateParams.builder()
                    .model(MODEL).addUserMessage("Hi").maxCompletionTokens(4).build()))
                    .isInstanceOfSatisfying(UnauthorizedException.class, refused ->
                            assertThat(refused.body().toString()).contains("ACCESS_TOKEN_EXPIRED"));
        } finally {
            stale.close();
        }
        // The refreshing client does not notice: it renews before it asks.
        ask();
    }

    private static void ask() {
        ChatCompletion completion = client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model(MODEL).addUserMessage("Hi").maxCompletionTokens(4).build());
        assertThat(completion.choices()).hasSize(1);
    }
}
