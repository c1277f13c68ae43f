package dev.garden.server;

import dev.garden.core.GardenException;
import io.helidon.http.media.ReadableEntity;
import io.helidon.webserver.http.ServerRequest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalLong;

/**
 * Reads request bodies under a size limit without ever holding more than the limit: a declared
 * {@code Content-Length} over it is refused before a byte is read, and a chunked body is counted while it is read
 * and abandoned one byte past the limit.
 */
final class RequestBodies {
    private static final System.Logger LOG = System.getLogger(RequestBodies.class.getName());
    private static final int BUFFER = 8192;

    private RequestBodies() {
    }

    /**
     * The whole body, or an empty array when there is none.
     *
     * @throws PayloadTooLargeException when the body is over {@code limit} bytes
     * @throws GardenException          {@code INVALID_ARGUMENT} when the body cannot be read (malformed chunks)
     */
    static byte[] read(ServerRequest request, long limit) {
        OptionalLong declared = request.headers().contentLength();
        if (declared.isPresent() && declared.getAsLong() > limit) {
            throw new PayloadTooLargeException(limit);
        }
        ReadableEntity content = request.content();
        if (!content.hasEntity()) {
            return new byte[0];
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream((int) Math.min(declared.orElse(BUFFER), BUFFER));
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        try {
            // The stream is deliberately not closed: closing would make Helidon drain what is left of the body.
            InputStream in = content.inputStream();
            while (true) {
                // Never ask for more than one byte past the limit: that byte is enough to know.
                int wanted = (int) Math.min(buffer.length, limit + 1 - total);
                int read = in.read(buffer, 0, wanted);
                if (read < 0) {
                    return body.toByteArray();
                }
                total += read;
                if (total > limit) {
                    throw new PayloadTooLargeException(limit);
                }
                body.write(buffer, 0, read);
            }
        } catch (PayloadTooLargeException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Helidon reports malformed chunks and early ends of the connection unchecked.
            LOG.log(System.Logger.Level.DEBUG, "Could not read a request body", e);
            throw GardenException.invalidArgument("The request body could not be read.");
        }
    }
}
