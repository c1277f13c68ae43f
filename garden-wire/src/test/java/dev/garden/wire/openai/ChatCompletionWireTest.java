package dev.garden.wire.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChatCompletionWireTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void serialize_completion_writesExplicitNullsInOpenAiOrder() throws Exception {
        ChatCompletion completion = ChatCompletion.of("chatcmpl-1", 1_700_000_000L, "scripted/echo",
                List.of(new ChatCompletion.Choice(0, ChatCompletionMessage.assistant("Hello"), null, "stop")),
                CompletionUsage.of(3, 1));

        assertThat(json.writeValueAsString(completion)).isEqualTo("""
                {"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"scripted/echo",\
                "choices":[{"index":0,"message":{"role":"assistant","content":"Hello","refusal":null},\
                "logprobs":null,"finish_reason":"stop"}],\
                "usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}}""");
    }

    @Test
    void roundTrip_completion_isEqual() throws Exception {
        ChatCompletion completion = ChatCompletion.of("chatcmpl-1", 1L, "m",
                List.of(new ChatCompletion.Choice(0, new ChatCompletionMessage("assistant", null, null,
                        List.of(ChatCompletionMessageToolCall.function("call_1", "f", "{}")), "Hmm."), null,
                        "tool_calls")),
                new CompletionUsage(1, 2, 3, new CompletionUsage.CompletionTokensDetails(1)));

        String text = json.writeValueAsString(completion);

        assertThat(json.readValue(text, ChatCompletion.class)).isEqualTo(completion);
        assertThat(text).contains("\"content\":null", "\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\"",
                "\"reasoning_content\":\"Hmm.\"", "\"completion_tokens_details\":{\"reasoning_tokens\":1}");
    }

    @Test
    void deserialize_openAiAnswerWithUnknownFields_isTolerated() throws Exception {
        String answer = """
                {"id":"chatcmpl-x","object":"chat.completion","created":5,"model":"gpt","system_fingerprint":"fp",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"hi","refusal":null,"annotations":[]},
                 "logprobs":{"content":[{"token":"hi","logprob":-0.5,"bytes":[104,105],"top_logprobs":[]}],
                 "refusal":null},"finish_reason":"content_filter"}]}""";

        ChatCompletion completion = json.readValue(answer, ChatCompletion.class);

        assertThat(completion.choices().getFirst().finishReason()).isEqualTo("content_filter");
        assertThat(completion.choices().getFirst().logprobs().content().getFirst().bytes()).containsExactly(104, 105);
        assertThat(completion.usage()).isNull();
    }

    @Test
    void serialize_firstChunk_carriesRoleAndEmptyContentWithNullFinishReason() throws Exception {
        ChatCompletionChunk chunk = ChatCompletionChunk.of("chatcmpl-1", 7, "m",
                List.of(new ChatCompletionChunk.Choice(0, ChatCompletionChunk.ChoiceDelta.content("assistant", ""),
                        null, null)), null);

        assertThat(json.writeValueAsString(chunk)).isEqualTo("""
                {"id":"chatcmpl-1","object":"chat.completion.chunk","created":7,"model":"m","choices":[{"index":0,\
                "delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}]}""");
    }

    @Test
    void serialize_lastChunk_hasEmptyDelta() throws Exception {
        ChatCompletionChunk chunk = ChatCompletionChunk.of("chatcmpl-1", 7, "m",
                List.of(new ChatCompletionChunk.Choice(1, ChatCompletionChunk.ChoiceDelta.EMPTY, null, "length")),
                null);

        assertThat(json.writeValueAsString(chunk)).contains(
                "{\"index\":1,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"length\"}");
    }

    @Test
    void serialize_usageChunk_hasEmptyChoicesAndUsage() throws Exception {
        ChatCompletionChunk chunk = ChatCompletionChunk.of("chatcmpl-1", 7, "m", List.of(),
                CompletionUsage.of(2, 3));

        assertThat(json.writeValueAsString(chunk)).isEqualTo("""
                {"id":"chatcmpl-1","object":"chat.completion.chunk","created":7,"model":"m","choices":[],\
                "usage":{"prompt_tokens":2,"completion_tokens":3,"total_tokens":5}}""");
    }

    @Test
    void roundTrip_chunk_isEqual() throws Exception {
        ChatCompletionChunk chunk = ChatCompletionChunk.of("chatcmpl-1", 7, "m",
                List.of(new ChatCompletionChunk.Choice(0, ChatCompletionChunk.ChoiceDelta.content(null, "Hi"), null,
                        null)), null);

        assertThat(json.readValue(json.writeValueAsString(chunk), ChatCompletionChunk.class)).isEqualTo(chunk);
    }

    @Test
    void serialize_toolCallOnlyMessage_writesNullContentAndOmitsReasoning() throws Exception {
        ChatCompletionMessage message = new ChatCompletionMessage("assistant", null, null, List.of(
                ChatCompletionMessageToolCall.function("call_1", "get_weather", "{\"city\":\"Paris\"}")), null);

        assertThat(json.writeValueAsString(message)).isEqualTo("""
                {"role":"assistant","content":null,"refusal":null,"tool_calls":[{"id":"call_1","type":"function",\
                "function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}}]}""");
    }

    @Test
    void serialize_messageWithThoughts_writesReasoningContentLast() throws Exception {
        ChatCompletionMessage message = new ChatCompletionMessage("assistant", "Hi!", null, null, "A greeting.");

        assertThat(json.writeValueAsString(message)).isEqualTo("""
                {"role":"assistant","content":"Hi!","refusal":null,"reasoning_content":"A greeting."}""");
    }

    @Test
    void serialize_toolCallPieces_areWhatOpenAiStreams() throws Exception {
        ChatCompletionChunk.ChoiceDelta first = new ChatCompletionChunk.ChoiceDelta("assistant", null, null,
                List.of(ChatCompletionChunk.ChoiceDeltaToolCall.first(0, "call_1", "get_weather", "")));
        ChatCompletionChunk.ChoiceDelta later = new ChatCompletionChunk.ChoiceDelta(null, null, null,
                List.of(ChatCompletionChunk.ChoiceDeltaToolCall.arguments(1, "{\"tz\":")));

        assertThat(json.writeValueAsString(first)).isEqualTo("""
                {"role":"assistant","tool_calls":[{"index":0,"id":"call_1","type":"function",\
                "function":{"name":"get_weather","arguments":""}}]}""");
        assertThat(json.writeValueAsString(later)).isEqualTo("""
                {"tool_calls":[{"index":1,"function":{"arguments":"{\\"tz\\":"}}]}""");
    }

    @Test
    void serialize_reasoningDelta_writesReasoningContentOnly() throws Exception {
        assertThat(json.writeValueAsString(new ChatCompletionChunk.ChoiceDelta(null, null, "Let me see.", null)))
                .isEqualTo("{\"reasoning_content\":\"Let me see.\"}");
    }

    @Test
    void roundTrip_chunkWithToolCallsAndReasoning_isEqual() throws Exception {
        ChatCompletionChunk chunk = ChatCompletionChunk.of("chatcmpl-1", 7, "m", List.of(
                new ChatCompletionChunk.Choice(0, new ChatCompletionChunk.ChoiceDelta(null, null, "so", List.of(
                        ChatCompletionChunk.ChoiceDeltaToolCall.first(0, "call_1", "f", "{"),
                        ChatCompletionChunk.ChoiceDeltaToolCall.arguments(1, "}"))), null, null)),
                null);

        assertThat(json.readValue(json.writeValueAsString(chunk), ChatCompletionChunk.class)).isEqualTo(chunk);
    }

    @Test
    void serialize_usageWithReasoningTokens_alwaysWritesTheDetails() throws Exception {
        assertThat(json.writeValueAsString(CompletionUsage.of(2, 3, 0))).isEqualTo("""
                {"prompt_tokens":2,"completion_tokens":3,"total_tokens":5,\
                "completion_tokens_details":{"reasoning_tokens":0}}""");
    }
}
