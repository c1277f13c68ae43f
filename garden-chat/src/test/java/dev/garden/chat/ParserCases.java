package dev.garden.chat;

import dev.garden.chat.Streams.Call;
import dev.garden.chat.Streams.Item;
import dev.garden.chat.Streams.Text;
import dev.garden.chat.Streams.Thought;
import dev.garden.core.inference.ToolChoice;

import java.util.ArrayList;
import java.util.List;

/**
 * Outputs as each family's models write them (following their documented formats and their templates' renderings
 * of calls), with what a client should receive. Shared by the parser tests and the grammar acceptance tests.
 */
final class ParserCases {
    static final ChatFormat QWEN_25 = Templates.format("Qwen-Qwen2.5-7B-Instruct.jinja");
    static final ChatFormat QWEN_3 = Templates.format("Qwen-Qwen3-0.6B.jinja");
    static final ChatFormat HERMES_3 = Templates.format("NousResearch-Hermes-3-Llama-3.1-8B-tool_use.jinja");
    static final ChatFormat LLAMA_31 = Templates.format("meta-llama-Llama-3.1-8B-Instruct.jinja");
    static final ChatFormat NEMO = Templates.format("mistralai-Mistral-Nemo-Instruct-2407.jinja");
    static final ChatFormat SMALL_32 = Templates.format("Mistral-Small-3.2-24B-Instruct-2506.jinja");
    static final ChatFormat MINISTRAL = Templates.format("mistralai-Ministral-3-14B-Reasoning-2512.jinja");
    static final ChatFormat R1 = Templates.format("deepseek-ai-DeepSeek-R1-Distill-Qwen-32B.jinja");
    static final ChatFormat V31 = Templates.format("deepseek-ai-DeepSeek-V3.1.jinja");
    static final ChatFormat GEMMA_4 = Templates.format("google-gemma-4-31B-it.jinja");
    static final ChatFormat SMOLLM_2 = Templates.format("HuggingFaceTB-SmolLM2-135M-Instruct.jinja");
    static final ChatFormat QWEN_35 = Templates.format("Qwen3.5-4B.jinja");

    static final String CHATML = "<|im_start|>user\nWhat's the weather in Paris?<|im_end|>\n<|im_start|>assistant\n";
    static final String R1_PROMPT = "<｜User｜>What's the weather in Paris?<｜Assistant｜><think>\n";
    static final String V31_PROMPT = "<｜User｜>What's the weather in Paris?<｜Assistant｜><think></think>";
    static final String GEMMA_PROMPT = "<|turn>user\nWhat's the weather in Paris?<turn|>\n<|turn>model\n";
    static final String MISTRAL_PROMPT = "[INST]What's the weather in Paris?[/INST]";
    static final String LLAMA_PROMPT = "<|start_header_id|>assistant<|end_header_id|>\n\n";

    static final String WEATHER_ARGS = "{\"city\": \"Paris\", \"unit\": \"celsius\"}";
    static final String WEATHER_CALL = "<tool_call>\n{\"name\": \"get_weather\", \"arguments\": " + WEATHER_ARGS
            + "}\n</tool_call>";

    /**
     * One output and what it must give.
     *
     * @param constrained whether a grammar for this choice would accept the output as a whole (the grammar tests
     *                    check exactly these)
     */
    record Case(String name, ChatFormat format, ToolChoice choice, String prompt, String output, List<Item> expected,
                boolean constrained) {
        @Override
        public String toString() {
            return name;
        }
    }

    private ParserCases() {
    }

    static Call call(int index, String name, String arguments) {
        return new Call(index, "call_" + (index + 1), name, arguments);
    }

    static Call mistralCall(int index, String name, String arguments) {
        return new Call(index, "00000000" + (index + 1), name, arguments);
    }

