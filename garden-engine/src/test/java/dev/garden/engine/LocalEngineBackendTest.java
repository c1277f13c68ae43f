package dev.garden.engine;

import dev.garden.llama.testing.NativeFixtures;
import dev.garden.core.ErrorKind;
import dev.garden.core.GardenException;
import dev.garden.core.inference.ChatMessage;
import dev.garden.core.inference.FinishReason;
import dev.garden.core.inference.Generation;
import dev.garden.core.inference.GenerationStream;
import dev.garden.core.inference.InferenceEvent;
import dev.garden.core.inference.InferenceRequest;
import dev.garden.core.inference.Role;
import dev.garden.core.inference.SamplingParams;
import dev.garden.core.inference.Usage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded backend over stories260K, which has no chat template of its own: one is given as an override. */
class LocalEngineBackendTest {
    // Writes BOS itself, as many real templates do; the tokenizer would add a second one if it were left in.
    static final String TEMPLATE = "{{ bos_token }}{% for m in messages %}"
            + "{% if m['role'] == 'assistant' %}{{ raise_exception('stories have no assistant') }}{% endif %}"
            + "{{ m['content'] }}{% endfor %}";
    static final EngineOptions OPTIONS = new EngineOptions(2, 256, 64, 2, 4, Duration.ofSeconds(1));
    static final SamplingParams GREEDY = new SamplingParams(0, 1, OptionalLong.empty(), 0, 0);

    static LocalEngineBackend backend;

    @BeforeAll
    static void open() {
        backend = LocalEngineBackend.open("test/stories", NativeFixtures.library(), NativeFixtures.stories260K(),
                Optional.of(TEMPLATE), OPTIONS, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    }

    @AfterAll
    static void close() {
        backend.close();
    }

    static InferenceRequest request(List<ChatMessage> messages, int maxTokens) {
        return new InferenceRequest("test/stories", messages, GREEDY, OptionalInt.of(maxTokens), List.of(), 1);
    }

    @Test
    void tokenize_templateWritesBos_promptHasExactlyOneBos() {
        int[] tokens = backend.tokenize("<s>Once upon");
        int bos = backend.engine().model().bosToken();
        assertThat(tokens[0]).isEqualTo(bos);
        assertThat(tokens[1]).isNotEqualTo(bos);
    }

    @Test
    void generate_emptyConversationText_continuesFromBosLikeTheReference() throws Exception {
        GenerationStream stream = new GenerationStream();
        backend.generate(request(List.of(ChatMessage.text(Role.USER, "")), 40), stream);

        StringBuilder text = new StringBuilder();
        GenerationStream.Item item;
        FinishReason reason = null;
        while (!((item = stream.take()) instanceof GenerationStream.Completed)) {
            switch (item) {
                case GenerationStream.Event(InferenceEvent.TextDelta delta) -> text.append(delta.text());
                case GenerationStream.Event(InferenceEvent.ChoiceFinished finished) -> reason = finished.reason();
                case GenerationStream.Failed failed -> throw failed.error();
                default -> throw new AssertionError(item);
            }
        }
        assertThat(text.toString()).isEqualTo(StoriesGreedyTest.REFERENCE_TEXT);
        assertThat(reason).isEqualTo(FinishReason.LENGTH);
        assertThat(((GenerationStream.Completed) item).usage()).isEqualTo(new Usage(1, 40));
    }

    @Test
    void generate_templateRaises_isInvalidArgumentWithTheTemplatesMessage() {
        List<ChatMessage> messages = List.of(ChatMessage.text(Role.USER, "hi"), ChatMessage.text(Role.ASSISTANT, "x"));
        assertThatThrownBy(() -> backend.generate(request(messages, 4), new GenerationStream()))
                .isInstanceOfSatisfying(GardenException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
                    assertThat(e.getMessage()).isEqualTo("stories have no assistant");
                });
    }

    @Test
    void generate_promptLongerThanContext_isInvalidArgumentWithCounts() {
        String longText = "Once upon a time ".repeat(200);
        assertThatThrownBy(() -> backend.generate(request(List.of(ChatMessage.text(Role.USER, longText)), 4),
                new GenerationStream()))
                .isInstanceOfSatisfying(GardenException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
                    assertThat(e.getMessage()).contains("input token count").contains("(255)");
                });
    }

    @Test
    void cancel_underWay_endsWithCancelled() throws Exception {
        GenerationStream stream = new GenerationStream();
        Generation generation = backend.generate(request(List.of(ChatMessage.text(Role.USER, "")), 250), stream);
        assertThat(stream.take()).isInstanceOf(GenerationStream.Event.class);
        generation.cancel();
        GenerationStream.Item item;
        do {
            item = stream.take();
        } while (item instanceof GenerationStream.Event);
        assertThat(item).isInstanceOfSatisfying(GenerationStream.Failed.class,
                failed -> assertThat(failed.error().kind()).isEqualTo(ErrorKind.CANCELLED));
    }

    @Test
    void open_modelWithoutTemplateAndNoOverride_failsSayingSo() {
        assertThatThrownBy(() -> LocalEngineBackend.open("test/bare", NativeFixtures.library(),
                NativeFixtures.stories260K(), Optional.empty(), OPTIONS, Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no chat template");
    }
}
