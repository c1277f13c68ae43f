package dev.garden.chat;

/** How a model family writes tool calls: the syntax its chat template teaches and Garden parses. */
public enum ToolCallFamily {
    /**
     * {@code <tool_call>{"name": ..., "arguments": {...}}</tool_call>}: Hermes 2/3 Pro, Qwen 2.5, Qwen 3, QwQ,
     * Granite 4, MiMo-VL, Bielik.
     */
    HERMES(true),
    /** A bare {@code {"name": ..., "parameters": {...}}}, possibly after {@code <|python_tag|>}: Llama 3.1-3.3. */
    LLAMA_3(false),
    /** {@code [TOOL_CALLS][{"name": ..., "arguments": {...}, "id": ...}]}: Mistral 7B v0.3, Mistral Nemo. */
    MISTRAL_NEMO(true),
    /**
     * {@code [TOOL_CALLS]name[ARGS]{...}}, one marker per call ({@code [CALL_ID]id} before {@code [ARGS]} on Mistral
     * Small 3.2): the tekken v7+ models (Mistral Small 3.x, Devstral, Magistral, Ministral).
     */
    MISTRAL(true),
    /**
     * {@code <｜tool▁calls▁begin｜><｜tool▁call▁begin｜>function<｜tool▁sep｜>name} and a fenced JSON block: DeepSeek-R1
     * and its distills.
     */
    DEEPSEEK_R1(true),
    /**
     * {@code <｜tool▁calls▁begin｜><｜tool▁call▁begin｜>name<｜tool▁sep｜>{...}<｜tool▁call▁end｜>}, unfenced:
     * DeepSeek-V3.1.
     */
    DEEPSEEK_V3_1(true),
    /** {@code <|tool_call>call:name{key:<|"|>value<|"|>}<tool_call|>}: Gemma 4. */
    GEMMA_4(true),
    /**
     * Templates that know nothing of tools (or write them in a syntax Garden does not parse): Garden describes the
     * tools in a system message and a grammar makes the model answer {@code {"tool_calls": [...]}} or
     * {@code {"response": "..."}}, as llama.cpp's generic format does.
     */
    GENERIC(true);

    private final boolean parallelCalls;

    ToolCallFamily(boolean parallelCalls) {
        this.parallelCalls = parallelCalls;
    }

    /**
     * Whether the family can make several calls in one turn. Llama 3.x's templates refuse to render more than one
     * call back ("This model only supports single tool-calls at once!"), so Garden never lets it make more.
     */
    public boolean parallelCalls() {
        return parallelCalls;
    }
}
