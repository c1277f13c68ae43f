package dev.garden.server;

/** A request body over the configured limit; {@link ErrorMapper} makes it a 413. */
final class PayloadTooLargeException extends RuntimeException {
    private final long limit;

    PayloadTooLargeException(long limit) {
        super("Request payload size exceeds the limit: " + limit + " bytes.", null, false, false);
        this.limit = limit;
    }

    long limit() {
        return limit;
    }
}
