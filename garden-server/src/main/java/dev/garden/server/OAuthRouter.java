package dev.garden.server;

import dev.garden.auth.OAuthResponse;
import dev.garden.auth.TokenEndpoint;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.HttpMediaType;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The HTTP binding of Google's OAuth 2.0 endpoints, as the client libraries call them: {@code POST /token}
 * (a key file's {@code token_uri}) and {@code POST /revoke}. Bodies are form-encoded; answers are JSON, and errors
 * take RFC 6749's shape ({@code {"error": "invalid_grant", "error_description": "..."}}) rather than the Google API
 * error shape, because that is what the libraries parse here.
 */
final class OAuthRouter {
    /** Token requests are small; anything bigger is not one. */
    static final long MAX_FORM_BYTES = 64 * 1024;

    private final TokenEndpoint endpoint;

    OAuthRouter(TokenEndpoint endpoint) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    }

    /** {@code POST /token}. */
    void token(ServerRequest request, ServerResponse response) {
        answer(request, response, () -> form(request, Map.of()).map(endpoint::token).orElseGet(OAuthRouter::repeated));
    }

    /** {@code POST /revoke}: the token may come in the query, as Google's documentation shows, or in the body. */
    void revoke(ServerRequest request, ServerResponse response) {
        answer(request, response, () -> query(request)
                .flatMap(parameters -> form(request, parameters))
                .map(endpoint::revoke)
                .orElseGet(OAuthRouter::repeated));
    }

    /**
     * Writes what the endpoint answered; a request that is not a proper form gets RFC 6749's {@code invalid_request}
     * (413 when it is far too big), so that the client libraries can read the refusal.
     */
    private static void answer(ServerRequest request, ServerResponse response,
                               java.util.function.Supplier<OAuthResponse> handler) {
        OAuthResponse answer;
        try {
            answer = handler.get();
        } catch (BadForm e) {
            answer = invalidRequest(400, e.getMessage());
        } catch (PayloadTooLargeException e) {
            answer = invalidRequest(413, e.getMessage());
            // The body was left unread: the connection must not be reused (Routes closes it).
            response.header(HeaderValues.CONNECTION_CLOSE);
        } catch (dev.garden.core.GardenException e) {
            answer = invalidRequest(400, e.getMessage());
        }
        write(response, answer);
    }

    private static Optional<Map<String, String>> query(ServerRequest request) {
        try {
            return FormBodies.parse(request.query().rawValue(), Map.of());
        } catch (IllegalArgumentException e) {
            throw new BadForm("The query string is not valid URL encoding.");
        }
    }

    private static OAuthResponse invalidRequest(int status, String description) {
        return new OAuthResponse.ErrorResponse(status, "invalid_request", description);
    }

    private static Optional<Map<String, String>> form(ServerRequest request, Map<String, String> into) {
        boolean formEncoded = request.headers().contentType()
                .map(type -> type.test(HttpMediaType.create("application/x-www-form-urlencoded")))
                .orElse(false);
        byte[] body = RequestBodies.read(request, MAX_FORM_BYTES);
        if (body.length > 0 && !formEncoded) {
            throw new BadForm("The request body must be application/x-www-form-urlencoded.");
        }
        try {
            return FormBodies.parse(new String(body, StandardCharsets.UTF_8), into);
        } catch (IllegalArgumentException e) {
            throw new BadForm("The request body is not valid application/x-www-form-urlencoded.");
        }
    }

    private static OAuthResponse repeated() {
        return invalidRequest(400, "A parameter was included more than once (RFC 6749 section 3.2).");
    }

    static void write(ServerResponse response, OAuthResponse answer) {
        // RFC 6749 §5.1: responses that carry tokens must not be cached.
        response.header(HeaderNames.CACHE_CONTROL, "no-store");
        response.header(HeaderNames.PRAGMA, "no-cache");
        response.header(HeaderValues.CONTENT_TYPE_JSON);
        response.status(io.helidon.http.Status.create(answer.httpStatus()));
        response.send(Json.write(new LinkedHashMap<>(answer.body())));
    }

    /** A request that is not a well-formed form: answered as RFC 6749's {@code invalid_request}. */
    static final class BadForm extends RuntimeException {
        BadForm(String message) {
            super(message, null, false, false);
        }
    }
}
