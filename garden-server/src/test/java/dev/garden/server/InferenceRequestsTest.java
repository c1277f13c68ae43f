package dev.garden.server;

import dev.garden.core.inference.ChatMessage;
import dev.garden.core.inference.ContentPart;
import dev.garden.core.inference.InferenceRequest;
import dev.garden.core.inference.Role;
import dev.garden.core.inference.SamplingParams;
import dev.garden.core.inference.ToolCall;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class InferenceRequestsTest {

    private static InferenceRequest map(String json) {
        return InferenceRequests.toDomain(ChatCompletionRequestParser.parse(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void toDomain_minimalRequest_usesOpenAiDefaults() {
        InferenceRequest request = map("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");

        assertThat(request).isEqualTo(new InferenceRequest("m", List.of(ChatMessage.text(Role.USER, "Hi")),
                SamplingParams.DEFAULTS, OptionalInt.empty(), List.of(), 1));
    }

    @Test
    void toDomain_everyParameter_isCarriedOver() {
        InferenceRequest request = map("""
                {"model":"m","messages":[{"role":"user","content":"Hi"}],"temperature":0.2,"top_p":0.5,"seed":7,
                 "presence_penalty":1,"frequency_penalty":-1,"max_tokens":9,"stop":["","END",""],"n":3}""");

        assertThat(request.sampling()).isEqualTo(new SamplingParams(0.2, 0.5, OptionalLong.of(7), 1, -1));
        assertThat(request.maxTokens()).isEqualTo(OptionalInt.of(9));
        assertThat(request.stop()).as("empty stop strings are ignored").containsExactly("END");
        assertThat(request.choices()).isEqualTo(3);
    }

    @Test
    void toDomain_bothTokenLimits_maxCompletionTokensWins() {
        InferenceRequest request = map("""
                {"model":"m","messages":[{"role":"user","content":"Hi"}],"max_tokens":9,"max_completion_tokens":4}""");

        assertThat(request.maxTokens()).isEqualTo(OptionalInt.of(4));
    }

    @Test
    void toDomain_conversation_mapsRolesPartsAndToolCalls() {
        InferenceRequest request = map("""
                {"model":"m","messages":[
                  {"role":"developer","content":"Be brief."},
                  {"role":"system","content":[{"type":"text","text":"Really."}]},
                  {"role":"user","content":[{"type":"text","text":"What is "},{"type":"text","text":"6*7?"}],"name":"ann"},
                  {"role":"assistant","tool_calls":[{"id":"c1","type":"function","function":{"name":"calc","arguments":"{\\"x\\":\\"6*7\\"}"}}]},
                  {"role":"tool","content":"42","tool_call_id":"c1"},
                  {"role":"assistant","content":"42."}]}""");

        assertThat(request.messages()).containsExactly(
                ChatMessage.text(Role.SYSTEM, "Be brief."),
                ChatMessage.text(Role.SYSTEM, "Really."),
                new ChatMessage(Role.USER, List.of(new ContentPart.Text("What is "), new ContentPart.Text("6*7?")),
                        "ann", null, List.of()),
                new ChatMessage(Role.ASSISTANT, List.of(), null, null,
                        List.of(new ToolCall("c1", "calc", "{\"x\":\"6*7\"}"))),
                new ChatMessage(Role.TOOL, List.of(new ContentPart.Text("42")), null, "c1", List.of()),
                ChatMessage.text(Role.ASSISTANT, "42."));
    }
}
