package dev.garden.models.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * GETs with retries: connection failures and 5xx answers are tried again after a growing pause, 4xx answers are
 * final. Redirects are followed; across origins the JDK drops {@code Authorization}, so a Hugging Face token never
 * reaches the CDN a download is redirected to.
 */
final class HttpDownloader {

    private static final System.Logger LOG = System.getLogger(HttpDownloader.class.getName());
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    /** Until the response's headers arrive; the body of a large file may take far longer. */
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);
    private static final String USER_AGENT = "Garden (model fetcher; java.net.http)";

    /** An answer whose body is still to be read. Closing it releases the connection. */
    record Body(URI uri, long contentLength, Optional<String> contentType, InputStream stream)
            implements AutoCloseable {

        /** Reads the whole body as UTF-8 text, for small answers such as index pages. */
        String text() throws IOException {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            try {
                stream.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final HttpClient client;
    private final int attempts;
    private final Duration firstPause;

    /**
     * @param attempts how many times a request is sent at most
     * @param firstPause the pause before the second attempt; each further pause doubles
     */
    HttpDownloader(int attempts, Duration firstPause) {
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
        this.attempts = attempts;
        this.firstPause = firstPause;
    }

    /** Four attempts, pausing 1, 2 and 4 seconds. */
    static HttpDownloader standard() {
        return new HttpDownloader(4, Duration.ofSeconds(1));
    }

    /**
     * Sends a GET and returns the successful answer's body, unread.
     *
     * @throws FetchException naming the URL and the status, or the connection failure, once retries are spent
     */
    Body open(URI uri, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).GET().timeout(RESPONSE_TIMEOUT)
                .header("User-Agent", USER_AGENT);
        headers.forEach(builder::header);
        HttpRequest request = builder.build();
        String target = FetchConfig.redacted(uri);
        for (int attempt = 1; ; attempt++) {
            String failure;
            FetchException last;
            try {
                HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return new Body(response.uri(), response.headers().firstValueAsLong("Content-Length").orElse(-1),
                            response.headers().firstValue("Content-Type"), response.body());
                }
                String detail = excerpt(response.body());
                String redirected = response.uri().equals(uri) ? "" : " (redirected to " + response.uri() + ")";
                last = FetchException.httpStatus(
                        "GET " + target + redirected + " failed: HTTP " + status + detail, status);
                if (status < 500) {
                    throw last;
                }
                failure = "HTTP " + status;
            } catch (IOException e) {
                failure = describe(e);
                last = new FetchException("GET " + target + " failed: " + failure
                        + (attempt > 1 ? " (tried " + attempt + " times)" : ""), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FetchException("interrupted while fetching " + target, e);
            }
            if (attempt >= attempts) {
                throw last;
            }
            Duration pause = firstPause.multipliedBy(1L << (attempt - 1));
            LOG.log(System.Logger.Level.WARNING, "GET {0} failed ({1}); trying again in {2} ms", target, failure,
                    pause.toMillis());
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FetchException("interrupted while fetching " + target, e);
            }
        }
    }

    /** The start of an error answer's body, which often says why (Hugging Face: {@code {"error": ...}}). */
    private static String excerpt(InputStream body) {
        try (body) {
            String text = new String(body.readNBytes(300), StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
            return text.isEmpty() ? "" : ": " + text;
        } catch (IOException e) {
            return "";
        }
    }

    private static String describe(IOException e) {
        String kind = switch (e) {
            case ConnectException c -> "cannot connect";
            case HttpTimeoutException t -> "timed out";
            default -> e.getClass().getSimpleName();
        };
        return e.getMessage() == null ? kind : kind + ": " + e.getMessage();
    }
}
