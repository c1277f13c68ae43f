package dev.garden.server;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderValues;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;

/**
 * Google-shaped bodies for the errors Helidon answers itself, before any route runs (a malformed request line,
 * headers too large, a bad {@code Content-Length}): clients parse every error body the same way.
 */
final class GoogleDirectHandler implements DirectHandler {
    private final long maxRequestBytes;

    private GoogleDirectHandler(long maxRequestBytes) {
        this.maxRequestBytes = maxRequestBytes;
    }

    /** Handlers for every kind of event Helidon answers directly. */
    static DirectHandlers create(long maxRequestBytes) {
        GoogleDirectHandler handler = new GoogleDirectHandler(maxRequestBytes);
        DirectHandlers.Builder builder = DirectHandlers.builder();
        for (EventType type : EventType.values()) {
            builder.addHandler(type, handler);
        }
        return builder.build();
    }

    @Override
    public TransportResponse handle(TransportRequest request, EventType eventType, Status status,
                                    ServerResponseHeaders headers, String message) {
        HttpFailure failure = status.code() == Status.REQUEST_ENTITY_TOO_LARGE_413_CODE
                ? ErrorMapper.map(new PayloadTooLargeException(maxRequestBytes))
                : ErrorMapper.plain(status.code(), message == null || message.isBlank()
                        ? status.reasonPhrase() + "." : message);
        headers.set(HeaderValues.CONTENT_TYPE_JSON);
        return TransportResponse.builder()
                .status(status)
                .headers(headers)
                .entity(Json.write(failure.body()))
                .build();
    }
}
