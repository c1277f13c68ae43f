/**
 * OpenAI's Chat Completions wire types, named exactly as the OpenAI API reference and the official SDKs name them
 * (<a href="https://platform.openai.com/docs/api-reference/chat">API reference</a>).
 *
 * <p>These are plain records with Jackson annotations and no behaviour: they know nothing of Garden's domain.
 * Absent optional fields are omitted when written; the few fields OpenAI always writes, even as {@code null}
 * ({@code logprobs}, {@code refusal}, a chunk's {@code finish_reason}), are always written, because some clients
 * tell "absent" from "null".
 */
package dev.garden.wire.openai;
