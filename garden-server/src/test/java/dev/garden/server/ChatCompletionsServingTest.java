package dev.garden.server;

import dev.garden.core.ErrorKind;
import dev.garden.core.GardenException;
import dev.garden.core.IdGenerator;
import dev.garden.wire.openai.ChatCompletion;
import dev.garden.wire.openai.ChatCompletionChunk;
import dev.garden.wire.openai.ChatCompletionMessage;
import dev.garden.wire.openai.ChatCompletionMessageToolCall;
import dev.garden.wire.openai.ChatCompletionRequest;
import dev.garden.wire.openai.CompletionUsage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ChatCompletionsServingTest {
    /** A guard against a hung test, not a performance assertion. */
    private static final long TIMEOUT_SECONDS = 20;

    private final ScriptedRegistry registry = new ScriptedRegistry();
    private final ChatCompletionsServing serving =
            new ChatCompletionsServing(registry, TestServers.CLOCK, IdGenerator.sequential());

    private static final String WEATHER_AND_TIME = """
            "tools":[{"type":"function","function":{"name":"get_weather"}},\
            {"type":"function","function":{"name":"get_time"}}]""";

    private static ChatCompletionRequest request(String model, String extra) {
        String json = "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello there world\"}]"
                      + (extra.isEmpty() ? "" : "," + extra) + "}";
        return ChatCompletionRequestParser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void complete_echo_collectsTextFinishReasonAndUsage() {
        ChatCompletion completion = serving.complete(request("scripted/echo", ""));

        assertThat(completion).isEqualTo(ChatCompletion.of("chatcmpl-1", TestServers.CREATED, "scripted/echo",
                List.of(new ChatCompletion.Choice(0, ChatCompletionMessage.assistant("Hello there world"), null,
                        "stop")),
                CompletionUsage.of(3, 3, 0)));
        assertThat(serving.running()).isZero();
    }

    @Test
    void complete_interleavedChoices_ordersChoicesByIndex() {
        ChatCompletion completion = serving.complete(request("scripted/two-choices", "\"n\":2"));

        assertThat(completion.choices()).containsExactly(
                new ChatCompletion.Choice(0, ChatCompletionMessage.assistant("First answer."), null, "stop"),
                new ChatCompletion.Choice(1, ChatCompletionMessage.assistant("Second answer"), null, "length"));
    }

    @Test
    void complete_maxTokens_finishesWithLength() {
        ChatCompletion completion = serving.complete(request("scripted/length", "\"max_tokens\":2"));

        assertThat(completion.choices().getFirst().message().content()).isEqualTo("one two");
        assertThat(completion.choices().getFirst().finishReason()).isEqualTo("length");
    }

    @Test
    void complete_backendFailsMidway_throwsItsError() {
        GardenException e = catchThrowableOfType(GardenException.class,
                () -> serving.complete(request("scripted/fail-midstream", "")));

        assertThat(e.kind()).isEqualTo(ErrorKind.INTERNAL);
        assertThat(e.getMessage()).isEqualTo("The scripted model failed mid-stream.");
        assertThat(serving.running()).isZero();
    }

    @Test
    void complete_reasonerAskedForThoughts_returnsReasoningContentAndReasoningTokens() {
        ChatCompletion completion = serving.complete(request("scripted/reasoner",
                "\"extra_body\":{\"google\":{\"thinking_config\":{\"include_thoughts\":true}}}"));

        assertThat(completion.choices()).containsExactly(new ChatCompletion.Choice(0, new ChatCompletionMessage(
                "assistant", "Hello!", null, null, "The user greets me."), null, "stop"));
        assertThat(completion.usage()).isEqualTo(CompletionUsage.of(3, 6, 4));
    }

    @Test
    void complete_reasonerWithEffortOnly_hidesTheThoughtsTheBackendSent() {
        ChatCompletion completion = serving.complete(request("scripted/reasoner", "\"reasoning_effort\":\"high\""));

        assertThat(completion.choices().getFirst().message())
                .isEqualTo(ChatCompletionMessage.assistant("Hello!"));
        assertThat(completion.usage().completionTokensDetails().reasoningTokens()).isEqualTo(4);
    }

    @Test
    void complete_toolCallAfterThoughts_hasNullContentThoughtsAndTheCall() {
        ChatCompletion completion = serving.complete(request("scripted/tool-call", WEATHER_AND_TIME + ","
                + "\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"get_time\"}},"
                + "\"google\":{\"thinking_config\":{\"include_thoughts\":true}}"));

        assertThat(completion.choices()).containsExactly(new ChatCompletion.Choice(0, new ChatCompletionMessage(
                "assistant", null, null,
                List.of(ChatCompletionMessageToolCall.function("call_1", "get_time", "{\"city\":\"Paris\"}")),
                "I should call get_time."), null, "tool_calls"));
    }

    @Test
    void complete_parallelToolCalls_assemblesInterleavedFragmentsInIndexOrder() {
        ChatCompletion completion = serving.complete(request("scripted/parallel-tools", WEATHER_AND_TIME));

        assertThat(completion.choices()).containsExactly(new ChatCompletion.Choice(0, new ChatCompletionMessage(
                "assistant", null, null, List.of(
                        ChatCompletionMessageToolCall.function("call_1", "get_weather", "{\"city\":\"Paris\"}"),
                        ChatCompletionMessageToolCall.function("call_2", "get_time", "{\"tz\":\"CET\"}")),
                null), null, "tool_calls"));
        assertThat(completion.usage()).isEqualTo(CompletionUsage.of(3, 12, 0));
    }

    @Test
    void stream_reasonerWithoutIncludeThoughts_sendsNoReasoningChunk() {
        RecordingStream out = new RecordingStream(Integer.MAX_VALUE);

        serving.stream(request("scripted/reasoner", "\"stream\":true,\"reasoning_effort\":\"low\""), out);

        assertThat(out.chunks).allSatisfy(chunk -> assertThat(chunk.choices())
                .allSatisfy(choice -> assertThat(choice.delta().reasoningContent()).isNull()));
        assertThat(out.chunks.getFirst().choices().getFirst().delta())
                .isEqualTo(ChatCompletionChunk.ChoiceDelta.content("assistant", ""));
        assertThat(out.done).isTrue();
    }

    @Test
    void stream_failureBeforeFirstEvent_throwsAndSendsNothing() {
        RecordingStream out = new RecordingStream(Integer.MAX_VALUE);

        GardenException e = catchThrowableOfType(GardenException.class,
                () -> serving.stream(request("scripted/fail-early", "\"stream\":true"), out));

        assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
        assertThat(out.chunks).isEmpty();
        assertThat(out.failure).isNull();
    }

    @Test
    void stream_backendRefusesAtStart_throwsAndLeavesNothingRunning() {
        GardenException e = catchThrowableOfType(GardenException.class,
                () -> serving.stream(request("scripted/busy", "\"stream\":true"), new RecordingStream(0)));

        assertThat(e.kind()).isEqualTo(ErrorKind.RESOURCE_EXHAUSTED);
        assertThat(serving.running()).isZero();
    }

    @Test
    void stream_clientGoneMidStream_cancelsGeneration() throws InterruptedException {
        RecordingStream out = new RecordingStream(3);

        serving.stream(request("scripted/slow", "\"stream\":true"), out);

        assertThat(registry.backend("scripted/slow").cancelled().await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(out.chunks).hasSize(3);
        assertThat(serving.running()).isZero();
    }

    @Test
    void stream_midStreamFailure_isTheLastEvent() {
        RecordingStream out = new RecordingStream(Integer.MAX_VALUE);

        serving.stream(request("scripted/fail-midstream", "\"stream\":true"), out);

        assertThat(out.chunks).hasSize(3);
        assertThat(out.failure).isInstanceOf(GardenException.class)
                .hasMessage("The scripted model failed mid-stream.");
        assertThat(out.done).isFalse();
    }

    @Test
    void stop_whileStreaming_endsStreamWithUnavailable() throws Exception {
        RecordingStream out = new RecordingStream(Integer.MAX_VALUE);
        CompletableFuture<Void> streaming = CompletableFuture.runAsync(
                () -> serving.stream(request("scripted/slow", "\"stream\":true"), out));
        assertThat(out.firstChunk.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();

        serving.stop();
        streaming.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);

        assertThat(out.failure).isInstanceOf(GardenException.class);
        assertThat(((GardenException) out.failure).kind()).isEqualTo(ErrorKind.UNAVAILABLE);
        assertThat(serving.running()).isZero();
    }

    @Test
    void complete_afterStop_isUnavailable() {
        serving.stop();

        GardenException e = catchThrowableOfType(GardenException.class,
                () -> serving.complete(request("scripted/echo", "")));

        assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
    }

    /** Records what the serving layer sends; the client "goes away" after a given number of chunks. */
    private static final class RecordingStream implements ChunkStream {
        final List<ChatCompletionChunk> chunks = new CopyOnWriteArrayList<>();
        final CountDownLatch firstChunk = new CountDownLatch(1);
        final int goneAfter;
        volatile Throwable failure;
        volatile boolean done;

        RecordingStream(int goneAfter) {
            this.goneAfter = goneAfter;
        }

        @Override
        public void send(ChatCompletionChunk chunk) throws IOException {
            if (chunks.size() == goneAfter) {
                throw new IOException("gone");
            }
            chunks.add(chunk);
            firstChunk.countDown();
        }

        @Override
        public void fail(Throwable failure) {
            this.failure = failure;
        }

        @Override
        public void done() {
            done = true;
        }
    }
}