    static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        hermes(cases);
        llama(cases);
        mistral(cases);
        deepSeek(cases);
        gemma(cases);
        generic(cases);
        return cases;
    }

    private static void hermes(List<Case> c) {
        ToolChoice auto = ToolChoice.AUTO;
        c.add(new Case("hermes single call", QWEN_25, auto, CHATML, WEATHER_CALL,
                List.of(call(0, "get_weather", WEATHER_ARGS)), true));
        c.add(new Case("hermes parallel calls", QWEN_25, auto, CHATML, WEATHER_CALL + "\n<tool_call>\n"
                + "{\"name\": \"search\", \"arguments\": {\"query\": \"Paris events\", \"max_results\": 3}}\n</tool_call>",
                List.of(call(0, "get_weather", WEATHER_ARGS),
                        call(1, "search", "{\"query\": \"Paris events\", \"max_results\": 3}")), true));
        c.add(new Case("hermes content then call", HERMES_3, auto, CHATML,
                "I'll check the weather in Paris for you.\n" + WEATHER_CALL,
                List.of(new Text("I'll check the weather in Paris for you."), call(0, "get_weather", WEATHER_ARGS)),
                false));
        c.add(new Case("hermes plain answer", QWEN_25, auto, CHATML, "Paris is the capital of France. 🇫🇷 <b>Yes</b>",
                List.of(new Text("Paris is the capital of France. 🇫🇷 <b>Yes</b>")), false));
        c.add(new Case("hermes talks about the tag", QWEN_25, auto, CHATML,
                "To call a tool I would write <tool_call> and then JSON.",
                List.of(new Text("To call a tool I would write <tool_call> and then JSON.")), false));
        String unknown = "<tool_call>\n{\"name\": \"launch_rockets\", \"arguments\": {}}\n</tool_call>";
        c.add(new Case("hermes unknown function", QWEN_25, auto, CHATML, unknown, List.of(new Text(unknown)), false));
        String malformed = "<tool_call>\n{\"name\" \"get_weather\"}\n</tool_call> sorry";
        c.add(new Case("hermes malformed call", QWEN_25, auto, CHATML, malformed, List.of(new Text(malformed)), false));
        String unicode = "{\"city\": \"Zürich 🌧\", \"unit\": \"celsius\", \"note\": \"say \\\"hi\\\" \\u00e9 \\ud83d\\ude00\"}";
        c.add(new Case("hermes unicode arguments", QWEN_25, auto, CHATML,
                "<tool_call>\n{\"name\": \"get_weather\", \"arguments\": " + unicode + "}\n</tool_call>",
                List.of(call(0, "get_weather", unicode)), false));
        c.add(new Case("hermes arguments before name", QWEN_25, auto, CHATML,
                "<tool_call>\n{\"arguments\": {\"query\": \"llama.cpp\"}, \"name\": \"search\"}\n</tool_call>",
                List.of(call(0, "search", "{\"query\": \"llama.cpp\"}")), false));
        c.add(new Case("hermes arguments as a string", QWEN_25, auto, CHATML,
                "<tool_call>\n{\"name\": \"get_weather\", \"arguments\": \"{\\\"city\\\": \\\"Paris\\\"}\"}\n</tool_call>",
                List.of(call(0, "get_weather", "{\"city\": \"Paris\"}")), false));
        c.add(new Case("hermes no arguments", QWEN_25, auto, CHATML,
                "<tool_call>\n{\"name\": \"get_weather\"}\n</tool_call>", List.of(call(0, "get_weather", "{}")), false));
        c.add(new Case("hermes content after call", QWEN_25, auto, CHATML, WEATHER_CALL + "\nDone.",
                List.of(call(0, "get_weather", WEATHER_ARGS), new Text("Done.")), false));
        c.add(new Case("hermes call cut short", QWEN_25, auto, CHATML,
                "<tool_call>\n{\"name\": \"search\", \"arguments\": {\"query\": \"wea",
                List.of(call(0, "search", "{\"query\": \"wea")), false));
        c.add(new Case("hermes tool_choice none", QWEN_25, ToolChoice.NONE, CHATML, WEATHER_CALL,
                List.of(new Text(WEATHER_CALL)), false));
        c.add(new Case("qwen3 thought then call", QWEN_3, ToolChoice.REQUIRED, CHATML,
                "<think>\nThe user asks for the weather in Paris; get_weather does that.\n</think>\n\n" + WEATHER_CALL,
                List.of(new Thought("The user asks for the weather in Paris; get_weather does that."),
                        call(0, "get_weather", WEATHER_ARGS)), true));
        c.add(new Case("qwen3 thought then answer", QWEN_3, auto, CHATML,
                "<think>\nSimple arithmetic: 2 + 2.\n\n</think>\n\n2 + 2 = 4.",
                List.of(new Thought("Simple arithmetic: 2 + 2."), new Text("2 + 2 = 4.")), false));
        c.add(new Case("qwen3 thinking skipped", QWEN_3, auto, CHATML + "<think>\n\n</think>\n\n",
                "The answer is 4.", List.of(new Text("The answer is 4.")), false));
        c.add(new Case("qwen3 thought mentions the tag", QWEN_3, auto, CHATML,
                "<think>\nI could write <tool_call> here, but no tool is needed.\n</think>\n\nNo tool needed.",
                List.of(new Thought("I could write <tool_call> here, but no tool is needed."),
                        new Text("No tool needed.")), false));
        c.add(new Case("qwen3 thought cut short", QWEN_3, auto, CHATML, "<think>\nLet me think about  ",
                List.of(new Thought("Let me think about")), false));
    }

    private static void llama(List<Case> c) {
        ToolChoice auto = ToolChoice.AUTO;
        c.add(new Case("llama bare call", LLAMA_31, auto, LLAMA_PROMPT,
                "{\"name\": \"get_weather\", \"parameters\": {\"city\": \"Paris\"}}",
                List.of(call(0, "get_weather", "{\"city\": \"Paris\"}")), true));
        c.add(new Case("llama python tag", LLAMA_31, ToolChoice.REQUIRED, LLAMA_PROMPT,
                "<|python_tag|>{\"name\": \"search\", \"parameters\": {\"query\": \"Llama 3.1\"}}",
                List.of(call(0, "search", "{\"query\": \"Llama 3.1\"}")), true));
        c.add(new Case("llama typed call", LLAMA_31, auto, LLAMA_PROMPT,
                "{\"type\": \"function\", \"name\": \"get_weather\", \"parameters\": {\"city\": \"Paris\"}}",
                List.of(call(0, "get_weather", "{\"city\": \"Paris\"}")), false));
        c.add(new Case("llama JSON that is no call", LLAMA_31, auto, LLAMA_PROMPT, "  {\"answer\": 42}",
                List.of(new Text("  {\"answer\": 42}")), false));
        c.add(new Case("llama plain answer", LLAMA_31, auto, LLAMA_PROMPT, "The weather is nice {today}.",
                List.of(new Text("The weather is nice {today}.")), false));
        c.add(new Case("llama content then python tag", LLAMA_31, auto, LLAMA_PROMPT,
                "Let me look that up.<|python_tag|>{\"name\": \"search\", \"parameters\": {\"query\": \"x\"}}",
                List.of(new Text("Let me look that up."), call(0, "search", "{\"query\": \"x\"}")), false));
        c.add(new Case("llama two calls", LLAMA_31, auto, LLAMA_PROMPT,
                "{\"name\": \"get_weather\", \"parameters\": {\"city\": \"Paris\"}}; "
                        + "{\"name\": \"search\", \"parameters\": {\"query\": \"Paris\"}}",
                List.of(call(0, "get_weather", "{\"city\": \"Paris\"}"), call(1, "search", "{\"query\": \"Paris\"}")),
                false));
        c.add(new Case("llama built-in tool call", LLAMA_31, auto, LLAMA_PROMPT,
                "<|python_tag|>brave_search.call(query=\"x\")",
                List.of(new Text("<|python_tag|>brave_search.call(query=\"x\")")), false));
    }

    private static void mistral(List<Case> c) {
        ToolChoice auto = ToolChoice.AUTO;
        c.add(new Case("nemo array of calls", NEMO, auto, MISTRAL_PROMPT,
                "[TOOL_CALLS][{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}, \"id\": \"a1b2c3d4e\"}, "
                        + "{\"name\": \"search\", \"arguments\": {\"query\": \"Paris\"}, \"id\": \"f5g6h7i8j\"}]",
                List.of(mistralCall(0, "get_weather", "{\"city\": \"Paris\"}"),
                        mistralCall(1, "search", "{\"query\": \"Paris\"}")), true));
        c.add(new Case("nemo content then call", NEMO, auto, MISTRAL_PROMPT,
                "Sure.[TOOL_CALLS][{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}]",
                List.of(new Text("Sure."), mistralCall(0, "get_weather", "{\"city\": \"Paris\"}")), false));
        c.add(new Case("nemo marker without a call", NEMO, auto, MISTRAL_PROMPT, "[TOOL_CALLS] not a call",
                List.of(new Text("[TOOL_CALLS] not a call")), false));
        c.add(new Case("mistral small call id", SMALL_32, auto, MISTRAL_PROMPT,
                "[TOOL_CALLS]get_weather[CALL_ID]a1b2c3d4e[ARGS]{\"city\": \"Paris\"}",
                List.of(mistralCall(0, "get_weather", "{\"city\": \"Paris\"}")), true));
        c.add(new Case("mistral parallel calls", SMALL_32, ToolChoice.REQUIRED, MISTRAL_PROMPT,
                "[TOOL_CALLS]get_weather[ARGS]{\"city\": \"Paris\"}[TOOL_CALLS]search[ARGS]"
                        + "{\"query\": \"Paris\", \"max_results\": 3}",
                List.of(mistralCall(0, "get_weather", "{\"city\": \"Paris\"}"),
                        mistralCall(1, "search", "{\"query\": \"Paris\", \"max_results\": 3}")), true));
        c.add(new Case("ministral thought then call", MINISTRAL, auto, MISTRAL_PROMPT,
                "[THINK]The user wants the weather in Paris.[/THINK][TOOL_CALLS]get_weather[ARGS]{\"city\": \"Paris\"}",
                List.of(new Thought("The user wants the weather in Paris."),
                        mistralCall(0, "get_weather", "{\"city\": \"Paris\"}")), false));
    }

    private static void deepSeek(List<Case> c) {
        String calls = "<｜tool▁calls▁begin｜><｜tool▁call▁begin｜>function<｜tool▁sep｜>get_weather\n```json\n"
                + "{\"city\": \"Paris\"}\n```<｜tool▁call▁end｜>\n<｜tool▁call▁begin｜>function<｜tool▁sep｜>search\n"
                + "```json\n{\"query\": \"Paris events\"}\n```<｜tool▁call▁end｜><｜tool▁calls▁end｜>";
        c.add(new Case("r1 thought then calls", R1, ToolChoice.AUTO, R1_PROMPT,
                "Okay, the user wants the weather in Paris and some events.\n</think>\n\n" + calls,
                List.of(new Thought("Okay, the user wants the weather in Paris and some events."),
                        call(0, "get_weather", "{\"city\": \"Paris\"}"),
                        call(1, "search", "{\"query\": \"Paris events\"}")), true));
        c.add(new Case("r1 thought then answer", R1, ToolChoice.AUTO, R1_PROMPT,
                "Simple: 2 + 2 = 4.\n</think>\n\nThe answer is **4**.",
                List.of(new Thought("Simple: 2 + 2 = 4."), new Text("The answer is **4**.")), false));
        c.add(new Case("r1 opens the open thought again", R1, ToolChoice.AUTO, R1_PROMPT,
                "<think>\nHmm.\n</think>\n\nFour.", List.of(new Thought("Hmm."), new Text("Four.")), false));
        c.add(new Case("r1 required", R1, ToolChoice.REQUIRED, R1_PROMPT, "Call it.\n</think>\n\n" + calls,
                List.of(new Thought("Call it."), call(0, "get_weather", "{\"city\": \"Paris\"}"),
                        call(1, "search", "{\"query\": \"Paris events\"}")), true));
        c.add(new Case("v3.1 unfenced call", V31, ToolChoice.AUTO, V31_PROMPT,
                "<｜tool▁calls▁begin｜><｜tool▁call▁begin｜>get_weather<｜tool▁sep｜>{\"city\": \"Paris\"}"
                        + "<｜tool▁call▁end｜><｜tool▁calls▁end｜>",
                List.of(call(0, "get_weather", "{\"city\": \"Paris\"}")), false));
    }

    private static void gemma(List<Case> c) {
        c.add(new Case("gemma call", GEMMA_4, ToolChoice.AUTO, GEMMA_PROMPT,
                "<|tool_call>call:get_weather{city:<|\"|>Paris<|\"|>,unit:<|\"|>celsius<|\"|>}<tool_call|>"
                        + "<|tool_response>",
                List.of(call(0, "get_weather", "{\"city\":\"Paris\",\"unit\":\"celsius\"}")), false));
        c.add(new Case("gemma nested arguments", GEMMA_4, ToolChoice.AUTO, GEMMA_PROMPT,
                "<|tool_call>call:search{filters:{recent:true,site:<|\"|>example.com<|\"|>},max_results:3,"
                        + "query:<|\"|>say \"hi\" \\ now\n<|\"|>,tags:[<|\"|>a<|\"|>,<|\"|>b<|\"|>]}<tool_call|>",
                List.of(call(0, "search", "{\"filters\":{\"recent\":true,\"site\":\"example.com\"},"
                        + "\"max_results\":3,\"query\":\"say \\\"hi\\\" \\\\ now\\n\",\"tags\":[\"a\",\"b\"]}")),
                true));
        c.add(new Case("gemma parallel calls", GEMMA_4, ToolChoice.REQUIRED, GEMMA_PROMPT,
                "<|tool_call>call:get_weather{city:<|\"|>Paris<|\"|>}<tool_call|>"
                        + "<|tool_call>call:search{query:<|\"|>Paris<|\"|>}<tool_call|>",
                List.of(call(0, "get_weather", "{\"city\":\"Paris\"}"), call(1, "search", "{\"query\":\"Paris\"}")),
                true));
        c.add(new Case("gemma thought then answer", GEMMA_4, ToolChoice.AUTO, GEMMA_PROMPT,
                "<|channel>thought\nThe user wants the weather.<channel|>It is sunny in Paris.",
                List.of(new Thought("The user wants the weather."), new Text("It is sunny in Paris.")), false));
    }

    private static void generic(List<Case> c) {
        c.add(new Case("generic call", SMOLLM_2, ToolChoice.AUTO, CHATML,
                "{\"tool_calls\": [{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}]}",
                List.of(call(0, "get_weather", "{\"city\": \"Paris\"}")), true));
        c.add(new Case("generic parallel calls", SMOLLM_2, ToolChoice.REQUIRED, CHATML,
                "{\"tool_calls\": [{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}, "
                        + "{\"name\": \"search\", \"arguments\": {\"query\": \"Paris\"}}]}",
                List.of(call(0, "get_weather", "{\"city\": \"Paris\"}"), call(1, "search", "{\"query\": \"Paris\"}")),
                true));
        c.add(new Case("generic response", SMOLLM_2, ToolChoice.AUTO, CHATML,
                "{\"response\": \"Hello \\\"world\\\" \\u00e9 😀\\nBye\"}",
                List.of(new Text("Hello \"world\" é 😀\nBye")), true));
        c.add(new Case("generic escaped emoji", SMOLLM_2, ToolChoice.AUTO, CHATML,
                "{\"response\": \"\\ud83d\\ude00 escaped\"}", List.of(new Text("😀 escaped")),
                // The grammar writes characters beyond U+FFFF raw, never as surrogate escapes; models may anyway.
                false));
        c.add(new Case("generic free text", SMOLLM_2, ToolChoice.AUTO, CHATML, "Hello there, {friend}",
                List.of(new Text("Hello there, {friend}")), false));
        c.add(new Case("generic other JSON", SMOLLM_2, ToolChoice.AUTO, CHATML, "{\"answer\": 42}",
                List.of(new Text("{\"answer\": 42}")), false));
        c.add(new Case("generic thought then call", QWEN_35, ToolChoice.REQUIRED, CHATML + "<think>\n",
                "The user wants the weather.\n</think>\n\n{\"tool_calls\": [{\"name\": \"get_weather\", "
                        + "\"arguments\": {\"city\": \"Paris\"}}]}",
                List.of(new Thought("The user wants the weather."), call(0, "get_weather", "{\"city\": \"Paris\"}")),
                true));
        c.add(new Case("generic single call", SMOLLM_2, ToolChoice.AUTO, CHATML,
                "{\"tool_call\": {\"name\": \"search\", \"arguments\": {\"query\": \"x\"}}}",
                List.of(call(0, "search", "{\"query\": \"x\"}")), false));
    }
}
