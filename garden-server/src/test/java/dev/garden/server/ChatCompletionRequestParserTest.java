package dev.garden.server;

import dev.garden.core.ErrorKind;
import dev.garden.core.GardenException;
import dev.garden.wire.openai.ChatCompletionContentPart;
import dev.garden.wire.openai.ChatCompletionMessageToolCall;
import dev.garden.wire.openai.ChatCompletionRequest;
import dev.garden.wire.openai.ChatCompletionRequestMessage;
import dev.garden.wire.openai.ChatCompletionStreamOptions;
import dev.garden.wire.openai.ChatCompletionTool;
import dev.garden.wire.openai.ChatCompletionToolChoiceOption;
import dev.garden.wire.openai.FunctionDefinition;
import dev.garden.wire.openai.MessageContent;
import dev.garden.wire.openai.ResponseFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ChatCompletionRequestParserTest {
    private static final String MESSAGES = "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]";

    private static ChatCompletionRequest parse(String json) {
        return ChatCompletionRequestParser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String failure(String json) {
        GardenException e = catchThrowableOfType(GardenException.class, () -> parse(json));
        assertThat(e).as("parsing %s", json).isNotNull();
        assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
        return e.getMessage();
    }

    /** A valid request with one more parameter. */
    private static String withParameter(String parameter) {
        return "{\"model\":\"scripted/echo\"," + MESSAGES + "," + parameter + "}";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            "temperature":"hot"             | Invalid value at 'temperature' (TYPE_DOUBLE), "hot"
            "temperature":2.5               | Invalid value at 'temperature' (TYPE_DOUBLE), 2.5: must be between 0 and 2.
            "temperature":-0.1              | Invalid value at 'temperature' (TYPE_DOUBLE), -0.1: must be between 0 and 2.
            "temperature":[1]               | Invalid value at 'temperature' (TYPE_DOUBLE), [1]
            "top_p":1.5                     | Invalid value at 'top_p' (TYPE_DOUBLE), 1.5: must be between 0 and 1.
            "top_p":true                    | Invalid value at 'top_p' (TYPE_DOUBLE), true
            "max_tokens":0                  | Invalid value at 'max_tokens' (TYPE_INT32), 0: must be at least 1.
            "max_tokens":1.5                | Invalid value at 'max_tokens' (TYPE_INT32), 1.5
            "max_tokens":"10"               | Invalid value at 'max_tokens' (TYPE_INT32), "10"
            "max_tokens":3000000000         | Invalid value at 'max_tokens' (TYPE_INT32), 3000000000
            "max_completion_tokens":-1      | Invalid value at 'max_completion_tokens' (TYPE_INT32), -1: must be at least 1.
            "n":9                           | Invalid value at 'n' (TYPE_INT32), 9: must be between 1 and 8.
            "n":0                           | Invalid value at 'n' (TYPE_INT32), 0: must be between 1 and 8.
            "seed":1.5                      | Invalid value at 'seed' (TYPE_INT64), 1.5
            "seed":9223372036854775808      | Invalid value at 'seed' (TYPE_INT64), 9223372036854775808
            "seed":"7"                      | Invalid value at 'seed' (TYPE_INT64), "7"
            "presence_penalty":3            | Invalid value at 'presence_penalty' (TYPE_DOUBLE), 3: must be between -2 and 2.
            "frequency_penalty":-2.5        | Invalid value at 'frequency_penalty' (TYPE_DOUBLE), -2.5: must be between -2 and 2.
            "frequency_penalty":{}          | Invalid value at 'frequency_penalty' (TYPE_DOUBLE), {}
            "stream":"yes"                  | Invalid value at 'stream' (TYPE_BOOL), "yes"
            "stream":1                      | Invalid value at 'stream' (TYPE_BOOL), 1
            "stream_options":"x"            | Invalid value at 'stream_options' (ChatCompletionStreamOptions), "x"
            "stream_options":{"include_usage":1} | Invalid value at 'stream_options.include_usage' (TYPE_BOOL), 1
            "stop":5                        | Invalid value at 'stop' (TYPE_STRING or array of TYPE_STRING), 5
            "stop":["a",5]                  | Invalid value at 'stop[1]' (TYPE_STRING), 5
            "stop":[null]                   | Invalid value at 'stop[0]' (TYPE_STRING), null
            """)
    void parse_badParameter_namesFieldValueAndRange(String parameter, String message) {
        assertThat(failure(withParameter(parameter))).isEqualTo(message);
    }

    @Test
    void parse_seventeenStopSequences_namesTheLimit() {
        String stop = IntStream.range(0, 17).mapToObj(i -> "\"s" + i + "\"").collect(Collectors.joining(","));

        assertThat(failure(withParameter("\"stop\":[" + stop + "]"))).isEqualTo(
                "Invalid value at 'stop' (TYPE_STRING or array of TYPE_STRING): "
                + "at most 16 stop sequences are allowed, got 17.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"messages":[{"role":"user","content":"Hi"}]}              | Required field 'model' is missing.
            {"model":null,"messages":[{"role":"user","content":"Hi"}]} | Required field 'model' is missing.
            {"model":5,"messages":[{"role":"user","content":"Hi"}]}    | Invalid value at 'model' (TYPE_STRING), 5
            {"model":"","messages":[{"role":"user","content":"Hi"}]}   | Invalid value at 'model' (TYPE_STRING), "": must not be empty.
            {"model":"m"}                                              | Required field 'messages' is missing.
            {"model":"m","messages":{}}                                | Invalid value at 'messages' (array of ChatCompletionRequestMessage), {}
            {"model":"m","messages":[]}                                | Invalid value at 'messages' (array of ChatCompletionRequestMessage), []: at least one message is required.
            {"model":"m","messages":["hi"]}                            | Invalid value at 'messages[0]' (ChatCompletionRequestMessage), "hi"
            {"model":"m","messages":[null]}                            | Invalid value at 'messages[0]' (ChatCompletionRequestMessage), null
            {"model":"m","messages":[{"content":"Hi"}]}                | Required field 'messages[0].role' is missing.
            {"model":"m","messages":[{"role":"robot","content":"Hi"}]} | Invalid value at 'messages[0].role' (TYPE_STRING), "robot": must be one of system, developer, user, assistant, tool.
            {"model":"m","messages":[{"role":1,"content":"Hi"}]}       | Invalid value at 'messages[0].role' (TYPE_STRING), 1
            {"model":"m","messages":[{"role":"user"}]}                 | Required field 'messages[0].content' is missing.
            {"model":"m","messages":[{"role":"user","content":null}]}  | Required field 'messages[0].content' is missing.
            {"model":"m","messages":[{"role":"user","content":[]}]}    | Invalid value at 'messages[0].content' (TYPE_STRING or array of ChatCompletionContentPart), []: must not be empty.
            {"model":"m","messages":[{"role":"user","content":"a","name":5}]} | Invalid value at 'messages[0].name' (TYPE_STRING), 5
            {"model":"m","messages":[{"role":"system","content":"a"},{"role":"user","content":5}]} | Invalid value at 'messages[1].content' (TYPE_STRING or array of ChatCompletionContentPart), 5
            {"model":"m","messages":[{"role":"user","content":"a"},{"role":"assistant"}]} | Required field 'messages[1].content' is missing: an assistant message needs content or tool_calls.
            {"model":"m","messages":[{"role":"user","content":["hi"]}]} | Invalid value at 'messages[0].content[0]' (ChatCompletionContentPart), "hi"
            {"model":"m","messages":[{"role":"user","content":[{"text":"x"}]}]} | Required field 'messages[0].content[0].type' is missing.
            {"model":"m","messages":[{"role":"user","content":[{"type":"text"}]}]} | Required field 'messages[0].content[0].text' is missing.
            {"model":"m","messages":[{"role":"user","content":[{"type":"text","text":5}]}]} | Invalid value at 'messages[0].content[0].text' (TYPE_STRING), 5
            {"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"a"},{"type":"image_url","image_url":{"url":"https://x/y.png"}}]}]} | Invalid value at 'messages[0].content[1].type' (TYPE_STRING), "image_url": image_url content parts are not supported yet.
            {"model":"m","messages":[{"role":"user","content":[{"type":"input_audio","input_audio":{"data":"AA==","format":"wav"}}]}]} | Invalid value at 'messages[0].content[0].type' (TYPE_STRING), "input_audio": input_audio content parts are not supported yet.
            {"model":"m","messages":[{"role":"user","content":[{"type":"video"}]}]} | Invalid value at 'messages[0].content[0].type' (TYPE_STRING), "video": must be one of text, image_url, input_audio, file, refusal.
            {"model":"m","messages":[{"role":"user","content":"a"},{"role":"tool","content":"42"}]} | Required field 'messages[1].tool_call_id' is missing.
            {"model":"m","messages":[{"role":"user","content":"a"},{"role":"tool","content":"42","tool_call_id":5}]} | Invalid value at 'messages[1].tool_call_id' (TYPE_STRING), 5
            {"model":"m","messages":[{"role":"assistant","tool_calls":"x"}]} | Invalid value at 'messages[0].tool_calls' (array of ChatCompletionMessageToolCall), "x"
            {"model":"m","messages":[{"role":"assistant","tool_calls":[5]}]} | Invalid value at 'messages[0].tool_calls[0]' (ChatCompletionMessageToolCall), 5
            {"model":"m","messages":[{"role":"assistant","tool_calls":[{"type":"function","function":{"name":"f","arguments":"{}"}}]}]} | Required field 'messages[0].tool_calls[0].id' is missing.
            {"model":"m","messages":[{"role":"assistant","tool_calls":[{"id":"c","function":{"name":"f","arguments":"{}"}}]}]} | Required field 'messages[0].tool_calls[0].type' is missing.
            {"model":"m","messages":[{"role":"assistant","tool_calls":[{"id":"c","type":"custom","function":{"name":"f","arguments":"{}"}}]}]} | Invalid value at 'messages[0].tool_calls[0].type' (TYPE_STRING), "custom": must be function.
            {"model":"m","messages":[{"role":"assistant","tool_calls":[{"id":"c","type":"function"}]}]} | Required field 'messages[0].tool_calls[0].function' is missing.
            {"model":"m","messages":[{"role":"assistant","tool_calls":[{"id":"c","type":"function","function":"f"}]}]} | Invalid value at 'messages[0].tool_calls[0].function' (Function), "f"
            {"model":"m","messages":[{"role":"assistant","tool_calls":[{"id":"c","type":"function","function":{"arguments":"{}"}}]}]} | Required field 'messages[0].tool_calls[0].function.name' is missing.
            {"model":"m","messages":[{"role":"assistant","tool_calls":[{"id":"c","type":"function","function":{"name":"f","arguments":{"a":1}}}]}]} | Invalid value at 'messages[0].tool_calls[0].function.arguments' (TYPE_STRING), {"a":1}
            """)
    void parse_badMessage_namesTheField(String json, String message) {
        assertThat(failure(json)).isEqualTo(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1]", "\"text\"", "42", "null", "true"})
    void parse_nonObjectBody_saysRootMustBeAMessage(String json) {
        assertThat(failure(json)).isEqualTo("Invalid JSON payload received. Root element must be a message.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"model\":", "{model:1}", "{\"model\":\"m\"} trailing", "{\"a\":1,}", "\u00ff"})
    void parse_malformedJson_saysInvalidJsonPayloadWithPosition(String json) {
        assertThat(failure(json)).startsWith("Invalid JSON payload received. ").contains(" at line 1, column ");
    }

    @Test
    void parse_emptyBody_saysBodyIsEmpty() {
        assertThat(failure("")).isEqualTo("Invalid JSON payload received. The request body is empty.");
    }

    @Test
    void parse_hugeWrongValue_isCutInTheMessage() {
        String huge = "x".repeat(10_000);

        assertThat(failure(withParameter("\"temperature\":\"" + huge + "\"")))
                .isEqualTo("Invalid value at 'temperature' (TYPE_DOUBLE), \"" + "x".repeat(63) + "...");
    }

    @Test
    void parse_everyParameter_readsThemAll() {
        ChatCompletionRequest request = parse("""
                {"model":"scripted/echo",
                 "messages":[{"role":"developer","content":"Be brief."},
                             {"role":"user","content":[{"type":"text","text":"Hi"},{"type":"text","text":"!"}],"name":"ann"},
                             {"role":"assistant","content":null,"tool_calls":[
                               {"id":"call_1","type":"function","function":{"name":"f","arguments":"{\\"a\\":1}"}}]},
                             {"role":"tool","content":"42","tool_call_id":"call_1"}],
                 "max_tokens":5,"max_completion_tokens":6,"temperature":0,"top_p":1,"stop":["", "END"],
                 "seed":-9223372036854775808,"n":8,"presence_penalty":-2,"frequency_penalty":2,"stream":true,
                 "stream_options":{"include_usage":false},
                 "tools":[{"type":"function","function":{"name":"f"}}],"tool_choice":"auto","parallel_tool_calls":true,
                 "response_format":{"type":"json_object"},"reasoning_effort":"low","logprobs":true,"user":"u"}""");

        assertThat(request).isEqualTo(new ChatCompletionRequest("scripted/echo", List.of(
                ChatCompletionRequestMessage.of("developer", "Be brief."),
                new ChatCompletionRequestMessage("user", new MessageContent.Parts(List.of(
                        new ChatCompletionContentPart.Text("Hi"), new ChatCompletionContentPart.Text("!"))),
                        "ann", null, null),
                new ChatCompletionRequestMessage("assistant", null, null,
                        List.of(ChatCompletionMessageToolCall.function("call_1", "f", "{\"a\":1}")), null),
                new ChatCompletionRequestMessage("tool", new MessageContent.Text("42"), null, null, "call_1")),
                5, 6, 0.0, 1.0, List.of("", "END"), Long.MIN_VALUE, 8, -2.0, 2.0, true,
                new ChatCompletionStreamOptions(false), new ResponseFormat.JsonObject(),
                List.of(ChatCompletionTool.function(new FunctionDefinition("f", null, null, null))),
                new ChatCompletionToolChoiceOption.Mode("auto"), true, "low", null, null));
    }

    @Test
    void parse_nullParameters_countAsAbsent() {
        ChatCompletionRequest request = parse(withParameter("""
                "max_tokens":null,"temperature":null,"top_p":null,"stop":null,"seed":null,"n":null,\
                "presence_penalty":null,"frequency_penalty":null,"stream":null,"stream_options":null,\
                "response_format":null,"tools":null,"tool_choice":null,"parallel_tool_calls":null,\
                "reasoning_effort":null,"extra_body":null,"google":null"""));

        assertThat(request).isEqualTo(ChatCompletionRequest.of("scripted/echo",
                List.of(ChatCompletionRequestMessage.of("user", "Hi"))));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            "n":2.0          | 2
            "n":1            | 1
            "n":8            | 8
            """)
    void parse_integralNumber_isAnInteger(String parameter, int n) {
        assertThat(parse(withParameter(parameter)).n()).isEqualTo(n);
    }

    @Test
    void parse_stopString_isAListOfOne() {
        assertThat(parse(withParameter("\"stop\":\"END\"")).stop()).containsExactly("END");
    }

    @Test
    void parse_sixteenStopSequences_areAccepted() {
        String stop = IntStream.range(0, 16).mapToObj(i -> "\"s" + i + "\"").collect(Collectors.joining(","));

        assertThat(parse(withParameter("\"stop\":[" + stop + "]")).stop()).hasSize(16);
    }

    @Test
    void parse_assistantWithToolCallsAndEmptyContent_isAccepted() {
        ChatCompletionRequest request = parse("""
                {"model":"m","messages":[{"role":"assistant","content":[],"tool_calls":[
                  {"id":"c","type":"function","function":{"name":"f","arguments":""}}]}]}""");

        assertThat(request.messages().getFirst().toolCalls()).hasSize(1);
    }

    @Test
    void parse_toolFieldsOnOtherRoles_areIgnored() {
        ChatCompletionRequest request = parse("""
                {"model":"m","messages":[{"role":"user","content":"Hi","tool_calls":5,"tool_call_id":6}]}""");

        assertThat(request.messages().getFirst()).isEqualTo(ChatCompletionRequestMessage.of("user", "Hi"));
    }
}
