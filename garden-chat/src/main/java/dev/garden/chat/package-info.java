/**
 * How each model family writes tool calls and thoughts, for the engine that runs models in-process. Pure Java: no
 * llama.cpp, no HTTP; the domain's types in, the domain's events out.
 *
 * <p>Per model, once: {@link dev.garden.chat.ChatFormat#detect} reads the chat template's source and tells the
 * family ({@link dev.garden.chat.ToolCallFamily}), whether the template describes tools itself, how the model marks
 * its thoughts ({@link dev.garden.chat.ThinkingSyntax}) and which special tokens must be detokenized as text
 * ({@link dev.garden.chat.ChatFormat#preservedTokens}).
 *
 * <p>Per request: {@link dev.garden.chat.ChatFormat#plan} gives a {@link dev.garden.chat.ChatPlan}; the engine
 * <ol>
 *   <li>renders the template with {@link dev.garden.chat.ChatPlan#messages} and the extra
 *       {@link dev.garden.chat.ChatPlan#templateVariables}, then appends
 *       {@link dev.garden.chat.ChatPlan#promptSuffix};</li>
 *   <li>compiles {@link dev.garden.chat.ChatPlan#grammar} (strict, or lazy with its triggers) for the prompt;</li>
 *   <li>feeds each choice's detokenized text to its own {@link dev.garden.chat.ChatOutputParser} and forwards the
 *       events it returns, ending the choice with {@link dev.garden.chat.ChatOutputParser#finishReason}.</li>
 * </ol>
 *
 * <p>Families, by their templates: Hermes/Qwen {@code <tool_call>}, Llama 3.x JSON, Mistral {@code [TOOL_CALLS]}
 * (both forms), DeepSeek-R1 and V3.1, Gemma 4, and the generic JSON format for every other template (as llama.cpp's
 * {@code common/chat.cpp} chooses its formats; its implementation was read, not copied).
 */
package dev.garden.chat;
