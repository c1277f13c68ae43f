package dev.garden.wire.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.garden.wire.vertex.ExtraBody;
import dev.garden.wire.vertex.GoogleExtensions;
import dev.garden.wire.vertex.ThinkingConfig;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChatCompletionRequestWireTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void deserialize_fullRequest_readsEveryParameter() throws Exception {
        String body = """
                {"model":"google/gemini","messages":[
                  {"role":"system","content":"Be brief."},
                  {"role":"user","content":[{"type":"text","text":"Hi"},
                                            {"type":"image_url","image_url":{"url":"https://x/y.png","detail":"low"}},
                                            {"type":"input_audio","input_audio":{"data":"AAA=","format":"wav"}}]},
                  {"role":"assistant","content":null,"tool_calls":[
                    {"id":"call_1","type":"function","function":{"name":"f","arguments":"{\\"a\\":1}"}}]},
                  {"role":"tool","content":"42","tool_call_id":"call_1","name":"f"}],
                 "max_tokens":5,"max_completion_tokens":6,"temperature":0.5,"top_p":0.9,"stop":"END","seed":-7,
                 "n":2,"presence_penalty":1.5,"frequency_penalty":-1,"stream":true,
                 "stream_options":{"include_usage":true},"tools":[],"x-unknown":{"a":1}}""";

        ChatCompletionRequest request = json.readValue(body, ChatCompletionRequest.class);

        assertThat(request.model()).isEqualTo("google/gemini");
        assertThat(request.messages()).hasSize(4);
        assertThat(request.messages().get(0).content()).isEqualTo(new MessageContent.Text("Be brief."));
        assertThat(request.messages().get(1).content()).isEqualTo(new MessageContent.Parts(List.of(
                new ChatCompletionContentPart.Text("Hi"),
                new ChatCompletionContentPart.Image(new ChatCompletionContentPart.ImageUrl("https://x/y.png", "low")),
                new ChatCompletionContentPart.Audio(new ChatCompletionContentPart.InputAudio("AAA=", "wav")))));
        assertThat(request.messages().get(2).content()).isNull();
        assertThat(request.messages().get(2).toolCalls())
                .containsExactly(ChatCompletionMessageToolCall.function("call_1", "f", "{\"a\":1}"));
        assertThat(request.messages().get(3).toolCallId()).isEqualTo("call_1");
        assertThat(request.messages().get(3).name()).isEqualTo("f");
        assertThat(request.maxTokens()).isEqualTo(5);
        assertThat(request.maxCompletionTokens()).isEqualTo(6);
        assertThat(request.temperature()).isEqualTo(0.5);
        assertThat(request.topP()).isEqualTo(0.9);
        assertThat(request.stop()).containsExactly("END");
        assertThat(request.seed()).isEqualTo(-7L);
        assertThat(request.n()).isEqualTo(2);
        assertThat(request.presencePenalty()).isEqualTo(1.5);
        assertThat(request.frequencyPenalty()).isEqualTo(-1.0);
        assertThat(request.stream()).isTrue();
        assertThat(request.streamOptions().includeUsage()).isTrue();
    }

    @Test
    void deserialize_stopList_readsEveryString() throws Exception {
        ChatCompletionRequest request = json.readValue(
                "{\"model\":\"m\",\"messages\":[],\"stop\":[\"a\",\"b\"]}", ChatCompletionRequest.class);

        assertThat(request.stop()).containsExactly("a", "b");
    }

    @Test
    void deserialize_contentOfWrongShape_fails() {
        assertThatThrownBy(() -> json.readValue("{\"role\":\"user\",\"content\":5}",
                ChatCompletionRequestMessage.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void roundTrip_request_isEqualAndOmitsAbsentParameters() throws Exception {
        ChatCompletionRequest request = ChatCompletionRequest.of("m", List.of(
                ChatCompletionRequestMessage.of("user", "Hi"),
                new ChatCompletionRequestMessage("user", new MessageContent.Parts(List.of(
                        new ChatCompletionContentPart.Text("a"))), null, null, null)));

        String text = json.writeValueAsString(request);

        assertThat(text).isEqualTo("""
                {"model":"m","messages":[{"role":"user","content":"Hi"},\
                {"role":"user","content":[{"type":"text","text":"a"}]}]}""");
        assertThat(json.readValue(text, ChatCompletionRequest.class)).isEqualTo(request);
    }

    @Test
    void deserialize_structuredOutputToolsAndReasoning_readsThemAll() throws Exception {
        String body = """
                {"model":"m","messages":[{"role":"user","content":"Hi"}],
                 "response_format":{"type":"json_schema","json_schema":{"name":"Answer","strict":true,
                   "schema":{"type":"object","properties":{"a":{"type":"integer"}},"required":["a"]}}},
                 "tools":[{"type":"function","function":{"name":"get_weather","description":"Weather.",
                   "parameters":{"type":"object","properties":{"city":{"type":"string"}}},"strict":false}}],
                 "tool_choice":{"type":"function","function":{"name":"get_weather"}},"parallel_tool_calls":false,
                 "reasoning_effort":"low",
                 "extra_body":{"google":{"thinking_config":{"thinking_budget":-1,"include_thoughts":true},
                                         "safety_settings":[]}},
                 "google":{"thinking_config":{"thinking_level":"high"}}}""";

        ChatCompletionRequest request = json.readValue(body, ChatCompletionRequest.class);

        assertThat(request.responseFormat()).isEqualTo(new ResponseFormat.JsonSchema(
                new ResponseFormat.JsonSchemaDefinition("Answer", null, json.readTree("""
                        {"type":"object","properties":{"a":{"type":"integer"}},"required":["a"]}"""), true)));
        assertThat(request.tools()).containsExactly(ChatCompletionTool.function(new FunctionDefinition(
                "get_weather", "Weather.",
                json.readTree("{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}"), false)));
        assertThat(request.toolChoice()).isEqualTo(ChatCompletionToolChoiceOption.Named.function("get_weather"));
        assertThat(request.parallelToolCalls()).isFalse();
        assertThat(request.reasoningEffort()).isEqualTo("low");
        assertThat(request.extraBody()).isEqualTo(new ExtraBody(new GoogleExtensions(
                new ThinkingConfig(ThinkingConfig.DYNAMIC_BUDGET, true, null))));
        assertThat(request.google()).isEqualTo(new GoogleExtensions(new ThinkingConfig(null, null, "high")));
    }

    @Test
    void deserialize_toolChoiceString_isAMode() throws Exception {
        ChatCompletionRequest request = json.readValue(
                "{\"model\":\"m\",\"messages\":[],\"tool_choice\":\"validated\"}", ChatCompletionRequest.class);

        assertThat(request.toolChoice()).isEqualTo(new ChatCompletionToolChoiceOption.Mode("validated"));
    }

    @Test
    void deserialize_toolChoiceOfWrongShape_fails() {
        assertThatThrownBy(() -> json.readValue("{\"model\":\"m\",\"tool_choice\":5}", ChatCompletionRequest.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void roundTrip_requestWithEveryNewParameter_isEqualAndWritesOpenAiShapes() throws Exception {
        ChatCompletionRequest request = new ChatCompletionRequest("m", List.of(ChatCompletionRequestMessage.of(
                "user", "Hi")), null, null, null, null, null, null, null, null, null, null, null,
                new ResponseFormat.JsonObject(),
                List.of(ChatCompletionTool.function(new FunctionDefinition("f", null, null, null))),
                new ChatCompletionToolChoiceOption.Mode("required"), true, "high",
                new ExtraBody(new GoogleExtensions(new ThinkingConfig(0, false, null))), null);

        String text = json.writeValueAsString(request);

        assertThat(text).isEqualTo("""
                {"model":"m","messages":[{"role":"user","content":"Hi"}],"response_format":{"type":"json_object"},\
                "tools":[{"type":"function","function":{"name":"f"}}],"tool_choice":"required",\
                "parallel_tool_calls":true,"reasoning_effort":"high",\
                "extra_body":{"google":{"thinking_config":{"thinking_budget":0,"include_thoughts":false}}}}""");
        assertThat(json.readValue(text, ChatCompletionRequest.class)).isEqualTo(request);
    }

    @Test
    void roundTrip_textFormatAndNamedChoice_keepTheirShape() throws Exception {
        ResponseFormat text = new ResponseFormat.Text();
        ChatCompletionToolChoiceOption named = ChatCompletionToolChoiceOption.Named.function("f");

        assertThat(json.writeValueAsString(text)).isEqualTo("{\"type\":\"text\"}");
        assertThat(json.writeValueAsString(named)).isEqualTo("{\"type\":\"function\",\"function\":{\"name\":\"f\"}}");
        assertThat(json.readValue(json.writeValueAsString(text), ResponseFormat.class)).isEqualTo(text);
        assertThat(json.readValue(json.writeValueAsString(named), ChatCompletionToolChoiceOption.class))
                .isEqualTo(named);
    }
}
