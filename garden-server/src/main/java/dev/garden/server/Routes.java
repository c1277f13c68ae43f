package dev.garden.server;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerResponse;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Every route Garden answers, and Google-shaped answers for the rest: 404 for a path it does not serve, 405 for a
 * method a path does not take, and a last-resort 500 for anything that escapes a handler.
 */
final class Routes {
    private static final System.Logger LOG = System.getLogger(Routes.class.getName());

    /** The API versions Vertex AI serves the OpenAI-compatible endpoint under. */
    static final List<String> API_VERSIONS = List.of("v1", "v1beta1");
    private static final byte[] HEALTHY = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);

    private Routes() {
    }

    /** The path of the chat completions endpoint under an API version, with Helidon's path parameters. */
    static String chatCompletionsPath(String apiVersion) {
        return "/" + apiVersion + "/projects/{project}/locations/{location}/endpoints/openapi/chat/completions";
    }

    /** Adds Garden's routes, filters and last-resort error handler to a routing. */
    static void register(HttpRouting.Builder routing, ChatCompletionsRouter chat, java.util.Optional<OAuthRouter> oauth,
                         BooleanSupplier ready) {
        routing.addFilter(Routes::log);
        routing.addFilter(Routes::closeWhenAsked);
        oauth.ifPresent(endpoints -> {
            // Where Garden's key files point token_uri (Google's is https://oauth2.googleapis.com/token).
            routing.post("/token", endpoints::token);
            routing.any("/token", methodNotAllowed("POST"));
            routing.post("/revoke", endpoints::revoke);
            routing.any("/revoke", methodNotAllowed("POST"));
        });
        for (String version : API_VERSIONS) {
            String path = chatCompletionsPath(version);
            routing.post(path, (request, response) -> chat.handle(version, request, response));
            routing.any(path, methodNotAllowed("POST"));
        }
        // Liveness says only that the process answers; readiness asks the supplied check.
        routing.get("/healthz", (request, response) -> healthy(response));
        routing.any("/healthz", methodNotAllowed("GET"));
        routing.get("/readyz", (request, response) -> {
            if (isReady(ready)) {
                healthy(response);
            } else {
                HttpResponses.failure(request, response, ErrorMapper.notReady());
            }
        });
        routing.any("/readyz", methodNotAllowed("GET"));
        routing.any((request, response) -> HttpResponses.failure(request, response,
                ErrorMapper.pathNotFound(request.path().rawPath())));
        routing.error(Throwable.class, (request, response, failure) ->
                HttpResponses.failure(request, response, ErrorMapper.map(failure)));
    }

    private static Handler methodNotAllowed(String allowed) {
        return (request, response) -> {
            // RFC 9110 §15.5.6: a 405 lists the methods the resource takes.
            response.header(HeaderNames.ALLOW, allowed);
            HttpResponses.failure(request, response, ErrorMapper.methodNotAllowed(
                    request.prologue().method().text(), request.path().rawPath(), List.of(allowed)));
        };
    }

    private static void healthy(ServerResponse response) {
        response.header(HeaderValues.CONTENT_TYPE_JSON);
        response.send(HEALTHY);
    }

    private static boolean isReady(BooleanSupplier ready) {
        try {
            return ready.getAsBoolean();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "The readiness check failed", e);
            return false;
        }
    }

    /**
     * Closes the connection after a response when the request or the response says {@code Connection: close}, as
     * <a href="https://www.rfc-editor.org/rfc/rfc9112#section-9.6">RFC 9112 §9.6</a> requires. Helidon 4.5 sends the
     * header but keeps reading the connection: after a 413 it would parse the unread body as the next request.
     */
    private static void closeWhenAsked(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        chain.proceed();
        if (request.headers().containsToken(HeaderValues.CONNECTION_CLOSE)
            || response.headers().containsToken(HeaderValues.CONNECTION_CLOSE)) {
            // Helidon commits a streamed response (its last chunk) only after the filters return: do it now.
            response.commit();
            throw new CloseConnectionException("Connection: close");
        }
    }

    /** One line per request, at DEBUG. */
    private static void log(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        long started = System.nanoTime();
        try {
            chain.proceed();
        } finally {
            if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
                long millis = (System.nanoTime() - started) / 1_000_000;
                LOG.log(System.Logger.Level.DEBUG, request.prologue().method().text() + " "
                                                   + request.path().rawPath() + " " + response.status().code()
                                                   + " " + millis + " ms");
            }
        }
    }
}
