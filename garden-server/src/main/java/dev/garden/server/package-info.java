/**
 * Garden's HTTP surface: Vertex AI's OpenAI-compatible Chat Completions routes on Helidon SE's WebServer.
 *
 * <p>The public API is {@link dev.garden.server.GardenServer} and the authentication seam
 * ({@link dev.garden.server.Authenticator}, {@link dev.garden.server.RequestContext}); everything else is
 * package-private. Inside, each concern has its own class: the HTTP binding ({@code ChatCompletionsRouter},
 * {@code Routes}), the protocol (the wire types of {@code garden-wire}, read by {@code ChatCompletionRequestParser}),
 * the logic ({@code ChatCompletionsServing}), and the one place that turns failures into responses
 * ({@code ErrorMapper}).
 */
package dev.garden.server;
