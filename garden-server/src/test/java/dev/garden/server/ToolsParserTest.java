package dev.garden.server;

import dev.garden.core.inference.InferenceRequest;
import dev.garden.core.inference.ToolChoice;
import dev.garden.core.inference.ToolDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static dev.garden.server.RequestParsing.failure;
import static dev.garden.server.RequestParsing.parse;
import static dev.garden.server.RequestParsing.toDomain;
import static dev.garden.server.RequestParsing.withParameters;
import static org.assertj.core.api.Assertions.assertThat;

class ToolsParserTest {
    private static final String TOOL_F = "{\"type\":\"function\",\"function\":{\"name\":\"f\"}}";
    private static final String TOOLS_F_G = "\"tools\":[" + TOOL_F
                                            + ",{\"type\":\"function\",\"function\":{\"name\":\"g\"}}]";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            "tools":{}                                          | Invalid value at 'tools' (array of ChatCompletionTool), {}
            "tools":"f"                                         | Invalid value at 'tools' (array of ChatCompletionTool), "f"
            "tools":[5]                                         | Invalid value at 'tools[0]' (ChatCompletionTool), 5
            "tools":[null]                                      | Invalid value at 'tools[0]' (ChatCompletionTool), null
            "tools":[{"function":{"name":"f"}}]                 | Required field 'tools[0].type' is missing.
            "tools":[{"type":"custom","custom":{"name":"f"}}]   | Invalid value at 'tools[0].type' (TYPE_STRING), "custom": must be function.
            "tools":[{"type":"function"}]                       | Required field 'tools[0].function' is missing.
            "tools":[{"type":"function","function":"f"}]        | Invalid value at 'tools[0].function' (FunctionDefinition), "f"
            "tools":[{"type":"function","function":{}}]         | Required field 'tools[0].function.name' is missing.
            "tools":[{"type":"function","function":{"name":5}}] | Invalid value at 'tools[0].function.name' (TYPE_STRING), 5
            "tools":[{"type":"function","function":{"name":"get weather"}}] | Invalid value at 'tools[0].function.name' (TYPE_STRING), "get weather": must match ^[a-zA-Z0-9_-]{1,64}$.
            "tools":[{"type":"function","function":{"name":""}}] | Invalid value at 'tools[0].function.name' (TYPE_STRING), "": must match ^[a-zA-Z0-9_-]{1,64}$.
            "tools":[{"type":"function","function":{"name":"ns.f"}}] | Invalid value at 'tools[0].function.name' (TYPE_STRING), "ns.f": must match ^[a-zA-Z0-9_-]{1,64}$.
            "tools":[{"type":"function","function":{"name":"f","description":5}}] | Invalid value at 'tools[0].function.description' (TYPE_STRING), 5
            "tools":[{"type":"function","function":{"name":"f","parameters":"x"}}] | Invalid value at 'tools[0].function.parameters' (FunctionParameters), "x"
            "tools":[{"type":"function","function":{"name":"f","parameters":[]}}] | Invalid value at 'tools[0].function.parameters' (FunctionParameters), []
            "tools":[{"type":"function","function":{"name":"f","strict":"true"}}] | Invalid value at 'tools[0].function.strict' (TYPE_BOOL), "true"
            "tools":[{"type":"function","function":{"name":"f"}},{"type":"function","function":{"name":"g"}},{"type":"function","function":{"name":"f"}}] | Invalid value at 'tools[2].function.name' (TYPE_STRING), "f": tools[0] has the same name; tool names must be unique.
            "parallel_tool_calls":"yes"                         | Invalid value at 'parallel_tool_calls' (TYPE_BOOL), "yes"
            """)
    void parse_badTools_namesTheField(String parameter, String message) {
        assertThat(failure(withParameters(parameter))).isEqualTo(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            "tool_choice":"auto"                       | Invalid value at 'tool_choice' (TYPE_STRING or ChatCompletionNamedToolChoice), "auto": only allowed when tools are given.
            "tool_choice":"none"                       | Invalid value at 'tool_choice' (TYPE_STRING or ChatCompletionNamedToolChoice), "none": only allowed when tools are given.
            "tools":[],"tool_choice":"required"        | Invalid value at 'tool_choice' (TYPE_STRING or ChatCompletionNamedToolChoice), "required": only allowed when tools are given.
            "tools":null,"tool_choice":{"type":"function","function":{"name":"f"}} | Invalid value at 'tool_choice' (TYPE_STRING or ChatCompletionNamedToolChoice), {"type":"function","function":{"name":"f"}}: only allowed when tools are given.
            """)
    void parse_toolChoiceWithoutTools_isRefusedAsAtOpenAi(String parameters, String message) {
        assertThat(failure(withParameters(parameters))).isEqualTo(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            "tool_choice":"any"                                 | Invalid value at 'tool_choice' (TYPE_STRING or ChatCompletionNamedToolChoice), "any": must be one of none, auto, required, validated, or name a function.
            "tool_choice":"AUTO"                                | Invalid value at 'tool_choice' (TYPE_STRING or ChatCompletionNamedToolChoice), "AUTO": must be one of none, auto, required, validated, or name a function.
            "tool_choice":5                                     | Invalid value at 'tool_choice' (TYPE_STRING or ChatCompletionNamedToolChoice), 5
            "tool_choice":["f"]                                 | Invalid value at 'tool_choice' (TYPE_STRING or ChatCompletionNamedToolChoice), ["f"]
            "tool_choice":{"function":{"name":"f"}}             | Required field 'tool_choice.type' is missing.
            "tool_choice":{"type":"allowed_tools","allowed_tools":{}} | Invalid value at 'tool_choice.type' (TYPE_STRING), "allowed_tools": must be function.
            "tool_choice":{"type":"function"}                   | Required field 'tool_choice.function' is missing.
            "tool_choice":{"type":"function","function":"f"}    | Invalid value at 'tool_choice.function' (Function), "f"
            "tool_choice":{"type":"function","function":{}}     | Required field 'tool_choice.function.name' is missing.
            "tool_choice":{"type":"function","function":{"name":"h"}} | Invalid value at 'tool_choice.function.name' (TYPE_STRING), "h": must name one of the tools (f, g).
            """)
    void parse_badToolChoice_namesTheField(String parameter, String message) {
        assertThat(failure(withParameters(TOOLS_F_G + "," + parameter))).isEqualTo(message);
    }

    @Test
    void parse_toolChoiceNamingAnUnknownToolAmongMany_cutsTheList() {
        StringBuilder tools = new StringBuilder("\"tools\":[");
        for (int i = 0; i < 10; i++) {
            tools.append(i == 0 ? "" : ",").append("{\"type\":\"function\",\"function\":{\"name\":\"t").append(i)
                    .append("\"}}");
        }
        tools.append("]");

        assertThat(failure(withParameters(tools + ",\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":"
                                          + "\"x\"}}")))
                .endsWith("must name one of the tools (t0, t1, t2, t3, t4, t5, t6, t7, ... 10 in all).");
    }

    @Test
    void parse_nameOf65Characters_isRefused() {
        String name = "a".repeat(65);

        assertThat(failure(withParameters("\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"" + name
                                          + "\"}}]")))
                .startsWith("Invalid value at 'tools[0].function.name' (TYPE_STRING), \"aaaa")
                .endsWith(": must match ^[a-zA-Z0-9_-]{1,64}$.");
    }

    @Test
    void toDomain_tools_keepNameDescriptionParametersAndStrict() {
        InferenceRequest request = toDomain(withParameters("""
                "tools":[{"type":"function","function":{"name":"get_weather","description":"Current weather.",
                  "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"],
                                "additionalProperties":false},"strict":true}},
                 {"type":"function","function":{"name":"now-2"}}]"""));

        assertThat(request.tools()).containsExactly(
                new ToolDefinition("get_weather", "Current weather.", """
                        {"type":"object","properties":{"city":{"type":"string"}},"required":["city"],\
                        "additionalProperties":false}""", true),
                new ToolDefinition("now-2", "", "{\"type\":\"object\",\"properties\":{}}", false));
        assertThat(request.toolChoice()).as("auto when tools are given").isEqualTo(ToolChoice.AUTO);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            "tool_choice":"none"                                  | None
            "tool_choice":"auto"                                  | Auto
            "tool_choice":"required"                              | Required
            "tool_choice":"validated"                             | Auto
            "tool_choice":null                                    | Auto
            "tool_choice":{"type":"function","function":{"name":"g"}} | Named
            """)
    void toDomain_toolChoice_mapsToItsDomainChoice(String parameter, String choice) {
        ToolChoice toolChoice = toDomain(withParameters(TOOLS_F_G + "," + parameter)).toolChoice();

        assertThat(toolChoice.getClass().getSimpleName()).isEqualTo(choice);
        if (toolChoice instanceof ToolChoice.Named named) {
            assertThat(named.name()).isEqualTo("g");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"tools\":[]", "\"tools\":null", "\"parallel_tool_calls\":false"})
    void toDomain_noTools_hasNoToolsAndAuto(String parameter) {
        InferenceRequest request = toDomain(withParameters(parameter));

        assertThat(request.tools()).isEmpty();
        assertThat(request.toolChoice()).isEqualTo(ToolChoice.AUTO);
    }

    @Test
    void parse_parallelToolCalls_isCarriedOnTheWireRequest() {
        assertThat(parse(withParameters(TOOLS_F_G + ",\"parallel_tool_calls\":false")).parallelToolCalls())
                .isFalse();
        assertThat(parse(withParameters(TOOLS_F_G)).tools()).hasSize(2);
        assertThat(toDomain(withParameters("\"tools\":[" + TOOL_F + "]")).tools())
                .extracting(ToolDefinition::name).isEqualTo(List.of("f"));
    }
}
