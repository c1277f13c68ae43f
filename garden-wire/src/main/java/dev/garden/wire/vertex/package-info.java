/**
 * Vertex AI's extensions to the OpenAI Chat Completions body: {@code extra_body.google} (and its top-level spelling
 * {@code google}), of which Garden reads {@code thinking_config}. See
 * <a href="https://cloud.google.com/vertex-ai/generative-ai/docs/migrate/openai/overview">Using OpenAI libraries with
 * Vertex AI</a>.
 *
 * <p>Plain records named after the JSON they carry; members Garden does not read ({@code safety_settings},
 * {@code cached_content}, {@code thought_tag_marker}, {@code tools}, ...) are ignored when read, as Vertex AI
 * ignores what it does not support.
 */
package dev.garden.wire.vertex;
