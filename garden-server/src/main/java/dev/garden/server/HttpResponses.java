package dev.garden.server;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** Writes whole JSON responses: answers and failures. */
final class HttpResponses {
    private static final System.Logger LOG = System.getLogger(HttpResponses.class.getName());

    private HttpResponses() {
    }

    /** A JSON body with the given status. */
    static void json(ServerResponse response, int status, Object body) {
        byte[] bytes = Json.write(body);
        response.status(status(status));
        // Node's SDK parses a body as JSON only if Content-Type says so.
        response.header(HeaderValues.CONTENT_TYPE_JSON);
        response.send(bytes);
    }

    /**
     * A failure, with {@code Retry-After} when it says when to retry, and {@code Connection: close} when the request
     * body was not read.
     */
    static void failure(ServerRequest request, ServerResponse response, HttpFailure failure) {
        if (response.isSent()) {
            LOG.log(System.Logger.Level.DEBUG, () -> "Response already sent; dropping " + failure.body());
            return;
        }
        failure.retryAfterSeconds().ifPresent(seconds -> response.header(HeaderNames.RETRY_AFTER, seconds));
        failure.wwwAuthenticate().ifPresent(challenge -> response.header(HeaderNames.WWW_AUTHENTICATE, challenge));
        if (!request.content().consumed()) {
            // A body left unread (over the limit, or refused before reading) must not be read now: for a 413 that
            // is exactly what must not happen. "Connection: close" tells the client, stops Helidon from draining
            // the body, and makes Routes close the connection (so the body is never parsed as a next request).
            response.header(HeaderValues.CONNECTION_CLOSE);
        }
        json(response, failure.httpStatus(), failure.body());
    }

    private static Status status(int code) {
        return code == 499 ? Status.create(499, "Client Closed Request") : Status.create(code);
    }
}
